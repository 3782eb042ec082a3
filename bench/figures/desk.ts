// Figure 5: the manager desk in Chromium. (a) The pure shared functions over 100,000 rows inside headless
// Chromium (a Vite bundle of bench/desk-page/entry.ts), each next to naive hand-written code or its floor.
// (b) The real desk in browser mode against a sandbox seeded with 100,000 transactions: open, type in
// Search until the count updates, and requestAnimationFrame intervals while scrolling the virtual table.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { DeskPageResult } from '../desk-page/entry.ts';
import { browserModeMissing, startBrowserMode } from '../lib/browser-mode.ts';
import { ensureBuilt } from '../lib/build.ts';
import { bundleForPage } from '../lib/bundle.ts';
import { chromiumMissing, launchChromium } from '../lib/chromium.ts';
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { notMeasured, reps, withRatio } from '../lib/figure.ts';
import { call, SCROLL_FRAMES, TYPE_UNTIL_COUNT } from '../lib/in-page.ts';
import { now, summarise } from '../lib/stats.ts';
import { runDaySummary } from '../lib/day-summary-run.ts';

const ROWS = 100_000;
const PIN = '2468';
const ENTRY = fileURLToPath(new URL('../desk-page/entry.ts', import.meta.url));

/** 5d runs in Node, where the app runs it: main's `reports.day` and Z report call `summariseRows`. */
function daySummaryRow(ctx: BenchContext): FigureRow {
  const result = runDaySummary(ROWS, reps(ctx, 30, 9));
  const summary = withRatio({
    id: '5d',
    name: `Day summary over ${ROWS.toLocaleString('en-US')} sales of one day (summariseRows, as main runs it)`,
    unit: 'ms',
    ours: summarise(result.ours),
    reference: { label: 'floor: one pass summing by currency', summary: summarise(result.peer) },
    target: '< 20 ms (p95)',
    note: 'in Node on Sale objects, what reports.day and closing a day pass it; per currency: counts by outcome, gross, average, by method, by cashier, by hour (Asia/Kolkata)',
  });
  return { ...summary, met: summary.ours!.p95 < 20 };
}

async function pureRows(ctx: BenchContext, browser: Browser): Promise<FigureRow[]> {
  const script = await bundleForPage(ENTRY, 'benchDesk');
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><head><title>desk bench</title></head><body></body></html>');
    await page.addScriptTag({ content: script });
    const result = (await page.evaluate(`benchDesk.run(${ROWS}, ${reps(ctx, 3, 1)})`)) as DeskPageResult;
    const rows = `${result.rows.toLocaleString('en-US')} rows`;
    const filter = withRatio({
      id: '5b',
      name: `Desk filter over ${rows} (pure, in Chromium)`,
      unit: 'ms',
      ours: summarise(result.filter.ours),
      reference: { label: 'naive Array.filter, same filters', summary: summarise(result.filter.peer) },
      target: '< 100 ms per filter (p95)',
      note: 'search keystrokes, status, currency, method, amount, dates, mismatches; on the sorted rows as the screen does',
    });
    return [
      withRatio({
        id: '5a',
        name: `Desk load: ${rows} as JSON → sorted, indexed (pure, in Chromium)`,
        unit: 'ms',
        ours: summarise(result.load.ours),
        reference: { label: 'floor: JSON.parse alone', summary: summarise(result.load.peer) },
      }),
      { ...filter, met: filter.ours!.p95 < 100 },
      withRatio({
        id: '5c',
        name: `Desk sort of ${rows} by a column (pure, in Chromium)`,
        unit: 'ms',
        ours: summarise(result.sort.ours),
        reference: { label: 'naive comparator sort on a copy', summary: summarise(result.sort.peer) },
        note: 'ours is stable with ties by time, and hands the filter a ready index',
      }),
    ];
  } finally {
    await page.close();
  }
}

const REAL_DESK_ROWS = ['5e', '5e2', '5f', '5g'] as const;
const FIRST_OPEN_TARGET_MS = 3_000;
const SECOND_OPEN_TARGET_MS = 1_000;

function realDeskNotMeasured(why: string): FigureRow[] {
  return [
    notMeasured('5e', 'Desk first open with 100,000 transactions (real desk, browser mode)', 'ms', why),
    notMeasured('5e2', 'Desk second open with 100,000 transactions (real desk, browser mode)', 'ms', why),
    notMeasured(
      '5f',
      'Desk: Search keystroke → count updated (real desk)',
      'ms',
      why,
      '< 100 ms per filter (p95)',
    ),
    notMeasured('5g', 'Desk: frame interval while scrolling 100,000 rows (real desk)', 'ms', why),
  ].filter((row) => (REAL_DESK_ROWS as readonly string[]).includes(row.id));
}

