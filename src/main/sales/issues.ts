// What the manager must look at: sale flags, records only one side knows, sales still pending, in plain words.
import type { ReconcileIssue, Sale, SaleFlag } from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import { formatMoney } from '../../shared/money.ts';
import type { ServerRecord } from './sale-machine.ts';

type IssueKind = ReconcileIssue['kind'];

/** Flags that are issues of their own; `redirect_lied` failed the sale already and nothing was charged. */
const FLAG_ISSUES: Partial<Record<SaleFlag, IssueKind>> = {
  paid_after_cancel: 'paid_after_cancel',
  amount_mismatch: 'amount_mismatch',
  currency_mismatch: 'currency_mismatch',
  reference_mismatch: 'reference_mismatch',
};

function money(amountMinor: number, currency: string): string {
  try {
    return formatMoney(amountMinor, currency);
  } catch {
    return `${amountMinor} minor units of ${currency}`;
  }
}

function saleName(sale: Sale): string {
  return `Sale ${sale.reference} (${money(sale.amountMinor, sale.currency)})`;
}

export function issueId(kind: IssueKind, key: string): string {
  return `${kind}:${key}`;
}

function explainFlag(kind: IssueKind, sale: Sale): string {
  switch (kind) {
    case 'paid_after_cancel':
      return `${saleName(sale)} was cancelled at the counter, but the customer paid it afterwards${sale.txnId ? ` (KS Pay ${sale.txnId})` : ''}. Refund the customer in the KS Pay dashboard, or hand over the goods and keep the payment.`;
    case 'amount_mismatch':
      return `${saleName(sale)}: KS Pay recorded a different amount than the terminal asked for, so the sale was marked failed. ${sale.error?.code === 'amount_mismatch' ? `${sale.error.message} ` : ''}Check the payment in the KS Pay dashboard and refund or charge the difference.`;
    case 'currency_mismatch':
      return `${saleName(sale)}: KS Pay recorded the payment in another currency, so the sale was marked failed. Check the payment in the KS Pay dashboard and refund it if money was taken.`;
    case 'reference_mismatch':
      return `${saleName(sale)}: the payment KS Pay returned carries another reference number, so it does not prove this sale was paid and the sale was marked failed. Check both payments in the KS Pay dashboard.`;
    default:
      return `${saleName(sale)} needs a manager's look.`;
  }
}

export function flagIssues(sale: Sale, reviewed: ReadonlySet<string>): ReconcileIssue[] {
  const out: ReconcileIssue[] = [];
  for (const flag of sale.flags) {
    const kind = FLAG_ISSUES[flag];
    if (!kind) continue;
    const id = issueId(kind, sale.id);
    out.push({
      id,
      kind,
      saleId: sale.id,
      reference: sale.reference,
      ...(sale.txnId ? { txnId: sale.txnId } : {}),
      explanation: explainFlag(kind, sale),
      reviewed: reviewed.has(id),
    });
  }
  return out;
}

export function stillPendingIssue(sale: Sale, reviewed: ReadonlySet<string>): ReconcileIssue {
  const id = issueId('still_pending', sale.id);
  return {
    id,
    kind: 'still_pending',
    saleId: sale.id,
    reference: sale.reference,
    ...(sale.txnId ? { txnId: sale.txnId } : {}),
    explanation: `${saleName(sale)} is still waiting for an answer from KS Pay (${sale.status.replace('_', ' ')}). Run reconcile again when the connection is back; do not charge the customer again until it settles.`,
    reviewed: reviewed.has(id),
  };
}

export function serverOnlyIssue(record: ServerRecord): ReconcileIssue {
  return {
    id: issueId('server_only', record.txnId),
    kind: 'server_only',
    reference: record.referenceNumber,
    txnId: record.txnId,
    explanation: `KS Pay has a payment ${record.referenceNumber} (${money(record.amountMinor, record.currency)}, ${record.status}) with this terminal's reference prefix that this terminal never recorded. It may come from another terminal using the same prefix, or from a sale lost before it was saved. Check it in the KS Pay dashboard.`,
    reviewed: false,
  };
}

export function terminalOnlyIssue(sale: Sale): ReconcileIssue {
  return {
    id: issueId('terminal_only', sale.id),
    kind: 'terminal_only',
    saleId: sale.id,
    reference: sale.reference,
    ...(sale.txnId ? { txnId: sale.txnId } : {}),
    explanation: `${saleName(sale)} is paid on this terminal, but KS Pay's transaction list has no payment with its reference. Check it in the KS Pay dashboard before the day is closed.`,
    reviewed: false,
  };
}

/** A sale confirmed paid that KS Pay's list now shows failed: the payment was taken back after it was confirmed. */
export function reversedIssue(sale: Sale): ReconcileIssue {
  return {
    id: issueId('reversed', sale.id),
    kind: 'reversed',
    saleId: sale.id,
    reference: sale.reference,
    ...(sale.txnId ? { txnId: sale.txnId } : {}),
    explanation: `${saleName(sale)} was confirmed paid, but KS Pay now lists its payment as failed: the money may have been taken back. Check it in the KS Pay dashboard and ask the customer to pay again if it was.`,
    reviewed: false,
  };
}

/** Sales not final for longer than this are listed for the manager. */
export function isStillPending(sale: Sale, nowMs: number, afterMs: number): boolean {
  return !isFinalSaleStatus(sale.status) && nowMs - Date.parse(sale.createdAt) >= afterMs;
}
