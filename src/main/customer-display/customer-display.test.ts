import { describe, expect, it } from 'vitest';
import type { CustomerDisplayState } from '../../shared/customer-display.ts';
import { Settings, type Sale } from '../../shared/domain.ts';
import { createCustomerDisplay } from './customer-display.ts';

const T0 = Date.parse('2026-12-02T10:00:00.000Z');

function counterSale(id: string, status: Sale['status']): Sale {
  return {
    id,
    reference: `POS-${id}`,
    amountMinor: 900,
    currency: 'INR',
    currencyId: 'c_1',
    methodId: 'pm_1',
    methodName: 'UPI',
    status,
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    flags: [],
    reviewed: false,
    demo: true,
  };
}

function rig() {
  let now = T0;
  let sale: Sale | null = null;
  const published: CustomerDisplayState[] = [];
  const timers: Array<{ run: () => void; at: number; cancelled: boolean }> = [];
  const display = createCustomerDisplay({
    counterSale: () => sale,
    settings: () => Settings.parse({ receiptHeader: 'Corner Shop', customerDisplay: { resultSeconds: 5 } }),
    clock: { now: () => now },
    publish: (state) => published.push(state),
    schedule(run, ms) {
      const timer = { run, at: now + ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  });
  return {
    display,
    published,
    views: () => published.map((state) => state.view),
    setSale: (next: Sale | null) => void (sale = next),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0))
        if (timer.cancelled) continue;
        else if (timer.at <= now) timer.run();
        else timers.push(timer);
    },
  };
}

describe('customer display state', () => {
  it('sends a state only when it changed', () => {
    const r = rig();
    r.display.refresh();
    r.display.refresh();
    r.display.keyed({ amountMinor: 1, currency: 'INR' });
    r.display.keyed({ amountMinor: 1, currency: 'INR' });
    r.display.keyed({ amountMinor: 12, currency: 'INR' });
    expect(r.published.map((s) => (s.view === 'keying' ? s.amountMinor : s.view))).toEqual(['idle', 1, 12]);
  });

  it('follows a sale from keying to the result, then back to the welcome once the result time is up', () => {
    const r = rig();
    r.display.keyed({ amountMinor: 900, currency: 'INR', methodName: 'UPI' });
    r.setSale(counterSale('a', 'awaiting_payment'));
    r.display.refresh();
    r.setSale(counterSale('a', 'succeeded'));
    r.display.refresh();
    // The cashier moves on (New sale): the customer still sees the result until its time is up.
    r.setSale(null);
    r.display.keyed(null);
    r.advance(4_000);
    expect(r.views()).toEqual(['keying', 'waiting', 'result']);
    r.advance(1_001);
    expect(r.views()).toEqual(['keying', 'waiting', 'result', 'idle']);
  });

  it('forgets the amount keyed for a sale once that sale is on the counter, so its result is not hidden', () => {
    const r = rig();
    r.display.keyed({ amountMinor: 900, currency: 'INR' });
    r.setSale(counterSale('a', 'failed'));
    r.display.refresh();
    expect(r.display.state()).toMatchObject({ view: 'result', outcome: 'not_completed' });
  });
});
