import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const charge = () => screen.getByRole('button', { name: /^Charge/ });
const amount = () => screen.getByRole('status', { name: 'Amount' });

async function pressAll(user: Awaited<ReturnType<typeof renderApp>>['user'], keys: string[]) {
  const keypad = screen.getByRole('group', { name: 'Keypad' });
  for (const key of keys) await user.click(within(keypad).getByRole('button', { name: key }));
}

describe('keypad and amount rules', () => {
  it('INR: two decimals, a third is refused, the display shows the rupee amount', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await pressAll(user, ['3', '4', '5', '.', '6', '7', '8']);
    expect(amount()).toHaveTextContent('₹345.67');
    expect(charge()).toHaveAccessibleName('Charge ₹345.67');
  });

  it('INR: shows exactly two decimals while the cashier is still typing them', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await pressAll(user, ['1', '2', '.', '5']);
    expect(amount()).toHaveTextContent('₹12.50');
    await pressAll(user, ['Backspace', 'Backspace']);
    expect(amount()).toHaveTextContent('₹12.00');
  });

  it('JPY: no point key, 00 multiplies, the amount has no decimals', async () => {
    const { user } = await renderApp({
      'setup.status': () => makeStatus({ settings: { defaultCurrency: 'JPY' } }),
    });
    await saleScreenReady();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('JPY'));
    const keypad = screen.getByRole('group', { name: 'Keypad' });
    expect(within(keypad).queryByRole('button', { name: '.' })).toBeNull();
    await pressAll(user, ['5', '00']);
    expect(amount()).toHaveTextContent('¥500');
    await user.keyboard('.');
    expect(amount()).toHaveTextContent('¥500');
    expect(charge()).toHaveAccessibleName('Charge ¥500');
  });

  it('KWD: three decimals are accepted and a fourth refused', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'KWD');
    await pressAll(user, ['1', '.', '2', '3', '4', '5']);
    expect(amount()).toHaveTextContent(/1\.234$/);
    expect(charge()).toHaveAccessibleName(/^Charge KWD\s1\.234$/);
  });

  it('the physical keyboard types like the keypad: digits, point, Backspace, Escape clears', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.keyboard('98.765');
    expect(amount()).toHaveTextContent('₹98.76');
    await user.keyboard('{Backspace}');
    expect(amount()).toHaveTextContent('₹98.70');
    await user.keyboard('{Escape}');
    expect(amount()).toHaveTextContent('₹0.00');
  });

  it('the keyboard comma groups digits (1,234 is ₹1,234.00), never a decimal point', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.keyboard('1,234');
    expect(amount()).toHaveTextContent('₹1,234.00');
    expect(charge()).toHaveAccessibleName('Charge ₹1,234.00');
  });

  it('a pasted amount written with groups is read whole', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.paste('1,234.50');
    expect(amount()).toHaveTextContent('₹1,234.50');
  });

  it('a key past the largest amount is refused with a sentence naming the largest amount', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.keyboard('9'.repeat(16));
    // INR with no locale chosen: written the en-IN way.
    expect(amount()).toHaveTextContent('₹99,99,99,999.00');
    expect(screen.getByRole('alert')).toHaveTextContent(
      /largest amount one sale can charge is ₹99,99,99,999\.99/,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switching currency clears the amount instead of carrying the wrong decimals', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.keyboard('12.34');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'JPY');
    expect(amount()).toHaveTextContent('¥0');
  });

  it('typing in the note field does not change the amount', async () => {
    const { user } = await renderApp();
    await saleScreenReady();
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'table 4');
    expect(amount()).toHaveTextContent('₹0.00');
    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveValue('table 4');
  });

  it('starts with the currency and method of the last sale, before the manager’s defaults', async () => {
    await renderApp({
      'setup.status': () => makeStatus({ settings: { defaultCurrency: 'USD', defaultMethodId: 'm_card' } }),
      'sales.list': () => [
        makeSale({
          currency: 'KWD',
          currencyId: 'cur_kwd',
          methodId: 'm_knet',
          methodName: 'KNET',
          status: 'succeeded',
        }),
      ],
    });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('KWD'));
    expect(await screen.findByRole('button', { name: 'KNET' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('without a last sale, starts with the manager’s default currency and method', async () => {
    await renderApp({
      'setup.status': () => makeStatus({ settings: { defaultCurrency: 'USD', defaultMethodId: 'm_card' } }),
    });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD'));
    expect(await screen.findByRole('button', { name: 'CARD' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('without a last sale or a default method, the first method is chosen', async () => {
    await renderApp({ 'setup.status': () => makeStatus({ settings: { defaultCurrency: 'INR' } }) });
    await saleScreenReady();
    expect(await screen.findByRole('button', { name: 'CARD' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('Enter on a method reached with Tab chooses that method and does not charge', async () => {
    const { user, fake } = await renderApp();
    await saleScreenReady();
    await user.keyboard('12');
    const upi = screen.getByRole('button', { name: 'UPI' });
    upi.focus();
    await user.keyboard('{Enter}');
    expect(upi).toHaveAttribute('aria-pressed', 'true');
    expect(fake.callsTo('sales.start')).toEqual([]);
  });

  it('offers only active currencies and active methods, one button per method', async () => {
    await renderApp();
    await saleScreenReady();
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    const values = within(currency)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(values).toEqual(['INR', 'USD', 'JPY', 'KWD']);
    const methods = screen.getByRole('group', { name: 'Payment method' });
    expect(
      within(methods)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['CARD', 'UPI', 'NET BANKING']);
  });
});
