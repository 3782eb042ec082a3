// Figures 6b and 6c: browser-mode cold start to an interactive sale screen, page load → Charge (6b) and
// process spawn → Charge (6c), next to the floor of a static page with one button.
import { createServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright';
import { startBrowserMode } from '../lib/browser-mode.ts';
import type { BrowserMode } from '../lib/browser-mode.ts';
import type { BenchContext, FigureRow } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { LOAD_MILESTONES, WATCH_FOR_CHARGE } from '../lib/in-page.ts';
import type { MinifiedBuild } from '../lib/shipped-js.ts';
import { summarise } from '../lib/stats.ts';

export const COLD_START_TARGET_MS = 400;
export const COLD_START_TARGET = `< ${COLD_START_TARGET_MS} ms`;

/**
 * A plain static page with one button, served from here: what any page load costs this Chromium. With
 * `isolated`, the page also sends `Cross-Origin-Opener-Policy: same-origin` as the terminal's page does: the
 * browser then moves it out of the fresh context's first renderer process into a new one (a cost of the
 * header, paid by any page that sends it).
 */
async function staticFloor(browser: Browser, samples: number, isolated = false): Promise<number[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(isolated ? { 'cross-origin-opener-policy': 'same-origin' } : {}),
    });
    res.end(
      '<!doctype html><html><head><title>floor</title></head><body><button type="button">Charge 0.00</button></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  try {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push(await pageToCharge(browser, url));
    return times;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * The first Intl formatter made in a fresh context's page: the browser loads its locale data (ICU) then,
 * once per renderer process, whatever the page. The sale screen formats money, so it pays this too.
 */
async function firstIntlFormatterMs(browser: Browser, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto('data:text/html,<p>Intl</p>');
      times.push(
        (await page.evaluate(`(() => {
          const start = performance.now();
          new Intl.NumberFormat(undefined, { style: 'currency', currency: 'INR' }).format(0);
          return performance.now() - start;
        })()`)) as number,
      );
    } finally {
      await context.close();
    }
  }
  return times;
}

/** A fresh browser context (empty cache): navigation start → a button reading "Charge…" exists, in page time. */
interface PageLoad {
  /** Navigation start → the Charge button exists. */
  at: number;
  /** The HTML, and the last script, received. */
  html: number;
  scripts: number;
  /** DOMContentLoaded: the module script fetched, parsed and run. */
  dcl: number;
  /** The end of the last bridge call (/pos/call/…) before the button appeared. */
  lastCall: number;
}

function median(loads: readonly PageLoad[], key: keyof PageLoad): string {
  return summarise(loads.map((load) => load[key])).median.toFixed(0);
}

/** `connect`: browser mode's session for the fresh context (BrowserMode.connect); the static floor needs none. */
type Connect = (context: BrowserContext) => Promise<void>;

async function pageToCharge(browser: Browser, url: string, connect?: Connect): Promise<number> {
  return (await pageLoad(browser, url, connect)).at;
}

async function pageLoad(browser: Browser, url: string, connect?: Connect): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    await connect?.(context);
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_FOR_CHARGE });
    await page.goto(url);
    await page
      .getByRole('button', { name: /^Charge/ })
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    const at = (await page.evaluate('globalThis.__chargeAt')) as number | undefined;
    if (typeof at !== 'number') throw new Error('the Charge button appeared unseen by the page script');
    const milestones = (await page.evaluate(LOAD_MILESTONES)) as Omit<PageLoad, 'at'>;
    return { at, ...milestones };
  } finally {
    await context.close();
  }
}

async function chooseDemo(browser: Browser, app: BrowserMode): Promise<void> {
  const page = await browser.newPage();
  try {
    await app.connect(page.context());
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try Demo mode' }).click();
    await page.getByRole('button', { name: /^Charge/ }).waitFor({ timeout: 60_000 });
  } finally {
    await page.close();
  }
}

export async function coldStart(
  ctx: BenchContext,
  browser: Browser,
  minifiedRenderer: MinifiedBuild | null,
): Promise<FigureRow[]> {
  const dataDir = await mkdtemp(join(ctx.scratch, 'cold-'));
  let app = await startBrowserMode(dataDir);
  try {
    // Once, as a new user does: Demo mode chosen in the UI. Every start after that opens on the sale screen.
    await chooseDemo(browser, app);
    const toCharge: number[] = [];
    const loads: PageLoad[] = [];
    const whole: number[] = [];
    const processStart: number[] = [];
    const minifiedLoads: number[] = [];
    const warmServer: number[] = [];
    // On a slow machine, fewer samples (two at least) keep the whole run under 10 minutes.
    for (let i = 0; i < reps(ctx, 5, 2) && (i < 2 || ctx.remainingMs() > 90_000); i++) {
      await app.close();
      app = await startBrowserMode(dataDir);
      const load = await pageLoad(browser, app.url, app.connect);
      const pageMs = load.at;
      loads.push(load);
      toCharge.push(pageMs);
      processStart.push(app.readyAt - app.spawnedAt);
      whole.push(app.readyAt - app.spawnedAt + pageMs);
      // The same page again from the now warm server (the browser still cold): separates server start-up from the page.
      warmServer.push(await pageToCharge(browser, app.url, app.connect));
      // Alternating with it: the same app serving the minified build of the same source, to show what
      // that one setting would change under the same conditions.
      if (minifiedRenderer) {
        await app.close();
        app = await startBrowserMode(dataDir, ['--renderer-dir', minifiedRenderer.dir]);
        minifiedLoads.push(await pageToCharge(browser, app.url, app.connect));
      }
    }
    const floor = await staticFloor(browser, reps(ctx, 5, 2));
    const isolatedFloor = await staticFloor(browser, reps(ctx, 5, 2), true);
    const intl = await firstIntlFormatterMs(browser, reps(ctx, 5, 2));
    const ours = summarise(toCharge);
    const withMinified = minifiedRenderer
      ? `; the same source minified (served with --renderer-dir, alternating): median ${summarise(minifiedLoads).median.toFixed(0)} ms`
      : '';
    return [
      {
        ...withRatio({
          id: '6b',
          name: 'Browser-mode cold start: page load → Charge button',
          unit: 'ms',
          ours,
          reference: { label: 'floor: static page with one button', summary: summarise(floor) },
          target: COLD_START_TARGET,
        }),
        met: ours.median < COLD_START_TARGET_MS,
        note:
          `fresh browser context (no cache), server freshly started, Demo chosen once in the UI before; medians: HTML in ${median(loads, 'html')} ms, ` +
          `scripts in ${median(loads, 'scripts')} ms, DOMContentLoaded ${median(loads, 'dcl')} ms, last bridge call before Charge done ${median(loads, 'lastCall')} ms; ` +
          `a second load from the now warm server: ${summarise(warmServer).median.toFixed(0)} ms${withMinified}; ` +
          `the floor's page sent with the same Cross-Origin-Opener-Policy header (a new renderer process): median ${summarise(isolatedFloor).median.toFixed(0)} ms; ` +
          `the first Intl formatter in a fresh page (locale data loaded): median ${summarise(intl).median.toFixed(0)} ms`,
      },
      {
        id: '6c',
        name: 'Browser-mode cold start: process spawn → Charge button',
        unit: 'ms',
        ours: summarise(whole),
        note: `of which process spawn → listening: median ${summarise(processStart).median.toFixed(0)} ms (Node start, loading the TypeScript sources, starting the services and the Demo sandbox)`,
      },
    ];
  } finally {
    await app.close();
  }
}
