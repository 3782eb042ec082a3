import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSale } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

describe('the pending pill', () => {
  it('counts pending sales and lists them oldest first with what the terminal is doing', async () => {
    const newer = makeSale({
      id: 's2',
      reference: 'POS-NEWER',
      status: 'unknown',
      createdAt: '2026-03-02T10:20:00.000+05:30',
      updatedAt: '2026-03-02T10:20:00.000+05:30',
    });
    const older = makeSale({
      id: 's1',
      reference: 'POS-OLDER',
      status: 'awaiting_payment',
      amountMinor: 1200,
      createdAt: '2026-03-02T09:00:00.000+05:30',
    });
    const { user } = await renderApp({ 'sales.pending': () => [newer, older] });
    await saleScreenReady();
    await user.click(await screen.findByRole('button', { name: '2 pending' }));
    const dialog = screen.getByRole('dialog', { name: 'Pending sales' });
    const rows = within(dialog).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('POS-OLDER');
    expect(rows[0]).toHaveTextContent('Waiting for the customer');
    expect(rows[1]).toHaveTextContent('POS-NEWER');
    expect(rows[1]).toHaveTextContent('Outcome not known yet');
  });

  it('Check now reconciles and reports what it settled', async () => {
    const { user, fake } = await renderApp({ 'sales.pending': () => [makeSale({ status: 'unknown' })] });
    fake.handle('sales.reconcile', () => {
      fake.handle('sales.pending', () => []);
      return { at: '2026-03-02T10:30:00.000+05:30', checked: 1, settled: 1, stillPending: 0, issues: [] };
    });
    await saleScreenReady();
    await user.click(await screen.findByRole('button', { name: '1 pending' }));
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByText('Checked: 1 settled, 0 still pending.')).toBeInTheDocument();
    expect(screen.getByText(/Nothing is pending/)).toBeInTheDocument();
  });

  it('refreshes the count when main reports a sale changed', async () => {
    const sale = makeSale({ status: 'unknown' });
    const { fake } = await renderApp();
    await saleScreenReady();
    expect(screen.getByRole('button', { name: 'None pending' })).toBeInTheDocument();
    fake.handle('sales.pending', () => [sale]);
    act(() => fake.emit('sale.updated', sale));
    expect(await screen.findByRole('button', { name: '1 pending' })).toBeInTheDocument();
  });
});
