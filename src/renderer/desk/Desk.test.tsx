import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../test/fake-pos.ts';
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
