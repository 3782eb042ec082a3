import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSale } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

describe('Recent sales', () => {
  it('reads "Paid after cancel" for a cancelled sale the customer paid anyway, and "Cancelled" for one they did not', async () => {
    await renderApp({
      'sales.list': () => [
        makeSale({ id: 'paid-late', amountMinor: 3300, status: 'cancelled', flags: ['paid_after_cancel'] }),
        makeSale({
          id: 'refunded',
          amountMinor: 2200,
          status: 'cancelled',
          flags: ['paid_after_cancel', 'refunded_outside'],
        }),
        makeSale({ id: 'plain', amountMinor: 1100, status: 'cancelled' }),
      ],
    });
    await saleScreenReady();
    const recent = screen.getByRole('region', { name: 'Recent sales' });
    const rows = await within(recent).findAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.recent__status')?.textContent)).toEqual([
      'Paid after cancel',
      'Refunded outside the terminal',
      'Cancelled',
    ]);
  });
});
