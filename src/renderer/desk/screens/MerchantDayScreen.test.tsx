import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MerchantDay } from '../../../shared/merchant-day.ts';
import { ELSEWHERE } from '../../../shared/terminal-of.ts';
import { renderDesk } from '../test/render-desk.tsx';

const totals = (currency: string, grossMinor: number, succeeded: number, failed = 0, pending = 0) => ({
  currency,
  grossMinor,
  count: succeeded + failed + pending,
  succeeded,
  failed,
  cancelled: 0,
  pending,
});

function merchantDay(day: string, listedAt: string): MerchantDay {
  return {
    day,
    listedAt,
    terminals: [
      { terminal: 'POS', own: true, dayClosed: 'closed', currencies: [totals('INR', 34567, 3, 1, 1)] },
      {
        terminal: 'C2',
        own: false,
        dayClosed: 'unknown',
        currencies: [totals('INR', 1000, 1), totals('USD', 250, 1)],
      },
      { terminal: 'C3', own: false, dayClosed: 'unknown', currencies: [] },
      { terminal: ELSEWHERE, own: false, dayClosed: 'unknown', currencies: [totals('INR', 500, 1)] },
    ],
  };
}

describe('Merchant day', () => {
  it("shows every terminal's day per currency with the merchant's totals, and what is known of closing", async () => {
    const { user, fake } = renderDesk({
      'reports.merchantDay': ({ day, server }) =>
        merchantDay(day, server === 'fresh' ? '2026-11-01T12:00:00.000Z' : '2026-11-01T11:00:00.000Z'),
    });
    await user.click(screen.getByRole('button', { name: 'Merchant day' }));
    const table = await screen.findByRole('table', { name: 'Merchant day by terminal' });
    const rowOf = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(rowOf('Counter 1 (POS)')).toHaveTextContent(/INR\s*345\.67\s*3\s*1\s*0\s*1\s*Closed \(Z report\)/);
    expect(rowOf('C2')).toHaveTextContent(/INR\s*10\.00\s*1\s*0\s*0\s*0\s*Unknown/);
    expect(rowOf('C3')).toHaveTextContent('No sales on this day.');
    expect(rowOf('Elsewhere')).toHaveTextContent('5.00');
    expect(rowOf('All terminals')).toHaveTextContent(/INR\s*360\.67\s*5\s*1\s*0\s*1/);
    expect(within(table).getAllByRole('row').at(-1)).toHaveTextContent(/USD\s*2\.50\s*1/);
    // The records main last listed at once, then one fresh listing.
    await waitFor(() => expect(fake.callsTo('reports.merchantDay')).toHaveLength(2));
    expect(fake.callsTo('reports.merchantDay').map((c) => (c as { server: string }).server)).toEqual([
      'cached',
      'fresh',
    ]);
    await user.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fake.callsTo('reports.merchantDay')).toHaveLength(4));
  });

  it('adds the day by terminal to the Day summary', async () => {
    const { user } = renderDesk({
      'reports.day': ({ day }) => ({ day, currencies: [], unresolved: 0 }),
      'reports.merchantDay': ({ day }) => merchantDay(day, '2026-11-01T12:00:00.000Z'),
    });
    await user.click(screen.getByRole('button', { name: 'Day summary' }));
    const table = await screen.findByRole('table', { name: 'By terminal' });
    expect(within(table).getByRole('rowheader', { name: 'C2' })).toBeInTheDocument();
    expect(within(table).queryByText('Closed (Z report)')).toBeNull();
  });
});
