// The day's totals per currency (never adding different currencies together): gross taken, counts by
// outcome, average ticket, split by method, by cashier and by local hour. Pure integer arithmetic.
import {
  type CurrencyTotals,
  type DaySummary,
  type Sale,
  type SaleFlag,
  type TransactionRow,
} from './domain.ts';
import { parseIsoTime } from './iso-time.ts';
import { createDayClock, createZonedTime, type DayClock, type ZonedTime } from './zoned-time.ts';

/** What a summary needs of a row: a TransactionRow fits. Sales are accepted too (see `summaryRowOf`). */
export type SummaryRow = Pick<
  TransactionRow,
  'time' | 'amountMinor' | 'currency' | 'method' | 'status' | 'cashier'
> & { readonly flags?: readonly SaleFlag[] };
export type SummaryInput = SummaryRow | Sale;

/**
 * A sale as the day's totals count it. A sale cancelled at the counter that KS Pay reports paid
 * afterwards (flag `paid_after_cancel`) counts as paid: the money was taken and the server's record
 * decides. Whether to refund it is a reconcile issue for the manager, not a reason to leave it out.
 */
export function summaryRowOf(input: SummaryInput): SummaryRow {
  if (!('createdAt' in input)) return input;
  return {
    time: input.createdAt,
    amountMinor: input.amountMinor,
    currency: input.currency,
    method: input.methodName,
    status: afterCancel(input.flags) === 'paid' ? 'succeeded' : input.status,
    cashier: input.cashier,
    flags: input.flags,
  };
}

/**
 * A row paid after the counter cancelled it: `paid` (the money is kept), `refunded` (the manager recorded
 * it given back outside the terminal) or `none` (most rows, which have no flags at all).
 */
function afterCancel(flags: readonly SaleFlag[] | undefined): 'none' | 'paid' | 'refunded' {
  if (flags === undefined || flags.length === 0 || !flags.includes('paid_after_cancel')) return 'none';
  return flags.includes('refunded_outside') ? 'refunded' : 'paid';
}

/** Label for sales no named cashier took. */
export const NO_CASHIER = 'Terminal';

interface Bucket {
  grossMinor: number;
  count: number;
}

interface Totals {
  grossMinor: number;
  count: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  pending: number;
  paidAfterCancel: number;
  reversed: number;
  reversedMinor: number;
  refundedOutside: number;
  refundedOutsideMinor: number;
  byMethod: Map<string, Bucket>;
  byCashier: Map<string, Bucket>;
  hourly: Bucket[];
}

/**
 * Summarises rows already chosen for `day` (main uses this after moving sales made after a day was
 * closed into the next day). Definitions, per currency:
 * - `count` = every row; `succeeded + failed + cancelled + pending = count` (expired counts as cancelled,
 *   any status that is not final counts as pending);
 * - `grossMinor` = sum of succeeded amounts; `averageTicketMinor` = gross / succeeded, rounded half up;
 * - `byMethod`, `byCashier`, `hourly` split the succeeded sales: their gross sums to `grossMinor` and
 *   their counts to `succeeded`. `hourly` always has 24 entries, hour 0 to 23 local time;
 * - `paidAfterCancel` = succeeded rows flagged `paid_after_cancel` (money taken for a sale the counter
 *   cancelled: the manager decides on a refund); left out when there are none.
 * - `refundedOutside`, `refundedOutsideMinor` = those the manager recorded as refunded outside the terminal
 *   (flag `refunded_outside`): counted as cancelled, not in the paid totals; left out when none.
 * - `reversed`, `reversedMinor` = sales of `reversedIds` the terminal confirmed paid that KS Pay now lists
 *   failed: counted as failed, not in the paid totals, with their own count and amount; left out when none.
 * `unresolved` = rows of every currency whose outcome is not final yet.
 */
export function summariseRows(
  rows: readonly SummaryInput[],
  day: string,
  timeZone: string | ZonedTime,
  reversedIds: ReadonlySet<string> = new Set(),
): DaySummary {
  const zoned = typeof timeZone === 'string' ? createZonedTime(timeZone) : timeZone;
  const clock = createDayClock(zoned, day);
  const summary = new SummaryBuilder();
  countRows(rows, clock, summary, reversedIds);
  return summary.finish(day);
}

/**
 * The loop of `summariseRows`, alone in its function: the fields are read straight from each input (what
 * `summaryRowOf` would give, without building an object per row), since main runs this over every sale of
 * a day, 100,000 on a very busy one. Apart from the code that runs once after it, V8 optimises this loop
 * once and keeps it, rather than leaving it at the summary's first line it has not yet seen run.
 */
function countRows(
  rows: readonly SummaryInput[],
  clock: DayClock,
  summary: SummaryBuilder,
  reversedIds: ReadonlySet<string>,
): void {
  const anyReversed = reversedIds.size > 0;
  for (let i = 0; i < rows.length; i++) {
    const input = rows[i] as SummaryInput;
    let status: SummaryRow['status'];
    let time: string;
    let method: string;
    const cancelled = afterCancel(input.flags);
    if (cancelled === 'refunded') {
      summary.addRefundedOutside(input.currency, input.amountMinor);
      continue;
    }
    if ('createdAt' in input) {
      status = cancelled === 'paid' ? 'succeeded' : input.status;
      time = input.createdAt;
      method = input.methodName;
      if (anyReversed && status === 'succeeded' && reversedIds.has(input.id)) {
        summary.addReversed(input.currency, input.amountMinor);
        continue;
      }
    } else {
      status = input.status;
      time = input.time;
      method = input.method;
    }
    // Only succeeded rows are split by hour, so only their times are read.
    const hour = status === 'succeeded' ? clock.hour(parseIsoTime(time)) : 0;
    summary.add(input.currency, status, input.amountMinor, method, input.cashier, hour, cancelled === 'paid');
  }
}

