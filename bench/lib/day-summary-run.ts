// Figure 5d: the day summary the app runs. Main answers `reports.day` and closes a day (Z report) with
// `summariseRows` over the terminal's Sales of that day (src/main/reports/reports.ts), in the main
// process: so this runs in Node, on Sale objects as the journal's replay holds them, with the zone's
// ZonedTime created once as `createReports` does.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Sale } from '../../src/shared/domain.ts';
import { summariseRows } from '../../src/shared/day-summary.ts';
import { prng } from '../../src/shared/prng.ts';
import { pick, SAMPLE_CASHIERS, SAMPLE_CURRENCIES, SAMPLE_METHODS, SAMPLE_STATUSES } from './sample-mix.ts';
import { createZonedTime } from '../../src/shared/zoned-time.ts';

/** `count` sales made on `day` (UTC), shaped as the sale engine journals them. */
export function makeDaySales(count: number, day: string, seed = 13): Sale[] {
  const random = prng(seed);
  const start = Date.parse(`${day}T00:00:00.000Z`);
  const sales: Sale[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + Math.floor(random() * 86_399_000)).toISOString();
    const status = pick(random, SAMPLE_STATUSES);
    const cashier = pick(random, SAMPLE_CASHIERS);
    sales.push({
      id: `S${i}`,
      reference: `POS-${day.replaceAll('-', '')}-${i}`,
      amountMinor: 100 + Math.floor(random() * 5_000_000),
      currency: pick(random, SAMPLE_CURRENCIES),
      currencyId: 'c1',
      methodId: 'm1',
      methodName: pick(random, SAMPLE_METHODS),
      status,
      createdAt: at,
      updatedAt: at,
      ...(cashier ? { cashier } : {}),
      flags: random() < 0.01 ? ['paid_after_cancel'] : [],
      reviewed: false,
      demo: false,
    });
  }
  return sales;
}

/** The least any day summary does: one pass adding succeeded amounts per currency. */
function floorSummary(sales: readonly Sale[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const sale of sales)
    if (sale.status === 'succeeded')
      totals.set(sale.currency, (totals.get(sale.currency) ?? 0) + sale.amountMinor);
  return totals;
}

/** A full collection, as `--expose-gc`'s gc() (the bench runs without that flag). */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export function runDaySummary(count: number, samples: number): { ours: number[]; peer: number[] } {
  const day = '2026-11-20';
  const sales = makeDaySales(count, day);
  const zoned = createZonedTime('Asia/Kolkata');
  // Untimed passes first: main reads its zone's offsets once per process, and holds its sales long
  // enough that they live in the old generation (the first collections after building 100,000 objects
  // move them there, and would land on whichever code runs next, ours or the floor).
  for (let i = 0; i < 3; i++) {
    summariseRows(sales, day, zoned);
    floorSummary(sales);
  }
  fullGc();
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    summariseRows(sales, day, zoned);
    ours.push(performance.now() - t);
    t = performance.now();
    floorSummary(sales);
    peer.push(performance.now() - t);
  }
  return { ours, peer };
}
