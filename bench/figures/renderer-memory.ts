// Figure 6d: renderer memory after 1,000 sales through the UI in browser mode, a leak check with a bound.
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { startBrowserMode } from '../lib/browser-mode.ts';
import type { BenchContext, FigureRow } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { call, SALE_LOOP } from '../lib/in-page.ts';
import { now, summarise } from '../lib/stats.ts';

const MB = 1024 * 1024;
export const HEAP_GROWTH_BOUND_MB = 2;

interface HeapReading {
  heapMb: number;
  nodes: number;
  listeners: number;
}

async function readHeap(page: Page): Promise<HeapReading> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      heapMb: metric('JSHeapUsedSize') / MB,
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
    };
  } finally {
    await cdp.detach();
  }
}

async function readings(page: Page, count: number): Promise<HeapReading[]> {
  const out: HeapReading[] = [];
  for (let i = 0; i < count; i++) out.push(await readHeap(page));
  return out;
}

export async function memoryAfterSales(ctx: BenchContext, browser: Browser): Promise<FigureRow> {
  const target = reps(ctx, 1000, 100);
  const dataDir = await mkdtemp(join(ctx.scratch, 'memory-'));
  const app = await startBrowserMode(dataDir, ['--sandbox-admin']);
  const admin = app.sandboxAdmin;
  const context = await browser.newContext();
  try {
    if (!admin) throw new Error('browser mode did not print the sandbox admin address');
    await app.connect(context);
    const page = await context.newPage();
    // The hosted checkout would open a window per sale; the bench pays through the sandbox instead.
    await page.addInitScript({ content: 'window.open = () => null;' });
    await page.exposeFunction('__benchPay', async (reference: string | null) => {
      const deadline = now() + 30_000;
      // One record by its reference: listing every record per sale would grow with the sales (quadratic).
      const query = reference ? `?referenceNumber=${encodeURIComponent(reference)}` : '';
      for (;;) {
        const list = (await (await fetch(`${admin}transactions${query}`)).json()) as {
          items: { txnId: string; status: string }[];
        };
        const open = list.items.filter((item) => item.status === 'INITIATED');
        for (const item of open) {
          const paid = (await (
            await fetch(`${admin}pay`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ txnId: item.txnId, outcome: 'success' }),
            })
          ).json()) as { redirectUrl: string };
          // The customer's browser follows the redirect back to the terminal's return page.
          await (await fetch(paid.redirectUrl, { redirect: 'manual' })).arrayBuffer();
        }
        if (open.length > 0) return;
        if (now() > deadline) throw new Error('no open sale appeared in the sandbox within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try Demo mode' }).click();
    await page.getByRole('button', { name: /^Charge/ }).waitFor({ timeout: 60_000 });
    const loop = (n: number, budgetMs: number) =>
      page.evaluate(
        call(SALE_LOOP, { count: n, keys: ['1', '2', '5'], timeoutMs: 30_000, budgetMs }),
      ) as Promise<{
        times: number[];
        error: string | null;
      }>;
    const warmUp = await loop(20, 120_000);
    if (warmUp.error) throw new Error(`the warm-up sales failed: ${warmUp.error}`);
    const before = await readings(page, 5);
    const start = now();
    // This loop runs last and takes what is left of the run's budget; on a busy machine it stops early and says so.
    const budgetMs = Math.min(300_000, Math.max(20_000, ctx.remainingMs() - 20_000));
    const { times, error: stopped } = await loop(target, budgetMs);
    const seconds = (now() - start) / 1000;
    const after = await readings(page, 5);
    const heapBefore = summarise(before.map((r) => r.heapMb));
    const heapAfter = summarise(after.map((r) => r.heapMb));
    const growth = heapAfter.median - heapBefore.median;
    const last = after.at(-1)!;
    const first = before.at(-1)!;
    return {
      ...withRatio({
        id: '6d',
        name: `Renderer JS heap after ${times.length.toLocaleString('en-US')} sales through the UI`,
        unit: 'MB',
        ours: heapAfter,
        reference: { label: 'heap before them (after 20 warm-up sales)', summary: heapBefore },
        target: `growth ≤ ${HEAP_GROWTH_BOUND_MB} MB (leak check)`,
      }),
      met: growth <= HEAP_GROWTH_BOUND_MB && times.length >= target,
      note:
        `growth ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB after forced GC; DOM nodes ${first.nodes} → ${last.nodes}, listeners ${first.listeners} → ${last.listeners}; ` +
        `${(times.length / seconds).toFixed(1)} sales/s through the UI (median ${summarise(times).median.toFixed(0)} ms each)` +
        (times.length < target
          ? `; stopped at ${times.length} of ${target} sales: ${stopped ?? 'the time budget ran out'}`
          : ''),
    };
  } finally {
    await context.close();
    await app.close();
  }
}