/** The count's number, or -1 while it says something else ("Loading…"). */
/** Duration of the newest reports.transactions call the page made over the bridge (resource timing). */
/** The page's `at`-th finished reports.transactions call (-1 = the last), start to end, in ms. */
const listCall = (at: number): string =>
  `(() => { const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('reports.transactions')).at(${at}); return e ? e.responseEnd - e.startTime : -1; })()`;

const COUNT_SCRIPT = `(() => { const t = document.querySelector('.tx-count')?.textContent ?? ''; const m = /^(\\d+) transactions?$/.exec(t.trim()); return m ? Number(m[1]) : -1; })()`;

/** Polls from here: the app's CSP (no eval) rules out page.waitForFunction with a string. */
async function waitForCount(page: Page, atLeast: number): Promise<number> {
  const deadline = now() + 180_000;
  for (;;) {
    const count = (await page.evaluate(COUNT_SCRIPT)) as number;
    if (count >= atLeast) return count;
    if (now() > deadline)
      throw new Error(`the desk showed ${count} transactions after 180 s, not ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function seededDataDir(ctx: BenchContext): Promise<string> {
  const dataDir = await mkdtemp(join(ctx.scratch, 'desk-'));
  const demoDir = join(dataDir, 'profiles', 'demo');
  await mkdir(demoDir, { recursive: true });
  // The built-in Demo sandbox keeps its history in this file: seed it, so browser mode starts with 100,000.
  const seeder = await startSandbox({
    statePath: join(demoDir, 'sandbox-state.json'),
    seedTransactions: ROWS,
  });
  await seeder.flush();
  await seeder.close();
  return dataDir;
}

async function realDeskRows(ctx: BenchContext, browser: Browser, pure: FigureRow[]): Promise<FigureRow[]> {
  const missing = browserModeMissing();
  if (missing) return realDeskNotMeasured(missing);
  const build = await ensureBuilt();
  if (!build.ok) return realDeskNotMeasured(`npm run build failed (${build.error})`);
  const dataDir = await seededDataDir(ctx);
  const app = await startBrowserMode(dataDir);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  try {
    await app.connect(page.context());
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try Demo mode' }).click();
    await page.getByRole('button', { name: /^Charge/ }).waitFor({ timeout: 60_000 });
    // First opening: set the manager PIN (Demo has none), which also unlocks the desk.
    await page.getByRole('button', { name: 'Manager' }).click();
    await page.locator('#pin-new').fill(PIN);
    await page.locator('#pin-confirm').fill(PIN);
    let t0 = now();
    await page.locator('#pin-confirm').press('Enter');
    // The desk shows the newest page of rows first and appends the rest as the pages arrive.
    await waitForCount(page, 1);
    const firstRows = now() - t0;
    const total = await waitForCount(page, ROWS);
    const firstOpen = now() - t0;
    const firstListCall = (await page.evaluate(listCall(-1))) as number;
    const opens: number[] = [];
    const listCalls: number[] = [];
    const rowsShown: number[] = [];
    for (let i = 0; i < reps(ctx, 3, 1); i++) {
      // A reload ends the manager role at the sale screen, so the Manager button asks the PIN again.
      await page.reload();
      const manager = page.getByRole('button', { name: 'Manager' });
      await manager.waitFor({ timeout: 60_000 });
      t0 = now();
      await manager.click();
      await page.locator('#manager-pin, .tx-count').first().waitFor({ timeout: 60_000 });
      if (await page.locator('#manager-pin').count()) {
        await page.locator('#manager-pin').fill(PIN);
        await page.locator('#manager-pin').press('Enter');
      }
      await waitForCount(page, 1);
      rowsShown.push(now() - t0);
      await waitForCount(page, ROWS);
      opens.push(now() - t0);
      listCalls.push((await page.evaluate(listCall(0))) as number);
    }

    const openRows: FigureRow[] = [
      {
        id: '5e',
        name: `Desk first open with ${total.toLocaleString('en-US')} transactions (real desk, browser mode)`,
        unit: 'ms',
        ours: summarise([firstOpen]),
        target: `< ${FIRST_OPEN_TARGET_MS / 1000} s`,
        met: firstOpen < FIRST_OPEN_TARGET_MS,
        note: `PIN entered → count shown, main never having listed the server; the first rows (the newest page) shown after ${firstRows.toFixed(0)} ms; of which the last reports.transactions call (main lists 100,000 records from the sandbox page by page, merges, sends the newest page): ${firstListCall.toFixed(0)} ms`,
      },
      {
        id: '5e2',
        name: `Desk second open with ${total.toLocaleString('en-US')} transactions (real desk, browser mode)`,
        unit: 'ms',
        ours: summarise(opens),
        target: `< ${SECOND_OPEN_TARGET_MS / 1000} s`,
        met: summarise(opens).median < SECOND_OPEN_TARGET_MS,
        note: `page reloaded, Manager pressed and PIN entered → count shown (main's last listing shown, refreshed in the background); the first rows (the newest page) shown after median ${summarise(rowsShown).median.toFixed(0)} ms; the reports.transactions call that answered from main's listing (the page's first): median ${summarise(listCalls).median.toFixed(0)} ms`,
      },
    ];
    if (!ctx.wants('5f') && !ctx.wants('5g')) return openRows;

    const queries: string[] = [];
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let word = 0; word < reps(ctx, 10, 3); word++) {
      const typed = Array.from({ length: 3 }, (_, k) => letters[(word * 7 + k * 13) % letters.length]).join(
        '',
      );
      for (let n = 1; n <= 3; n++) queries.push(typed.slice(0, n));
      queries.push('');
    }
    const typing = (await page.evaluate(
      call(TYPE_UNTIL_COUNT, { input: '#tx-search', count: '.tx-count', queries, timeoutMs: 3_000 }),
    )) as {
      samples: number[];
      unchanged: number;
      slowest: { query: string; ms: number };
    };
    const frames = (await page.evaluate(
      call(SCROLL_FRAMES, { scroller: '.tx-table', frames: reps(ctx, 180, 60), step: 400 }),
    )) as {
      idle: number[];
      scrolling: number[];
      scrolledTo: number;
      rowsInDom: number;
    };
    const pureFilter = pure.find((row) => row.id === '5b')?.ours;
    const typed = summarise(typing.samples);
    const scrolling = summarise(frames.scrolling);
    const slow = frames.scrolling.filter((ms) => ms > 50).length;
    return [
      ...openRows,
      {
        ...withRatio({
          id: '5f',
          name: 'Desk: Search keystroke → count updated (real desk, browser mode)',
          unit: 'ms',
          ours: typed,
          ...(pureFilter ? { reference: { label: 'the pure filter alone (5b)', summary: pureFilter } } : {}),
          target: '< 100 ms per filter (p95)',
        }),
        met: typed.p95 < 100,
        note: `${typing.samples.length} keystrokes timed, ${typing.unchanged} left the count unchanged; slowest: search "${typing.slowest.query}" ${typing.slowest.ms.toFixed(0)} ms; React renders the filter deferred (useDeferredValue)`,
      },
      withRatio({
        id: '5g',
        name: `Desk: frame interval while scrolling ${total.toLocaleString('en-US')} rows (real desk)`,
        unit: 'ms',
        ours: scrolling,
        reference: { label: 'floor: frames of the same page, still', summary: summarise(frames.idle) },
        note: `${slow} of ${frames.scrolling.length} frames over 50 ms; ${frames.rowsInDom} rows in the DOM; scrolled 400 px a frame to ${Math.round(frames.scrolledTo)} px`,
      }),
    ];
  } finally {
    await page.close();
    await app.close();
  }
}

