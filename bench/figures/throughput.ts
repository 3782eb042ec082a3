// Figure 7: throughput. Sales per second the engine completes (start() to awaiting_payment, journal and all)
// at concurrency 1, 4, 16 and 64 against a zero-latency sandbox in its own process, next to the ceiling the
// sandbox itself allows: its GET /currencies requests per second (64 concurrent, keep-alive) ÷ 2 requests per sale.
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { reps } from '../lib/figure.ts';
import { startChildSandbox } from '../lib/child-sandbox.ts';
import type { ChildSandbox } from '../lib/child-sandbox.ts';
import { createEngineRig, expectStatus, rawRoundTrip, rawToken } from '../lib/sale-rig.ts';
import { now, summarise } from '../lib/stats.ts';
import type { Summary } from '../lib/stats.ts';

const LEVELS = [1, 4, 16, 64];
const RPS_CONCURRENCY = 64;
/** Open sales are not polled during a run: the figure is about starting sales, not watching thousands. */
const NO_POLL = { initialMs: 3_600_000 };

async function salesPerSecond(
  ctx: BenchContext,
  sandbox: ChildSandbox,
  concurrency: number,
  seconds: number,
): Promise<{ rate: number; latencies: number[] }> {
  const rig = await createEngineRig({
    baseUrl: sandbox.url,
    credentials: sandbox.credentials,
    scratch: ctx.scratch,
    poll: NO_POLL,
  });
  try {
    await rig.warm();
    expectStatus(await rig.engine.start(rig.input()), 'awaiting_payment', 'warm-up sale');
    const latencies: number[] = [];
    let done = 0;
    const start = now();
    const deadline = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (now() < deadline) {
          const t0 = now();
          expectStatus(await rig.engine.start(rig.input()), 'awaiting_payment', 'throughput sale');
          latencies.push(now() - t0);
          done += 1;
        }
      }),
    );
    return { rate: done / ((now() - start) / 1000), latencies };
  } finally {
    await rig.close();
  }
}

async function requestsPerSecond(sandbox: ChildSandbox, seconds: number): Promise<number> {
  const token = await rawToken({ url: sandbox.url, credentials: sandbox.credentials });
  const url = `${sandbox.url}/currencies`;
  let done = 0;
  const start = now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: RPS_CONCURRENCY }, async () => {
      while (now() < deadline) {
        await rawRoundTrip(url, token);
        done += 1;
      }
    }),
  );
  return done / ((now() - start) / 1000);
}

export const throughputFigure: Figure = {
  id: '7',
  title: 'Throughput: sales per second and the sandbox ceiling',
  async run(ctx) {
    const sandbox = await startChildSandbox();
    try {
      const seconds = Math.max(1, 2 * ctx.scale);
      const runs = reps(ctx, 3, 2);
      const rps: number[] = [];
      const byLevel = new Map<number, { rates: number[]; latencies: number[] }>(
        LEVELS.map((level) => [level, { rates: [], latencies: [] }]),
      );
      await requestsPerSecond(sandbox, 0.5);
      // Rounds interleave the levels and the ceiling, so a slow spell of the machine hits them all alike.
      for (let round = 0; round < runs; round++) {
        rps.push(await requestsPerSecond(sandbox, seconds));
        for (const level of LEVELS) {
          const { rate, latencies } = await salesPerSecond(ctx, sandbox, level, seconds);
          byLevel.get(level)!.rates.push(rate);
          byLevel.get(level)!.latencies.push(...latencies);
        }
      }
      const ceiling: Summary = summarise(rps.map((r) => r / 2));
      const rows: FigureRow[] = LEVELS.map((level) => {
        const { rates, latencies } = byLevel.get(level)!;
        const ours = summarise(rates);
        const latency = summarise(latencies);
        return {
          id: `7.${level}`,
          name: `Sale engine throughput, ${level} concurrent`,
          unit: 'sales/s',
          ours,
          reference: { label: 'sandbox ceiling: req/s ÷ 2', summary: ceiling },
          ratio: ours.median / ceiling.median,
          note: `median/p95 over ${rates.length} runs of ${seconds} s; per sale: median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`,
        };
      });
      rows.push({
        id: '7s',
        name: `Sandbox alone: GET /currencies, ${RPS_CONCURRENCY} concurrent, keep-alive`,
        unit: 'req/s',
        ours: summarise(rps),
        note: 'the sandbox in its own process, loaded by plain fetch from the bench process',
      });
      return rows;
    } finally {
      await sandbox.close();
    }
  },
};
