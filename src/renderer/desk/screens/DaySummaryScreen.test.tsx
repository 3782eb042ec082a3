import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CurrencyTotals } from '../../../shared/domain.ts';
import { renderDesk } from '../test/render-desk.tsx';

const hourly = Array.from({ length: 24 }, (_, hour) => ({
  hour,
  grossMinor: hour === 14 ? 30000 : hour === 9 ? 4567 : 0,
  count: hour === 14 ? 2 : hour === 9 ? 1 : 0,
}));
const inr: CurrencyTotals = {
  currency: 'INR',
  grossMinor: 34567,
  count: 5,
  succeeded: 3,
  failed: 1,
  cancelled: 0,
  pending: 1,
  averageTicketMinor: 11522,
  byMethod: [{ method: 'UPI', grossMinor: 34567, count: 3 }],
  byCashier: [{ cashier: 'Asha', grossMinor: 34567, count: 3 }],
  hourly,
};

describe('Day summary', () => {
  it('shows a card per currency with counts, splits and an accessible hourly chart with a table', async () => {
    const { user, fake } = renderDesk({
      'reports.day': ({ day }) => ({
        day,
        unresolved: 1,
        currencies: [
          inr,
          {
            ...inr,
            currency: 'JPY',
            paidAfterCancel: 1,
            reversed: 2,
            reversedMinor: 700,
            grossMinor: 500,
            averageTicketMinor: 500,
            byMethod: [],
            byCashier: [],
            hourly: hourly.map((h) => ({ ...h, grossMinor: 0, count: 0 })),
          },
        ],
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Day summary' }));
    const card = await screen.findByRole('article', { name: 'INR' });
    expect(
      within(card).getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Gross taken: ₹345.67'),
    ).toBeInTheDocument();
    expect(within(card).getByText('Average ticket').nextSibling).toHaveTextContent('₹115.22');
    expect(within(card).getByRole('table', { name: 'By method' })).toHaveTextContent('UPI');
    expect(within(card).getByRole('table', { name: 'By cashier' })).toHaveTextContent('Asha');
    const chart = within(card).getByRole('img', { name: /Paid per hour, INR/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining('Busiest hour: 14:00, ₹300.00'));
    const table = within(card).getByRole('table', { name: 'Paid per hour, INR' });
    expect(within(table).getAllByRole('row')).toHaveLength(25);
    const jpy = screen.getByRole('article', { name: 'JPY' });
    expect(within(jpy).getByText('Paid after cancel').nextSibling).toHaveTextContent('1');
    expect(within(card).queryByText('Paid after cancel')).toBeNull();
    expect(within(jpy).getByText('Reversed after paid (not in the total)').nextSibling).toHaveTextContent(
      '2 · JP¥700',
    );
    expect(within(card).queryByText(/Reversed after paid/)).toBeNull();
    expect(screen.getByText('1 sale has no final outcome yet. See Pending.')).toBeInTheDocument();
    expect(fake.callsTo('reports.day')).toHaveLength(1);
  });

  it('splits a day a Z report closed part of by period: the report, then the open period', async () => {
    const part = (grossMinor: number, count: number) => ({
      day: '2026-11-01',
      unresolved: 0,
      currencies: [{ ...inr, grossMinor, count, succeeded: count, pending: 0 }],
    });
    const { user } = renderDesk({
      'reports.day': ({ day }) => ({
        ...part(3423, 2),
        day,
        periods: [
          { zNumber: 14, closedAt: '2026-11-01T12:32:00.000Z', summary: part(123, 1) },
          { summary: part(3300, 1) },
        ],
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Day summary' }));
    const table = await screen.findByRole('table', { name: 'By period' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^Z report 14.+1₹1\.23$/);
    expect(rows[1]).toBe('Open (not closed yet)—1₹33.00');
  });

  it('shows no period table for a day no Z report closed', async () => {
    const { user } = renderDesk({
      'reports.day': ({ day }) => ({ day, unresolved: 0, currencies: [inr] }),
    });
    await user.click(screen.getByRole('button', { name: 'Day summary' }));
    await screen.findByRole('article', { name: 'INR' });
    expect(screen.queryByRole('table', { name: 'By period' })).toBeNull();
  });
});