/**
 * Adds rows one by one, then gives the day's totals. A class, not closures made per summary: its methods
 * are the same functions in every summary, so the loop V8 optimised (with `add` inlined) stays valid for
 * the next day's summary instead of being thrown away ("wrong call target") and compiled again.
 */
class SummaryBuilder {
  private readonly byCurrency = new Map<string, Totals>();
  private unresolved = 0;
  // Rows of one currency often come in runs: the last one's totals are kept at hand.
  private lastCurrency: string | undefined;
  private last: Totals | undefined;

  /**
   * Counts one row; `hour` (local, 0–23) counts only for a succeeded row; `afterCancel`: succeeded, though the
   * counter cancelled it first (flag `paid_after_cancel`). Plain arguments, not an object: no garbage per row.
   */
  add(
    currency: string,
    status: SummaryRow['status'],
    amountMinor: number,
    method: string,
    cashier: string | undefined,
    hour: number,
    afterCancel: boolean,
  ): void {
    let totals = this.last;
    if (currency !== this.lastCurrency || !totals) {
      totals = this.byCurrency.get(currency);
      if (!totals) {
        totals = emptyTotals();
        this.byCurrency.set(currency, totals);
      }
      this.lastCurrency = currency;
      this.last = totals;
    }
    totals.count += 1;
    if (status === 'succeeded') {
      totals.succeeded += 1;
      if (afterCancel) totals.paidAfterCancel += 1;
      totals.grossMinor += amountMinor;
      addTo(totals.byMethod, method, amountMinor);
      addTo(totals.byCashier, cashier || NO_CASHIER, amountMinor);
      const bucket = totals.hourly[hour] as Bucket;
      bucket.grossMinor += amountMinor;
      bucket.count += 1;
    } else if (status === 'failed') totals.failed += 1;
    else if (status === 'cancelled' || status === 'expired') totals.cancelled += 1;
    else {
      // Any status that is not final.
      totals.pending += 1;
      this.unresolved += 1;
    }
  }

  /** Counts a sale confirmed paid whose payment KS Pay now lists failed: failed, with its amount apart. */
  addReversed(currency: string, amountMinor: number): void {
    this.add(currency, 'failed', amountMinor, '', undefined, 0, false);
    const totals = this.last as Totals;
    totals.reversed += 1;
    totals.reversedMinor += amountMinor;
  }

  /** Counts a sale paid after cancel whose money was given back outside the terminal: cancelled, amount apart. */
  addRefundedOutside(currency: string, amountMinor: number): void {
    this.add(currency, 'cancelled', amountMinor, '', undefined, 0, false);
    const totals = this.last as Totals;
    totals.refundedOutside += 1;
    totals.refundedOutsideMinor += amountMinor;
  }

  finish(day: string): DaySummary {
    const currencies: CurrencyTotals[] = [...this.byCurrency.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, t]) => ({
        currency,
        grossMinor: t.grossMinor,
        count: t.count,
        succeeded: t.succeeded,
        failed: t.failed,
        cancelled: t.cancelled,
        pending: t.pending,
        // Only when there is one: Z reports closed before this count existed keep their hashes.
        ...(t.paidAfterCancel > 0 ? { paidAfterCancel: t.paidAfterCancel } : {}),
        ...(t.reversed > 0 ? { reversed: t.reversed, reversedMinor: t.reversedMinor } : {}),
        ...(t.refundedOutside > 0
          ? { refundedOutside: t.refundedOutside, refundedOutsideMinor: t.refundedOutsideMinor }
          : {}),
        averageTicketMinor:
          t.succeeded === 0 ? 0 : Math.floor((2 * t.grossMinor + t.succeeded) / (2 * t.succeeded)),
        byMethod: buckets(t.byMethod).map(([method, b]) => ({ method, ...b })),
        byCashier: buckets(t.byCashier).map(([cashier, b]) => ({ cashier, ...b })),
        hourly: t.hourly.map((b, hour) => ({ hour, ...b })),
      }));
    return { day, currencies, unresolved: this.unresolved };
  }
}

function emptyTotals(): Totals {
  return {
    grossMinor: 0,
    count: 0,
    succeeded: 0,
    failed: 0,
    cancelled: 0,
    pending: 0,
    paidAfterCancel: 0,
    reversed: 0,
    reversedMinor: 0,
    refundedOutside: 0,
    refundedOutsideMinor: 0,
    byMethod: new Map(),
    byCashier: new Map(),
    hourly: Array.from({ length: 24 }, () => ({ grossMinor: 0, count: 0 })),
  };
}

function addTo(map: Map<string, Bucket>, key: string, amountMinor: number): void {
  const bucket = map.get(key);
  if (bucket) {
    bucket.grossMinor += amountMinor;
    bucket.count += 1;
  } else {
    map.set(key, { grossMinor: amountMinor, count: 1 });
  }
}

/** Largest gross first, then by name, so the order is stable. */
function buckets(map: Map<string, Bucket>): [string, Bucket][] {
  return [...map.entries()].sort(
    ([a, x], [b, y]) => y.grossMinor - x.grossMinor || (a < b ? -1 : a > b ? 1 : 0),
  );
}
