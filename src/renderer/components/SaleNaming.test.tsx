// The screen knows its own sale by the ID it made: another page's sale of the same amount at the same moment is
// never taken for it, and a sale whose start reply was lost is still shown as this page's when its update comes.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StartSaleInput } from '../../shared/contract.ts';
import type { Sale } from '../../shared/domain.ts';
import { PosError } from '../../shared/pos-error.ts';
import { makeSale } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const now = new Date().toISOString();

/** A sale of ₹30.00 by card, made now: what two counters charging the same amount at once both start. */
function cardSale(overrides: Partial<Sale>): Sale {
  return makeSale({
    amountMinor: 3000,
    currency: 'INR',
    currencyId: 'cur_inr',
    methodId: 'm_card',
    methodName: 'CARD',
    status: 'initiating',
    checkoutUrl: undefined,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

/** This page's sale, named `id`, as main announces it once the checkout is ready. */
function waitingSale(id: string): Sale {
  return cardSale({
    id,
    reference: 'POS-MINE',
    status: 'awaiting_payment',
    checkoutUrl: 'http://127.0.0.1:4010/checkout/mine',
  });
}

/** The cashier screen where every reply to sales.start is lost on the way back. */
function renderWithLostStartReply() {
  return renderApp({
    'sales.start': () => {
      throw new PosError(
        'offline',
        'The terminal did not answer. Check the connection, then press Charge again.',
      );
    },
    'sales.current': () => null,
  });
}

describe('the screen adopts only the sale it named', () => {
  it('another page’s sale of the same amount at the same moment stays that page’s; its own is shown', async () => {
    let named = '';
    const { user, fake } = await renderApp();
    fake.handle('sales.start', ({ saleId }) => {
      named = saleId;
      return new Promise<Sale>(() => undefined); // the reply is slow: updates come first
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    expect(named).not.toBe('');

    act(() => fake.emit('sale.updated', cardSale({ id: 'the-other-counters-sale', reference: 'POS-OTHER' })));
    expect(screen.queryByRole('heading', { name: 'Preparing the payment…' })).toBeNull();

    act(() => fake.emit('sale.updated', waitingSale(named)));
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    expect(screen.getByText('POS-MINE')).toBeInTheDocument();
    expect(screen.queryByText('POS-OTHER')).toBeNull();
  });

  it('a lost reply to sales.start, then the sale’s update: shown as this page’s sale, the error gone', async () => {
    const { user, fake } = await renderWithLostStartReply();
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The terminal did not answer.');
    const [asked] = fake.callsTo('sales.start') as StartSaleInput[];

    act(() => fake.emit('sale.updated', waitingSale(asked!.saleId)));
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    expect(screen.getByText('POS-MINE')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Charge pressed again after a lost reply asks for the same sale; another amount names a new one', async () => {
    const { user, fake } = await renderWithLostStartReply();
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30');
    await user.click(screen.getByRole('button', { name: /^Charge/ }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: /^Charge/ }));
    await user.keyboard('5');
    await user.click(screen.getByRole('button', { name: /^Charge/ }));
    const ids = (fake.callsTo('sales.start') as StartSaleInput[]).map((input) => input.saleId);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
