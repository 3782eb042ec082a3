import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZReport } from '../../../shared/domain.ts';
import { PosError } from '../../../shared/pos-error.ts';
import { ZReportView } from '../components/ZReportView.tsx';
import { createFormatters } from '../lib/formatters.ts';
import { makeSale } from '../../test/fake-pos.ts';
import { renderDesk } from '../test/render-desk.tsx';

function zreport(number: number, day: string, extra: Partial<ZReport> = {}): ZReport {
  return {
    number,
    day,
    closedAt: `${day}T16:30:00.000Z`,
    closedBy: 'manager',
    terminalName: 'Counter 1',
    summary: {
      day,
      unresolved: 0,
      currencies: [
        {
          currency: 'INR',
          grossMinor: 34567,
          count: 1,
          succeeded: 1,
          failed: 0,
          cancelled: 0,
          pending: 0,
          averageTicketMinor: 34567,
          byMethod: [{ method: 'UPI', grossMinor: 34567, count: 1 }],
          byCashier: [],
          hourly: [],
        },
      ],
    },
    unresolvedSaleIds: [],
    previousHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...extra,
  };
}

describe('Reports', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses to close a day with unresolved sales, then closes it with the PIN and a reason', async () => {
    const closed: ZReport[] = [];
    const { user, fake } = renderDesk({
      'reports.zReports': () => closed,
      // s1 is read back by its id; s2 is not found, so its id is all the report can show.
      'sales.get': ({ saleId }) => {
        if (saleId !== 's1') throw new PosError('not_found', 'No such sale.');
        const sale = makeSale({
          id: 's1',
          reference: 'VMZ25-0MXE',
          amountMinor: 3300,
          createdAt: '2026-11-01T18:02:00.000+05:30',
          status: 'unknown',
        });
        return { sale, timeline: [] };
      },
      'reports.closeDay': (input) => {
        if (!input.overridePin)
          throw new PosError(
            'day_unresolved',
            '2026-11-01 cannot be closed: 2 sales have no final outcome yet.',
          );
        const report = zreport(1, '2026-11-01', {
          unresolvedSaleIds: ['s1', 's2'],
          overrideReason: input.reason,
        });
        closed.push(report);
        return report;
      },
    });
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    expect(await screen.findByText(/every sale so far into Z report 1/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close day' }));
    expect(await screen.findByText(/2 sales have no final outcome yet/)).toBeInTheDocument();

    const override = screen.getByRole('form', { name: 'Close with unresolved sales' });
    await user.click(within(override).getByRole('button', { name: 'Close day anyway' }));
    expect(within(override).getByText('Enter the manager PIN.')).toBeInTheDocument();
    expect(within(override).getByText(/Write a reason/)).toBeInTheDocument();
    await user.type(within(override).getByLabelText('Manager PIN'), '2468');
    await user.type(within(override).getByLabelText('Reason'), 'Network down; settle tomorrow');
    await user.click(within(override).getByRole('button', { name: 'Close day anyway' }));

    const heading = await screen.findByRole('heading', { name: /^Z report 1/ });
    const report = heading.closest('article') as HTMLElement;
    const unresolved = within(report).getByRole('heading', { name: 'Unresolved sales' }).nextElementSibling;
    await waitFor(() =>
      expect([...(unresolved?.children ?? [])].map((item) => item.textContent)).toEqual([
        `${new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date('2026-11-01T18:02:00.000+05:30'))} · ₹33.00 · VMZ25-0MXE`,
        's2',
      ]),
    );
    expect(within(report).getByText(/Network down; settle tomorrow/)).toBeInTheDocument();
    expect(fake.callsTo('reports.closeDay')).toEqual([
      {},
      { overridePin: '2468', reason: 'Network down; settle tomorrow' },
    ]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Reprint Z report 1/ })).toBeInTheDocument(),
    );
  });

  it.each([
    [
      'day_reversed',
      'Close with reversed payments',
      'The payments KS Pay reversed after they were paid are listed on the report.',
    ],
    [
      'day_unresolved_reversed',
      'Close with unresolved sales and reversed payments',
      'The unresolved sales and the payments KS Pay reversed after they were paid are listed on the report.',
    ],
  ])('names what holds the day open (%s) in the override form', async (code, heading, lead) => {
    const { user } = renderDesk({
      'reports.zReports': () => [],
      'reports.closeDay': () => {
        throw new PosError(code, '2026-11-01 cannot be closed: KS Pay now lists a payment as failed.');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    await user.click(screen.getByRole('button', { name: 'Close day' }));
    const override = await screen.findByRole('form', { name: heading });
    expect(within(override).getByText(lead, { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Close with unresolved sales' })).toBeNull();
  });

  it('lists the reversed sales on a Z report and names the override of a day held open by one alone', () => {
    const report = zreport(3, '2026-11-02', {
      reversedSaleIds: ['s7'],
      overrideReason: 'Customer paid again in cash',
    });
    render(<ZReportView report={report} format={createFormatters('en-IN', 'Asia/Kolkata')} paper="a4" />);
    const article = screen.getByRole('article');
    expect(within(article).getByRole('heading', { name: 'Reversed after paid' })).toBeInTheDocument();
    expect(within(article).getByText('s7')).toBeInTheDocument();
    expect(
      within(article).getByText('Closed with reversed payments because: Customer paid again in cash'),
    ).toBeInTheDocument();
    expect(within(article).queryByText(/unresolved sales because/)).toBeNull();
  });

  it('prints the shown report, and lists, reprints and exports past ones', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:z');
    URL.revokeObjectURL = vi.fn();
    const { user, fake } = renderDesk({
      'reports.zReports': () => [zreport(1, '2026-10-30'), zreport(2, '2026-10-31')],
      'reports.exportZReport': ({ number }) => ({
        filename: `z-report-000${number}.csv`,
        mimeType: 'text/csv',
        content: 'Z report',
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    expect(screen.getByRole('button', { name: 'Print report' })).toBeDisabled();
    // Close day names the period it closes: since the newest report.
    expect(
      await screen.findByText(/every sale since Z report 2 \(closed .+\) into Z report 3/),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /^View Z report 1/ }));
    expect(screen.getByRole('heading', { name: 'Z report 1 · 2026-10-30' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'a4');
    expect(screen.getByRole('heading', { name: /^Z report 1/ }).closest('article')).toHaveClass(
      'zreport--a4',
    );
    await user.click(screen.getByRole('button', { name: 'Print report' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    // While it prints, the page says so; the print stylesheet then shows only the report's print copy.
    expect(document.documentElement.dataset.printing).toBe('zreport');
    expect(document.querySelector('.zreport-print .zreport--a4')).toHaveTextContent(
      'Z report 1 · 2026-10-30',
    );
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.dataset.printing).toBeUndefined();
    await user.click(screen.getByRole('button', { name: /^Reprint Z report 2/ }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('heading', { name: /^Z report 2/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Export CSV Z report 2/ }));
    expect(await screen.findByText('Saved z-report-0002.csv to your downloads.')).toBeInTheDocument();
    expect(fake.callsTo('reports.exportZReport')).toEqual([{ number: 2 }]);
    expect(click).toHaveBeenCalledTimes(1);
  });
});
