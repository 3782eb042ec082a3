// An invalid machine policy: the app shows every problem instead of the terminal, and nothing else.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../test/fake-pos.ts';
import { renderApp } from '../test/render-app.tsx';

describe('the policy problem screen', () => {
  it('lists each problem (field, value, what is allowed) instead of the terminal', async () => {
    await renderApp({
      'setup.status': () =>
        makeStatus({
          policy: {
            path: '/etc/ks-pay-pos/policy.json',
            locked: [],
            problems: [
              {
                field: 'referencePrefix',
                value: '"pos"',
                message:
                  'Reference prefix must be 1 to 12 capital letters or digits, dashes only between them.',
              },
              { field: 'accessKey', message: 'Keys are never put in the policy file: remove this field.' },
            ],
          },
        }),
    });
    expect(
      await screen.findByRole('heading', { name: 'This terminal’s policy has problems' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/etc/ks-pay-pos/policy.json')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['"pos"', 'Reference prefix must be 1 to 12 capital letters or digits, dashes only between them.'],
      ['(none)', 'Keys are never put in the policy file: remove this field.'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('referencePrefix');
    expect(screen.queryByRole('button', { name: /Charge/ })).not.toBeInTheDocument();
  });
});
