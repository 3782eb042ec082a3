// Reconcile: settles open sales from KS Pay's list (or a look-up each), records what only one side knows, and
// lists the issues a manager reviews; a sale counts as reviewed once every issue of it is.
import type {
  AfterCancelSettlement,
  ReconcileIssue,
  ReconcileReport,
  Sale,
  UserError,
} from '../../shared/domain.ts';
import { isReferenceOf } from '../../shared/terminal-of.ts';
import type { EngineContext } from './engine-context.ts';
import { listStopped, listUnread } from './reconcile-list-problem.ts';
import {
  flagIssues,
  issueId,
  isStillPending,
  reversedIssue,
  serverOnlyIssue,
  stillPendingIssue,
  terminalOnlyIssue,
} from './issues.ts';
import { awaitsServer, hasServerEvidence } from './sale-machine.ts';
import type { ServerRecord } from './sale-machine.ts';
import { SalesError } from './sales-error.ts';
import { ksPayErrorCode, toServerRecord } from './server-lookup.ts';
import type { Finding } from './server-lookup.ts';

const STARTING = new Set<Sale['status']>(['initiating', 'processing']);

export interface Reconciler {
  /** One reconcile at a time: a second caller shares the running one. */
  reconcile(): Promise<ReconcileReport>;
  issues(): ReconcileIssue[];
  markReviewed(issueId: string, note: string, actor: string): Promise<void>;
  settleAfterCancel(saleId: string, settlement: AfterCancelSettlement, actor: string): Promise<void>;
}

/** What reconcile needs of the watcher: a sale left waiting is watched again. */
export interface ReconcilerDeps {
  watch(saleId: string): void;
}