export const deskFigure: Figure = {
  id: '5',
  title: 'Manager desk over 100,000 transactions (Chromium)',
  async run(ctx) {
    const missing = chromiumMissing();
    if (missing) {
      return [
        notMeasured('5a', 'Desk load (pure, in Chromium)', 'ms', missing),
        notMeasured('5b', 'Desk filter (pure, in Chromium)', 'ms', missing, '< 100 ms per filter (p95)'),
        notMeasured('5c', 'Desk sort (pure, in Chromium)', 'ms', missing),
        daySummaryRow(ctx),
        ...realDeskNotMeasured(missing),
      ];
    }
    const browser = await launchChromium();
    try {
      const pure = [
        ...(['5a', '5b', '5c'].some((id) => ctx.wants(id)) ? await pureRows(ctx, browser) : []),
        ...(ctx.wants('5d') ? [daySummaryRow(ctx)] : []),
      ];
      let real: FigureRow[] = [];
      try {
        if (REAL_DESK_ROWS.some((id) => ctx.wants(id))) real = await realDeskRows(ctx, browser, pure);
      } catch (error) {
        // The pure figures stand on their own; the real desk's failure is reported in its rows.
        ctx.log(`real desk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        real = realDeskNotMeasured(
          `driving the desk failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
      return [...pure, ...real];
    } finally {
      await browser.close();
    }
  },
};
