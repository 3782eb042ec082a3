// The merchant's whole day: the KS Pay server's records of one day grouped by terminal (see terminal-of.ts)
// and currency in one pass, with gross, counts by outcome and pending. Pure integer arithmetic.
import { z } from 'zod';
import { DayKey, IsoDateTime, OutcomeTotals, UserError } from './domain.ts';
import { parseIsoTime } from './iso-time.ts';
import { orderTerminals, terminalOf } from './terminal-of.ts';
import { createDayClock, type ZonedTime } from './zoned-time.ts';

/** One terminal's records of one currency: the same counts as the day summary's, from KS Pay's records. */
export const TerminalCurrencyDay = OutcomeTotals;
export type TerminalCurrencyDay = OutcomeTotals;

export const TerminalDay = z.object({
  /** The terminal's reference prefix, or ELSEWHERE. */
  terminal: z.string(),
  /** This terminal (the one asking). */
  own: z.boolean(),
  /** Only this terminal's own Z reports are known: the server holds none, so for the others it is unknown. */
  dayClosed: z.enum(['closed', 'open', 'unknown']),
  currencies: z.array(TerminalCurrencyDay),
});
export type TerminalDay = z.infer<typeof TerminalDay>;

export const MerchantDay = z.object({
  day: DayKey,
  terminals: z.array(TerminalDay),
  /** When the server's records were listed; absent when they never were. */
  listedAt: IsoDateTime.optional(),
  /** The server's records could not be listed: the totals are from the last list, or empty. */
  serverError: UserError.optional(),
});
export type MerchantDay = z.infer<typeof MerchantDay>;

/** What grouping needs of a server record: the KS Pay client's Transaction fits. */
export interface MerchantRecord {
  referenceNumber: string;
  amountMinor: number;
  currency: string;
  status: 'succeeded' | 'failed' | 'cancelled' | 'expired' | 'pending';
  createdAt?: string | undefined;
}

export interface GroupOptions {
  day: string;
  zoned: ZonedTime;
  ownPrefix: string;
  /** Whether this terminal closed `day` (it has a Z report for it). */
  ownDayClosed: boolean;
  /** Stands in for the time of a record that carries none (the list's time, as the transaction list does). */
  listedAt: string;
}

/**
 * The records of `day` (local calendar day in `zoned`) grouped by terminal and currency, in one pass over
 * `records`. Terminals in the desk's order (this one first, always listed; Elsewhere last); currencies by code.
 */
export function groupMerchantDay(records: readonly MerchantRecord[], options: GroupOptions): TerminalDay[] {
  const clock = createDayClock(options.zoned, options.day);
  const listedAtMs = parseIsoTime(options.listedAt);
  const byTerminal = new Map<string, Map<string, TerminalCurrencyDay>>();
  for (const record of records) {
    const time = record.createdAt === undefined ? listedAtMs : parseIsoTime(record.createdAt);
    if (clock.hourOnDay(time) < 0) continue;
    const terminal = terminalOf(record.referenceNumber);
    let currencies = byTerminal.get(terminal);
    if (!currencies) {
      currencies = new Map();
      byTerminal.set(terminal, currencies);
    }
    let totals = currencies.get(record.currency);
    if (!totals) {
      totals = emptyTotals(record.currency);
      currencies.set(record.currency, totals);
    }
    add(totals, record);
  }
  return orderTerminals(byTerminal.keys(), options.ownPrefix).map((terminal) => {
    const own = terminal === options.ownPrefix;
    return {
      terminal,
      own,
      dayClosed: own ? (options.ownDayClosed ? 'closed' : 'open') : 'unknown',
      currencies: [...(byTerminal.get(terminal)?.values() ?? [])].sort((a, b) =>
        a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
      ),
    };
  });
}

function add(totals: TerminalCurrencyDay, record: MerchantRecord): void {
  totals.count += 1;
  switch (record.status) {
    case 'succeeded':
      totals.succeeded += 1;
      totals.grossMinor += record.amountMinor;
      return;
    case 'failed':
      totals.failed += 1;
      return;
    case 'cancelled':
    case 'expired':
      totals.cancelled += 1;
      return;
    case 'pending':
      totals.pending += 1;
  }
}

function emptyTotals(currency: string): TerminalCurrencyDay {
  return { currency, grossMinor: 0, count: 0, succeeded: 0, failed: 0, cancelled: 0, pending: 0 };
}

/** Every terminal's totals of one currency added up: the merchant's day in that currency. */
export function merchantTotals(terminals: readonly TerminalDay[]): TerminalCurrencyDay[] {
  const sums = new Map<string, TerminalCurrencyDay>();
  for (const terminal of terminals) {
    for (const totals of terminal.currencies) {
      let sum = sums.get(totals.currency);
      if (!sum) {
        sum = emptyTotals(totals.currency);
        sums.set(totals.currency, sum);
      }
      sum.grossMinor += totals.grossMinor;
      sum.count += totals.count;
      sum.succeeded += totals.succeeded;
      sum.failed += totals.failed;
      sum.cancelled += totals.cancelled;
      sum.pending += totals.pending;
    }
  }
  return [...sums.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
