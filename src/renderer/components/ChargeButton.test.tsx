import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../shared/pos-error.ts';
import type { Sale } from '../../shared/domain.ts';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const charge = () => screen.getByRole('button', { name: /^Charge/ });

describe('the Charge button', () => {
  it('is disabled for a zero amount even with a method chosen', async () => {
    const { user } = await renderApp({
      'setup.status': () => makeStatus({ settings: { defaultCurrency: 'INR', defaultMethodId: 'm_upi' } }),
    });
    await saleScreenReady();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'UPI' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(charge()).toBeDisabled();
    expect(charge()).toHaveAccessibleName('Charge ₹0.00');
    expect(charge()).toHaveAccessibleDescription('Key in an amount to charge.');
    await user.keyboard('5');
    expect(charge()).toBeEnabled();
  });

  it('is disabled when the currency offers no method, and says so', async () => {
    const { user } = await renderApp({ 'catalog.methods': () => [] });
    await saleScreenReady();
    await user.keyboard('250');
    expect(charge()).toHaveAccessibleName('Charge ₹250.00');
    expect(charge()).toBeDisabled();
    expect(charge()).toHaveAccessibleDescription('Choose a payment method to charge.');
  });

  it('starts with the first method chosen, and another is chosen by a click', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.keyboard('250');
    expect(await screen.findByRole('button', { name: 'CARD' })).toHaveAttribute('aria-pressed', 'true');
    expect(charge()).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'NET BANKING' }));
    expect(screen.getByRole('button', { name: 'NET BANKING' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'CARD' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('starts the sale with integer minor units, the chosen method and the note', async () => {
    const { user, fake } = await renderApp();
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'NET BANKING' }));
    await user.type(screen.getByRole('textbox', { name: /Note/ }), ' table 4 ');
    await user.click(document.body);
    await user.keyboard('345.67');
    await user.click(charge());
    expect(fake.callsTo('sales.start')).toEqual([
      {
        saleId: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        currency: 'INR',
        currencyId: 'cur_inr',
        methodId: 'm_netbanking',
        amountMinor: 34567,
        note: 'table 4',
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
  });

  it('Enter charges from the keyboard, and a second Enter does not start a second sale', async () => {
    const { user, fake } = await renderApp();
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('12{Enter}{Enter}');
    await screen.findByRole('heading', { name: 'Waiting for the customer' });
    expect(fake.callsTo('sales.start')).toHaveLength(1);
  });

  it('shows the sale as soon as main reports it, before sales.start has answered', async () => {
    let answer: (sale: Sale) => void = () => undefined;
    let named = '';
    const { user, fake } = await renderApp();
    fake.handle(
      'sales.start',
      ({ saleId, ...input }) =>
        new Promise<Sale>((resolve) => {
          answer = resolve;
          named = saleId;
          const sale = makeSale({
            ...input,
            id: saleId,
            methodName: 'CARD',
            status: 'initiating',
            checkoutUrl: undefined,
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
          });
          setTimeout(() => fake.emit('sale.updated', sale), 0);
        }),
    );
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    expect(await screen.findByRole('heading', { name: 'Preparing the payment…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel sale' })).toBeNull();
    act(() =>
      answer(
        makeSale({
          id: named,
          amountMinor: 3000,
          methodId: 'm_card',
          methodName: 'CARD',
          createdAt: new Date().toISOString(),
          updatedAt: new Date(Date.now() + 1000).toISOString(),
        }),
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel sale' })).toBeInTheDocument();
  });

  it('an update of some other sale while starting is not taken for the new one', async () => {
    const { user, fake } = await renderApp();
    fake.handle(
      'sales.start',
      () =>
        new Promise<Sale>(() => {
          setTimeout(
            () => fake.emit('sale.updated', makeSale({ id: 'old', amountMinor: 999, status: 'processing' })),
            0,
          );
        }),
    );
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: 'Preparing the payment…' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Charge/ })).toBeDisabled();
  });

  it('shows why a sale could not start, in plain words, and keeps the amount', async () => {
    const { user } = await renderApp({
      'sales.start': () => {
        throw new PosError(
          'offline',
          'KS Pay cannot be reached. Check the internet connection, then press Charge again.',
        );
      },
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('99');
    await user.click(charge());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'KS Pay cannot be reached. Check the internet connection, then press Charge again.',
    );
    expect(
      within(screen.getByRole('group', { name: 'Keypad' })).getByRole('button', { name: '9' }),
    ).toBeEnabled();
    expect(charge()).toHaveAccessibleName('Charge ₹99.00');
  });
});
