import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { deskMessages } from '../messages.ts';
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
          at: '2026-11-01T08:30:00.000Z',
          action: 'some.newer_code',
          actor: 'manager',
          detail: 'Written by a newer version.',
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
    const table = await screen.findByRole('table', { name: /Audit log: 3 entries/ });
    const actions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(actions).toEqual(['Day closed', 'some.newer_code', 'Wrong PIN typed']);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved audit-log.csv to your downloads.')).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('has a sentence for every action code main writes', () => {
    const sources = import.meta.glob(
      ['../../../main/**/*.ts', '!../../../main/**/*.test.ts', '!../../../main/**/testing/**'],
      {
        query: '?raw',
        import: 'default',
        eager: true,
      },
    );
    const codes = new Set<string>();
    for (const text of Object.values(sources) as string[]) {
      // `action: 'x.y'`, `action: c ? 'x.y' : 'x.z'`, and `const NAME = 'x.y'` passed as an action.
      for (const line of text.split('\n'))
        if (/\baction\b|^const [A-Z_]+ = '/.test(line))
          for (const [, code] of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) if (code) codes.add(code);
    }
    const codesWritten = [...codes].filter((code) => !code.endsWith('.jsonl') && !code.endsWith('.json'));
    expect(codesWritten.length).toBeGreaterThan(25);
    expect(codesWritten.filter((code) => !(code in deskMessages.audit.actions))).toEqual([]);
  });
});