export function createReconciler(ctx: EngineContext, { watch }: ReconcilerDeps): Reconciler {
  const { journal, clock, terminal, log, stillPendingAfterMs, reconcileWindowMs, evidenceLookupMs } =
    ctx.settings;
  const { dispatch, nowIso } = ctx;
  let reconciling: Promise<ReconcileReport> | null = null;

  function reviewedIds(): Set<string> {
    return new Set(journal.records('review').map((record) => record.issueId));
  }

  function issues(): ReconcileIssue[] {
    const reviewed = reviewedIds();
    const now = clock.now();
    const out: ReconcileIssue[] = [];
    for (const sale of journal.sales()) {
      out.push(...flagIssues(sale, reviewed));
      if (isStillPending(sale, now, stillPendingAfterMs)) out.push(stillPendingIssue(sale, reviewed));
    }
    const recorded = new Map<string, ReconcileIssue>();
    for (const { issue } of journal.records('issue'))
      recorded.set(issue.id, { ...issue, reviewed: reviewed.has(issue.id) });
    return [...out, ...recorded.values()];
  }

  async function recordIssue(issue: ReconcileIssue): Promise<void> {
    if (journal.records('issue').some((record) => record.issue.id === issue.id)) return;
    await journal.append({ kind: 'issue', issue });
  }

  /**
   * What reconcile learns of one open sale. Absence from the list proves nothing (it may lag or be cut short): a
   * sale it does not show is looked up by its own txnId or reference. A sale KS Pay answered for is looked up so
   * for `evidenceLookupMs`; after that only the list can settle it (null: nothing learnt, nothing concluded).
   */
  async function reconcileFinding(
    sale: Sale,
    listedRecord: ServerRecord | undefined,
    listRead: boolean,
  ): Promise<Finding | null> {
    if (listedRecord) return { kind: 'found', record: listedRecord };
    const pastLookups =
      hasServerEvidence(sale) && clock.now() - Date.parse(sale.createdAt) >= evidenceLookupMs();
    if (sale.txnId === undefined && listRead && pastLookups) return null;
    return ctx.find(sale);
  }

  async function runReconcile(): Promise<ReconcileReport> {
    const now = clock.now();
    const all = journal.sales();
    // A sale still starting has its request in flight in this run (a restart turns such sales `unknown` before
    // it reconciles): its own answer settles it, and a look-up now could only race that answer.
    const open = all.filter((sale) => awaitsServer(sale) && !STARTING.has(sale.status));
    const oldestOpen = open.reduce((min, sale) => Math.min(min, Date.parse(sale.createdAt)), now);
    const from = Math.min(now - reconcileWindowMs, oldestOpen);
    let listed: ServerRecord[] | null = null;
    // A list cut short (at the records it keeps, or its deadline) says nothing of the sales it did not reach.
    let listCut = false;
    let listProblem: UserError | undefined;
    try {
      listed = (
        await ctx
          .client()
          .transactions({ from: new Date(from).toISOString() }, undefined, undefined, (cut) => {
            listCut = true;
            listProblem = listStopped(cut);
          })
      ).map(toServerRecord);
    } catch (error) {
      log.warn('sales: reconcile could not list transactions', { code: ksPayErrorCode(error) ?? 'other' });
      listProblem = listUnread(error);
    }
    const byReference = new Map<string, ServerRecord>();
    for (const record of listed ?? []) {
      const seen = byReference.get(record.referenceNumber);
      if (seen)
        log.error('sales: two server transactions share one reference', {
          reference: record.referenceNumber,
        });
      if (!seen || record.status === 'succeeded') byReference.set(record.referenceNumber, record);
    }

    let settled = 0;
    for (const sale of open) {
      const finding = await reconcileFinding(sale, byReference.get(sale.reference), listed !== null);
      if (finding === null) continue;
      const after = await dispatch(sale.id, ctx.findingEvent(sale, finding));
      if (!awaitsServer(after)) settled += 1;
      else if (after.status === 'awaiting_payment' || after.status === 'cancelled') watch(after.id);
    }

    if (listed !== null) {
      // A prefix may hold dashes, so `POS-` also starts `POS-TILL3-…`, another terminal's: `isReferenceOf` tells.
      const ownPrefix = terminal().referencePrefix;
      const known = new Set(all.map((sale) => sale.reference));
      for (const record of listed) {
        if (isReferenceOf(record.referenceNumber, ownPrefix) && !known.has(record.referenceNumber))
          await recordIssue(serverOnlyIssue(record));
      }
      // The list is read after the sale was confirmed, so a failed record of a paid sale is a reversal.
      for (const sale of all) {
        const record = byReference.get(sale.reference);
        if (sale.status === 'succeeded' && record?.status === 'failed')
          await recordIssue(reversedIssue(sale));
      }
      // Only sales well inside the listed window: near its edge a clock difference could hide a record.
      const safeFrom = from + 3600_000;
      for (const sale of listCut ? [] : all) {
        if (
          sale.status === 'succeeded' &&
          Date.parse(sale.createdAt) >= safeFrom &&
          !byReference.has(sale.reference)
        ) {
          await recordIssue(terminalOnlyIssue(sale));
        }
      }
    }

    const stillPending = open.filter((sale) => {
      const latest = journal.sale(sale.id);
      return latest !== undefined && awaitsServer(latest);
    }).length;
    return {
      at: nowIso(),
      checked: open.length,
      settled,
      stillPending,
      issues: issues(),
      ...(listProblem ? { listProblem } : {}),
    };
  }

  async function markReviewed(issueId: string, note: string, actor: string): Promise<void> {
    const issue = issues().find((candidate) => candidate.id === issueId);
    if (!issue)
      throw new SalesError(
        'not_found',
        'This issue is not on the list any more. Run reconcile again to refresh it.',
      );
    await journal.append({ kind: 'review', issueId, note, actor });
    const { saleId } = issue;
    if (saleId === undefined) return;
    // The sale counts as reviewed once every issue of it is.
    const open = issues().filter((candidate) => candidate.saleId === saleId && !candidate.reviewed);
    if (open.length > 0) return;
    await ctx.locks.run(saleId, async () => {
      const sale = journal.sale(saleId);
      if (!sale || sale.reviewed) return;
      const reviewed: Sale = { ...sale, reviewed: true, updatedAt: nowIso() };
      await journal.append({
        kind: 'sale',
        at: reviewed.updatedAt,
        sale: reviewed,
        note: `Reviewed by ${actor}${note ? `: ${note}` : ''}`,
      });
      ctx.emit(reviewed);
    });
  }

  /**
   * The manager's decision on a sale the customer paid after the counter cancelled it: keep the payment, or
   * record that the money was given back outside the terminal (the KS Pay dashboard, or cash), with the reason.
   * Either way the issue is reviewed; a refund also moves the sale out of the day's takings.
   */
  async function settleAfterCancel(
    saleId: string,
    { outcome, reason }: AfterCancelSettlement,
    actor: string,
  ): Promise<void> {
    const sale = journal.sale(saleId);
    if (!sale) throw new SalesError('not_found', 'This sale is not on this terminal. Refresh the list.');
    if (!sale.flags.includes('paid_after_cancel'))
      throw new SalesError(
        'invalid',
        'Only a sale the customer paid after it was cancelled at the counter is settled here.',
      );
    const issueKey = issueId('paid_after_cancel', saleId);
    if (sale.flags.includes('refunded_outside') || issues().some((i) => i.id === issueKey && i.reviewed))
      throw new SalesError('invalid', 'This sale was settled already. Its decision is in the audit log.');
    if (outcome === 'refunded_outside') {
      if (reason.trim() === '')
        throw new SalesError(
          'invalid',
          'Say how the money was given back, for example "refunded in the KS Pay dashboard".',
        );
      await ctx.locks.run(saleId, async () => {
        const latest = journal.sale(saleId) ?? sale;
        const refunded: Sale = {
          ...latest,
          flags: [...latest.flags, 'refunded_outside'],
          updatedAt: nowIso(),
        };
        await journal.append({
          kind: 'sale',
          at: refunded.updatedAt,
          sale: refunded,
          note: `Refunded outside the terminal, recorded by ${actor}: ${reason.trim()}`,
        });
        ctx.emit(refunded);
      });
    }
    const words = outcome === 'kept' ? 'Payment kept' : 'Refunded outside the terminal';
    await markReviewed(issueKey, reason.trim() ? `${words}: ${reason.trim()}` : words, actor);
  }

  return {
    reconcile() {
      reconciling ??= runReconcile().finally(() => {
        reconciling = null;
      });
      return reconciling;
    },
    issues,
    markReviewed,
    settleAfterCancel,
  };
}
