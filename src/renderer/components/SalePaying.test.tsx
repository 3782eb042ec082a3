import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

afterEach(() => vi.restoreAllMocks());

describe('while the customer pays', () => {
  it('shows the checkout URL as a QR code, the amount, the reference and the elapsed time', async () => {
    await renderApp({ 'sales.current': () => makeSale() });
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    const qr = await screen.findByRole('img', { name: 'Payment QR code' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByText('₹345.67')).toBeInTheDocument();
    expect(screen.getByText('POS01JTESTREF')).toBeInTheDocument();
    expect(screen.getByText(/^\d+:\d\d(:\d\d)?$/)).toBeInTheDocument();
  });

  it('says beside a Demo QR that it opens only on this computer, not on a phone', async () => {
    await renderApp({
      'sales.current': () => makeSale({ checkoutUrl: 'http://127.0.0.1:4010/checkout/ord_1' }),
    });
    expect(
      await screen.findByText(
        'Demo: this QR code opens only on this computer, not on a phone. Pay in the checkout window instead.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing about phones for a checkout page a phone can open', async () => {
    await renderApp({
      'sales.current': () =>
        makeSale({ checkoutUrl: 'https://pay.kspay.example/checkout/ord_1', demo: false }),
    });
    expect(await screen.findByRole('img', { name: 'Payment QR code' })).toBeInTheDocument();
    expect(screen.queryByText(/not on a phone/)).toBeNull();
  });

  it('says when a check with KS Pay failed and will be tried again', async () => {
    const message = 'Could not reach KS Pay to check this payment. The terminal keeps checking.';
    await renderApp({ 'sales.current': () => makeSale({ error: { code: 'network', message } }) });
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
  });

  it('Cancel sale asks first; keeping on waiting cancels nothing', async () => {
    const { user, fake } = await renderApp({ 'sales.current': () => makeSale() });
    await user.click(await screen.findByRole('button', { name: 'Cancel sale' }));
    expect(screen.getByRole('alertdialog', { name: 'Cancel this sale?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(fake.callsTo('sales.cancel')).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
  });

  it('Cancel sale, confirmed, cancels with main and shows Payment cancelled', async () => {
    const sale = makeSale();
    const { user, fake } = await renderApp({
      'sales.current': () => sale,
      'sales.cancel': () => ({ ...sale, status: 'cancelled', updatedAt: '2026-03-02T10:17:00.000+05:30' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel sale' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel sale' }));
    expect(await screen.findByRole('heading', { name: 'Payment cancelled' })).toBeInTheDocument();
    expect(fake.callsTo('sales.cancel')).toEqual([{ saleId: sale.id }]);
  });

  it('a cancelled sale that KS Pay later reports paid is shown, not hidden', async () => {
    const sale = makeSale({ status: 'cancelled' });
    const { user, fake } = await renderApp({ 'sales.current': () => sale });
    await user.click(await screen.findByRole('button', { name: 'New sale' }));
    await screen.findByRole('button', { name: /^Charge/ });
    act(() =>
      // As main sends it: still cancelled at the counter, flagged paid by KS Pay's record.
      fake.emit('sale.updated', {
        ...sale,
        flags: ['paid_after_cancel'],
        updatedAt: '2026-03-02T10:30:00.000+05:30',
      }),
    );
    expect(await screen.findByText(/KS Pay reports it paid/)).toBeInTheDocument();
    // The manager settled it: the warning goes.
    act(() =>
      fake.emit('sale.updated', {
        ...sale,
        flags: ['paid_after_cancel', 'refunded_outside'],
        reviewed: true,
        updatedAt: '2026-03-02T10:40:00.000+05:30',
      }),
    );
    await waitFor(() => expect(screen.queryByText(/KS Pay reports it paid/)).toBeNull());
  });

  /** Browser mode, ₹10 by UPI charged from the keyboard, with `window.open` answering a window that records its closing. */
  async function chargeInBrowserMode() {
    const opened = {
      closed: false,
      close: () => {
        opened.closed = true;
      },
    };
    const open = vi.spyOn(window, 'open').mockImplementation(() => opened as unknown as Window);
    const { user } = await renderApp({ 'setup.status': () => makeStatus({ shell: 'browser' }) });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'UPI' }));
    await user.keyboard('10{Enter}');
    await screen.findByRole('heading', { name: 'Waiting for the customer' });
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    return { user, open, opened };
  }

  it('browser mode opens the checkout in a new window once, and again on request', async () => {
    const { user, open } = await chargeInBrowserMode();
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:4010/checkout/ord_1', '_blank');
    await user.click(screen.getByRole('button', { name: 'Open checkout again' }));
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('browser mode: Cancel sale closes the checkout window at once', async () => {
    const { user, opened } = await chargeInBrowserMode();
    expect(opened.closed).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel sale' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel sale' }));
    await waitFor(() => expect(opened.closed).toBe(true));
  });

  it('Electron: main opens the checkout window; "open again" asks main', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const sale = makeSale();
    const { user, fake } = await renderApp({
      'sales.current': () => sale,
      'sales.openCheckout': () => ({ ok: true }),
    });
    await user.click(await screen.findByRole('button', { name: 'Open checkout again' }));
    expect(fake.callsTo('sales.openCheckout')).toEqual([{ saleId: sale.id }]);
    expect(open).not.toHaveBeenCalled();
  });

  it('a sale restored after a reload does not open a second checkout window by itself', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    await renderApp({
      'setup.status': () => makeStatus({ shell: 'browser' }),
      'sales.current': () => makeSale(),
    });
    await screen.findByRole('heading', { name: 'Waiting for the customer' });
    expect(open).not.toHaveBeenCalled();
  });
});
