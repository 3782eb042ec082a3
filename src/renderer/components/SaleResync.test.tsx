import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { SALE_RESYNC_MS } from '../stores/index.ts';
import { makeSale } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

function cardSale(overrides: Partial<Sale>): Sale {
  return makeSale({
    amountMinor: 3000,
    methodId: 'm_card',
    methodName: 'CARD',
    createdAt: new Date().toISOString(),
    updatedAt: later(0),
    ...overrides,
  });
}

describe('the sale screen follows main even when an update goes missing', () => {
  afterEach(() => vi.useRealTimers());

  it('a result main reached while sales.start was still answering is shown at once', async () => {
    let mainHas: Sale | null = null;
    const { user, fake } = await renderApp({ 'sales.current': () => mainHas });
    fake.handle('sales.start', () => {
      const waiting = cardSale({ status: 'awaiting_payment' });
      mainHas = cardSale({ status: 'succeeded', updatedAt: later(1000), txnId: 'tx_paid' });
      // The result's event overtakes the reply; the screen has no sale yet to apply it to.
      fake.emit('sale.updated', mainHas);
      return waiting;
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
  });

  it('asks main again while waiting, so a lost update does not leave the screen waiting', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let mainHas: Sale | null = null;
    const { user, fake } = await renderApp({
      'sales.current': () => mainHas,
      'sales.start': () => (mainHas = cardSale({ status: 'awaiting_payment' })),
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();

    mainHas = cardSale({ status: 'succeeded', updatedAt: later(2000), txnId: 'tx_paid' }); // no event sent
    await act(async () => vi.advanceTimersByTimeAsync(SALE_RESYNC_MS));
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();

    const asked = fake.callsTo('sales.current').length;
    await act(async () => vi.advanceTimersByTimeAsync(SALE_RESYNC_MS * 5));
    expect(fake.callsTo('sales.current')).toHaveLength(asked); // a final sale is not asked about again
  });

  it('an older answer from main never takes the screen back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const waiting = cardSale({ status: 'awaiting_payment' });
    let started = false;
    const { user, fake } = await renderApp({
      'sales.current': () => (started ? waiting : null),
      'sales.start': () => ((started = true), waiting),
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'CARD' }));
    await user.keyboard('30{Enter}');
    await screen.findByRole('heading', { name: 'Waiting for the customer' });
    act(() => fake.emit('sale.updated', { ...waiting, status: 'verifying', updatedAt: later(3000) }));
    await act(async () => vi.advanceTimersByTimeAsync(SALE_RESYNC_MS));
    expect(screen.queryByRole('heading', { name: 'Waiting for the customer' })).toBeNull();
  });
});
