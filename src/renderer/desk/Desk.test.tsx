import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { useSale } from '../stores/index.ts';
import { renderDesk } from './test/render-desk.tsx';

describe('the manager desk', () => {
  it('offers every screen in its navigation and opens Transactions first', async () => {
    renderDesk();
    const nav = screen.getByRole('navigation', { name: 'Manager desk' });
    for (const name of ['Transactions', 'Pending', 'Day summary', 'Reports', 'Settings', 'Audit log']) {
      expect(nav).toContainElement(screen.getByRole('button', { name }));
    }
    expect(screen.getByRole('button', { name: 'Transactions' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { name: 'Transactions' })).toBeInTheDocument();
  });

  it('locks: tells main, then hands back to the cashier view', async () => {
    const { user, fake, onLock } = renderDesk({ 'staff.lock': () => ({ role: 'cashier' }) });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(onLock).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('staff.lock')).toHaveLength(1);
  });

  it('offers Back to the sale while one is open at the counter: it locks the desk and hands back', async () => {
    const { user, fake, onLock } = renderDesk({ 'staff.lock': () => ({ role: 'cashier' }) });
    expect(screen.queryByRole('button', { name: 'Back to the sale' })).toBeNull();
    act(() => useSale.setState({ sale: makeSale({ status: 'awaiting_payment' }) }));
    await user.click(screen.getByRole('button', { name: 'Back to the sale' }));
    await waitFor(() => expect(onLock).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('staff.lock')).toHaveLength(1);
  });

  it('offers no way back to a sale that has ended', () => {
    renderDesk();
    act(() =>
      useSale.setState({
        sale: makeSale({ status: 'succeeded', verifiedAt: '2026-03-02T10:16:00.000+05:30' }),
      }),
    );
    expect(screen.queryByRole('button', { name: 'Back to the sale' })).toBeNull();
  });

  it('leaves the desk when main says the manager role ended (idle lock)', async () => {
    const { fake, onLock } = renderDesk();
    fake.emit('status.changed', makeStatus({ role: 'cashier' }));
    await waitFor(() => expect(onLock).toHaveBeenCalled());
  });

  it('saves diagnostics and says where', async () => {
    const { user } = renderDesk({
      'diagnostics.save': () => ({ path: '/home/pos/diagnostics-2026-11-01.zip' }),
    });
    await user.click(screen.getByRole('button', { name: 'Save diagnostics' }));
    expect(
      await screen.findByText(/Diagnostics saved to \/home\/pos\/diagnostics-2026-11-01\.zip/),
    ).toBeInTheDocument();
  });
});
