import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReconcileReport } from '../../../shared/domain.ts';
import { makeSale } from '../../test/fake-pos.ts';
import { renderDesk } from '../test/render-desk.tsx';

const report: ReconcileReport = {
  at: '2026-11-01T12:00:00.000Z',
  checked: 2,
  settled: 0,
  stillPending: 2,
  issues: [
    {
      id: 'iss-1',
      kind: 'paid_after_cancel',
      saleId: 's9',
      reference: 'POS-9',
      txnId: 'tx_9',
      explanation: 'The cashier cancelled this sale, but the customer paid. Refund or keep the payment.',
      reviewed: false,
    },
    {
      id: 'iss-2',
      kind: 'server_only',
      reference: 'WEB-1',
      explanation: 'KS Pay has a payment this terminal did not make.',
      reviewed: true,
    },
    {
      id: 'iss-3',
      kind: 'amount_mismatch',
      saleId: 's7',
      reference: 'POS-7',
      explanation: 'KS Pay recorded a different amount than the terminal asked for.',
      reviewed: false,
    },
  ],
};

describe('Pending', () => {
  it('lists unsettled sales oldest first with totals per currency, and reconcile issues in plain words', async () => {
    const { user, fake } = renderDesk({
      'sales.pending': () => [
        makeSale({
          id: 'b',
          reference: 'POS-B',
          amountMinor: 1000,
          createdAt: '2026-11-01T10:05:00.000+05:30',
          status: 'unknown',
        }),
        makeSale({
          id: 'a',
          reference: 'POS-A',
          amountMinor: 2500,
          createdAt: '2026-11-01T10:00:00.000+05:30',
          status: 'awaiting_payment',
        }),
        makeSale({
          id: 'c',
          reference: 'POS-C',
          amountMinor: 700,
          currency: 'USD',
          currencyId: 'cur_usd',
          createdAt: '2026-11-01T10:10:00.000+05:30',
        }),
      ],
      'sales.reconcile': () => report,
      'sales.markReviewed': () => ({ ok: true }),
      'sales.get': ({ saleId }) => ({
        sale: makeSale({
          id: saleId,
          reference: saleId === 's9' ? 'POS-9' : 'POS-7',
          amountMinor: 3300,
          createdAt: '2026-11-01T18:02:00.000+05:30',
        }),
        timeline: [],
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Pending' }));
    expect(await screen.findByText('3 sales have no final outcome yet')).toBeInTheDocument();
    const totals = screen.getByRole('list', { name: 'Waiting, per currency' });
    expect(within(totals).getByText('₹35.00')).toBeInTheDocument();
    expect(within(totals).getByText('$7.00')).toBeInTheDocument();
    const table = screen.getByRole('table');
    const references = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(references).toEqual(['POS-A', 'POS-B', 'POS-C']);
    expect(within(table).getByText(/asks KS Pay again until it is/)).toBeInTheDocument();

    expect(await screen.findByText(/customer paid. Refund or keep the payment/)).toBeInTheDocument();
    // Each issue names its sale by time, amount and reference; one only KS Pay knows, by its reference.
    const at = new Intl.DateTimeFormat('en-IN', {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date('2026-11-01T18:02:00.000+05:30'));
    expect(await screen.findByText(`${at} · ₹33.00 · POS-9`)).toBeInTheDocument();
    expect(screen.getByText(`${at} · ₹33.00 · POS-7`)).toBeInTheDocument();
    expect(screen.getByText('WEB-1')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Mark reviewed' })).toHaveLength(1);
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Refunded at the counter');
    await user.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    expect(await screen.findAllByText('Reviewed')).toHaveLength(2);
    expect(fake.callsTo('sales.markReviewed')).toEqual([
      { issueId: 'iss-3', note: 'Refunded at the counter' },
    ]);
  });

  /** The desk's Pending screen after Reconcile, and the paid-after-cancel issue on it. */
  async function paidAfterCancelIssue() {
    const { user, fake } = renderDesk({
      'sales.pending': () => [],
      'sales.reconcile': () => report,
      'sales.settleAfterCancel': () => ({ ok: true }),
    });
    await user.click(screen.getByRole('button', { name: 'Pending' }));
    const text = await screen.findByText(/customer paid. Refund or keep the payment/);
    return { user, fake, issue: text.closest('li') as HTMLElement };
  }

  it('a sale paid after cancel: the manager keeps the payment, or records a refund only with what was done', async () => {
    const { user, fake, issue } = await paidAfterCancelIssue();
    const refund = within(issue).getByRole('button', { name: 'Refunded outside the terminal' });
    expect(refund).toBeDisabled();
    expect(within(issue).queryByRole('button', { name: 'Mark reviewed' })).toBeNull();
    await user.type(
      within(issue).getByRole('textbox', { name: 'What was done (needed for a refund)' }),
      'Refunded in the KS Pay dashboard',
    );
    await user.click(refund);
    expect(await within(issue).findByText('Reviewed')).toBeInTheDocument();
    expect(fake.callsTo('sales.settleAfterCancel')).toEqual([
      { saleId: 's9', outcome: 'refunded_outside', reason: 'Refunded in the KS Pay dashboard' },
    ]);
  });

  it('a sale paid after cancel kept: no reason needed', async () => {
    const { user, fake, issue } = await paidAfterCancelIssue();
    await user.click(within(issue).getByRole('button', { name: 'Keep the payment' }));
    expect(await within(issue).findByText('Reviewed')).toBeInTheDocument();
    expect(fake.callsTo('sales.settleAfterCancel')).toEqual([{ saleId: 's9', outcome: 'kept', reason: '' }]);
  });

  it('says when nothing is pending and KS Pay agrees', async () => {
    const { user } = renderDesk({ 'sales.reconcile': () => ({ ...report, issues: [] }) });
    await user.click(screen.getByRole('button', { name: 'Pending' }));
    expect(
      await screen.findByText('No reconcile issues. The terminal and KS Pay agree.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Nothing is pending/)).toBeInTheDocument();
  });

  it('says in plain words when Reconcile could not compare with KS Pay’s whole list, and does not say they agree', async () => {
    const listProblem = {
      code: 'list_unread',
      message:
        "Reconcile could not read KS Pay's transaction list: KS Pay kept its reply coming for 5 minutes without finishing it, so the terminal stopped waiting. Try again later; if it keeps happening, check the server address in Settings. It looked each open sale up on its own instead, so payments this terminal never recorded were not checked for. Press Reconcile to try again.",
    };
    const { user } = renderDesk({ 'sales.reconcile': () => ({ ...report, issues: [], listProblem }) });
    await user.click(screen.getByRole('button', { name: 'Pending' }));
    expect(await screen.findByText(listProblem.message)).toBeInTheDocument();
    expect(screen.queryByText('No reconcile issues. The terminal and KS Pay agree.')).toBeNull();
    expect(
      screen.getByText(
        'No reconcile issues found in what could be compared with KS Pay (see the note above).',
      ),
    ).toBeInTheDocument();
  });
});
