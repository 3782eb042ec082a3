import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SaleStatus } from '../../shared/domain.ts';
import { makeSale } from '../test/fake-pos.ts';
import { renderApp } from '../test/render-app.tsx';

const PRINTED_AT = '2026-03-02T10:17:00.000+05:30';

const cases: [SaleStatus, string, string][] = [
  ['succeeded', 'Payment successful', 'Paid'],
  ['failed', 'Payment failed', 'Not paid'],
  ['expired', 'Payment failed', 'Not paid'],
  ['cancelled', 'Payment cancelled', 'Cancelled'],
  ['unknown', 'Payment pending', 'Not confirmed yet'],
];

describe('the result', () => {
  it.each(cases)(
    'a %s sale shows the heading "%s" with the word "%s", and is announced',
    async (status, heading, word) => {
      const sale = makeSale({ status, txnId: 'tx_8F2K1', verifiedAt: '2026-03-02T10:16:00.000+05:30' });
      await renderApp({ 'sales.current': () => sale });
      expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
      const result = within(screen.getByRole('region', { name: heading }));
      expect(result.getByText(word)).toBeInTheDocument();
      expect(result.getByText('₹345.67')).toBeInTheDocument();
      expect(result.getByText('NET BANKING')).toBeInTheDocument();
      expect(result.getByText('POS01JTESTREF')).toBeInTheDocument();
      expect(result.getByText('tx_8F2K1')).toBeInTheDocument();
      expect(screen.getByTestId('result-announcer')).toHaveTextContent(`${heading}. ₹345.67.`);
      expect(screen.getByRole('button', { name: 'Print receipt' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'New sale' })).toHaveFocus();
    },
  );

  it('a cancelled sale the customer paid anyway reads "Paid after cancel", with no Check again or Cancel', async () => {
    const message = 'The customer paid after this sale was cancelled. Do not charge them again.';
    const sale = makeSale({
      status: 'cancelled',
      flags: ['paid_after_cancel'],
      txnId: 'tx_8F2K1',
      error: { code: 'paid_after_cancel', message },
    });
    await renderApp({ 'sales.current': () => sale });
    const result = within(await screen.findByRole('region', { name: 'Paid after cancel' }));
    expect(result.getByText('Money taken: do not charge again')).toBeInTheDocument();
    expect(result.getByText(message)).toBeInTheDocument();
    expect(screen.getByTestId('result-announcer')).toHaveTextContent('Paid after cancel. ₹345.67.');
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel sale' })).toBeNull();
  });

  it('a sale closed because KS Pay could not be reached says "Not charged: KS Pay could not be reached"', async () => {
    const sale = makeSale({
      status: 'failed',
      checkoutUrl: undefined,
      startUnanswered: true,
      error: {
        code: 'not_reached',
        message: 'Not charged: KS Pay could not be reached when this sale started.',
      },
    });
    await renderApp({ 'sales.current': () => sale });
    const heading = 'Not charged: KS Pay could not be reached';
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: heading })).getByText('Not charged'),
    ).toBeInTheDocument();
  });

  it('pending says what happens next and offers to check again', async () => {
    const sale = makeSale({ status: 'unknown' });
    const { user, fake } = await renderApp({
      'sales.current': () => sale,
      'sales.retryVerify': () => ({
        ...sale,
        status: 'succeeded',
        txnId: 'tx_1',
        updatedAt: '2026-03-02T10:20:00.000+05:30',
      }),
    });
    expect(await screen.findByText(/keeps checking with KS Pay/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(fake.callsTo('sales.retryVerify')).toEqual([{ saleId: sale.id }]);
  });

  it('a pending sale can still be cancelled, after a confirm', async () => {
    const sale = makeSale({ status: 'unknown' });
    const { user, fake } = await renderApp({
      'sales.current': () => sale,
      'sales.cancel': () => ({ ...sale, status: 'cancelled', updatedAt: '2026-03-02T10:40:00.000+05:30' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel sale' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel sale' }));
    expect(await screen.findByRole('heading', { name: 'Payment cancelled' })).toBeInTheDocument();
    expect(fake.callsTo('sales.cancel')).toEqual([{ saleId: sale.id }]);
  });

  it('shows the server’s reason when a payment was refused for a mismatch', async () => {
    const sale = makeSale({
      status: 'failed',
      flags: ['redirect_lied'],
      error: {
        code: 'mismatch',
        message: 'KS Pay’s record says this payment failed, whatever the checkout page said.',
      },
    });
    await renderApp({ 'sales.current': () => sale });
    expect(await screen.findByRole('heading', { name: 'Payment failed' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Payment failed' })).getByText(
        'KS Pay’s record says this payment failed, whatever the checkout page said.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Payment successful' })).toBeNull();
  });

  it('Print receipt asks main and prints in the page when main says so', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const sale = makeSale({ status: 'succeeded', txnId: 'tx_9' });
    const { user, fake } = await renderApp({ 'sales.current': () => sale });
    await user.click(await screen.findByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('receipts.print')).toEqual([{ saleId: sale.id }]);
    print.mockRestore();
  });

  it('after a reload, the system printer prints the page marked DUPLICATE when main noted the receipt printed', async () => {
    // What the page showed each time main printed it: the system printer prints the page as it stands.
    const markedWhenPrinted: boolean[] = [];
    const printed = makeSale({ status: 'succeeded', txnId: 'tx_9', receiptPrintedAt: PRINTED_AT });
    const { user } = await renderApp({
      'sales.current': () => printed,
      'receipts.print': () => {
        markedWhenPrinted.push(screen.queryByText('DUPLICATE') !== null);
        return { via: 'system', duplicate: true, sale: printed };
      },
    });
    expect(await screen.findByText('DUPLICATE')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print receipt' }));
    expect(await screen.findByText(/printed before, so this copy is marked DUPLICATE/)).toBeInTheDocument();
    expect(markedWhenPrinted).toEqual([true]);
  });

  it('the first copy is not marked DUPLICATE even when main’s update noting it arrives before the page prints it', async () => {
    const markedWhenPrinted: boolean[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      markedWhenPrinted.push(screen.queryByText('DUPLICATE') !== null);
    });
    const sale = makeSale({ status: 'succeeded', txnId: 'tx_9' });
    const noted = { ...sale, receiptPrintedAt: PRINTED_AT };
    const { user, fake } = await renderApp({ 'sales.current': () => sale });
    fake.handle('receipts.print', () => {
      fake.emit('sale.updated', noted);
      return { via: 'renderer', duplicate: false, sale: noted };
    });
    await user.click(await screen.findByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(markedWhenPrinted).toEqual([false]);
    // Printed once: the screen, and every later copy, say DUPLICATE.
    expect(await screen.findByText('DUPLICATE')).toBeInTheDocument();
    fake.handle('receipts.print', () => ({ via: 'renderer', duplicate: true, sale: noted }));
    await user.click(screen.getByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    expect(markedWhenPrinted).toEqual([false, true]);
    print.mockRestore();
  });

  /** A paid sale's Print receipt, printed by main on the thermal printer. */
  async function printOnThermalPrinter(): Promise<void> {
    const sale = makeSale({ status: 'succeeded' });
    const { user } = await renderApp({
      'sales.current': () => sale,
      'receipts.print': () => ({
        via: 'escpos',
        duplicate: false,
        sale: { ...sale, receiptPrintedAt: PRINTED_AT },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Print receipt' }));
    expect(await screen.findByText('Sent to the printer.')).toBeInTheDocument();
  }

  it('Print receipt does not open the print dialog when main printed on the thermal printer', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await printOnThermalPrinter();
    expect(print).not.toHaveBeenCalled();
    print.mockRestore();
  });

  it('after Print receipt, the focus is back on New sale so Enter starts the next sale', async () => {
    await printOnThermalPrinter();
    expect(screen.getByRole('button', { name: 'New sale' })).toHaveFocus();
  });

  it('New sale clears the sale with main and returns to an empty amount and note', async () => {
    const { user, fake } = await renderApp();
    await screen.findByRole('option', { name: /INR/ });
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'table 9');
    await user.click(document.body);
    await user.keyboard('45.5');
    const sale = makeSale({ status: 'awaiting_payment', amountMinor: 4550 });
    fake.handle('sales.start', () => sale);
    await user.click(screen.getByRole('button', { name: /^Charge/ }));
    act(() =>
      fake.emit('sale.updated', { ...sale, status: 'succeeded', updatedAt: '2026-03-02T10:20:00.000+05:30' }),
    );
    await user.click(await screen.findByRole('button', { name: 'New sale' }));
    expect(await screen.findByRole('button', { name: /^Charge/ })).toHaveAccessibleName('Charge ₹0.00');
    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveValue('');
    expect(fake.callsTo('sales.dismiss')).toEqual([{ saleId: sale.id }]);
  });

  it('follows main’s updates from waiting to the verified result', async () => {
    const sale = makeSale({ status: 'awaiting_payment' });
    const { fake } = await renderApp({ 'sales.current': () => sale });
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    act(() =>
      fake.emit('sale.updated', { ...sale, status: 'verifying', updatedAt: '2026-03-02T10:15:30.000+05:30' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Checking the payment with KS Pay…' }),
    ).toBeInTheDocument();
    act(() =>
      fake.emit('sale.updated', {
        ...sale,
        status: 'succeeded',
        txnId: 'tx_77',
        updatedAt: '2026-03-02T10:15:40.000+05:30',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    // An older update arriving late never rolls the result back.
    act(() =>
      fake.emit('sale.updated', {
        ...sale,
        status: 'awaiting_payment',
        updatedAt: '2026-03-02T10:15:20.000+05:30',
      }),
    );
    expect(screen.getByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
  });
});
