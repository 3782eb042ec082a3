import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderDesk } from '../test/render-desk.tsx';

describe('Audit log', () => {
  it('lists entries newest first and exports them', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:audit');
    URL.revokeObjectURL = vi.fn();
    const { user } = renderDesk({
      'audit.list': () => [
        {
          at: '2026-11-01T08:00:00.000Z',
          action: 'pin.failed',
          actor: 'manager',
          detail: 'Wrong PIN (1 of 5)',
        },
        {
          at: '2026-11-01T09:00:00.000Z',
          action: 'day.closed',
          actor: 'manager',
          detail: 'Closed 2026-11-01 as Z report 1.',
        },
      ],
      'audit.export': () => ({ filename: 'audit-log.csv', mimeType: 'text/csv', content: 'Time,Action\r\n' }),
    });
    await user.click(screen.getByRole('button', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: /Audit log: 2 entries/ });
    const actions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(actions).toEqual(['day.closed', 'pin.failed']);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved audit-log.csv to your downloads.')).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
