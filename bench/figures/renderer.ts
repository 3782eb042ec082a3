// Figure 6: the cashier renderer. (a) JS shipped to the sale screen: gzip size of the initial chunks of
// out/renderer (npm run build) — the entry and its static imports, not the lazy desk — next to the floor of
// the smallest React app built with the same Vite. (b, c) Browser-mode cold start (renderer-cold-start.ts).
// (d) Renderer memory after 1,000 sales through the UI (renderer-memory.ts).
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { browserModeMissing } from '../lib/browser-mode.ts';
import { ensureBuilt, RENDERER_OUT } from '../lib/build.ts';
import { bundleForPage } from '../lib/bundle.ts';
import { chromiumMissing, launchChromium } from '../lib/chromium.ts';
import type { Figure, FigureRow } from '../lib/figure.ts';
import { notMeasured, withRatio } from '../lib/figure.ts';
import { gzipKb, initialKb, minifiedBuild, shippedJs } from '../lib/shipped-js.ts';
import type { MinifiedBuild } from '../lib/shipped-js.ts';
import { summarise } from '../lib/stats.ts';
import { COLD_START_TARGET, coldStart } from './renderer-cold-start.ts';
import { HEAP_GROWTH_BOUND_MB, memoryAfterSales } from './renderer-memory.ts';

const JS_TARGET_KB = 150;
const TARGETS: Record<string, string | undefined> = {
  '6b': COLD_START_TARGET,
  '6d': `growth ≤ ${HEAP_GROWTH_BOUND_MB} MB (leak check)`,
};
const FLOOR_ENTRY = fileURLToPath(new URL('../renderer-floor/entry.ts', import.meta.url));

async function jsShipped(minifiedRenderer: MinifiedBuild | null): Promise<FigureRow> {
  const name = 'JS shipped to the cashier screen (gzip, initial chunks)';
  const built = await ensureBuilt();
  if (!built.ok)
    return notMeasured('6', name, 'KB', `npm run build failed (${built.error})`, `≤ ${JS_TARGET_KB} KB`);
  const shipped = await shippedJs(RENDERER_OUT);
  const total = initialKb(shipped);
  const floor = gzipKb(await bundleForPage(FLOOR_ENTRY, 'benchReactFloor'));
  const minified = minifiedRenderer
    ? `; the same source with build.minify on: ${initialKb(minifiedRenderer.shipped).toFixed(1)} KB`
    : '';
  const one = (kb: number) => summarise([kb]);
  return {
    ...withRatio({
      id: '6',
      name,
      unit: 'KB',
      ours: one(total),
      reference: { label: 'floor: smallest React app, same Vite, minified', summary: one(floor) },
      target: `≤ ${JS_TARGET_KB} KB`,
    }),
    met: total <= JS_TARGET_KB,
    note: `initial: ${shipped.initial.map((c) => `${c.file} ${c.kb.toFixed(1)} KB`).join(', ')}; lazy: ${shipped.lazy.map((c) => `${c.file} ${c.kb.toFixed(1)} KB`).join(', ') || 'none'}${minified}`,
  };
}

export const rendererFigure: Figure = {
  id: '6',
  title: 'Renderer: JS shipped, cold start, memory after 1,000 sales',
  async run(ctx) {
    const built = await ensureBuilt();
    const minifiedRenderer = built.ok && ctx.wants('6') ? await minifiedBuild(ctx) : null;
    const rows: FigureRow[] = ctx.wants('6') ? [await jsShipped(minifiedRenderer)] : [];
    // Only when the shipped build is not minified already is the minified one worth a cold-start comparison.
    const shipsUnminified =
      built.ok &&
      minifiedRenderer !== null &&
      initialKb(await shippedJs(RENDERER_OUT)) - initialKb(minifiedRenderer.shipped) > 5;
    const missing = chromiumMissing() ?? browserModeMissing();
    const why = missing ?? (built.ok ? null : `npm run build failed (${built.error})`);
    const parts = [
      {
        ids: ['6b', '6c'],
        run: (browser: Browser) => coldStart(ctx, browser, shipsUnminified ? minifiedRenderer : null),
      },
      { ids: ['6d'], run: (browser: Browser) => memoryAfterSales(ctx, browser).then((row) => [row]) },
    ].filter((part) => part.ids.some((id) => ctx.wants(id)));
    if (why) {
      return [
        ...rows,
        ...parts.flatMap((part) =>
          part.ids.map((id) =>
            notMeasured(id, `Renderer figure ${id}`, id === '6d' ? 'MB' : 'ms', why, TARGETS[id]),
          ),
        ),
      ];
    }
    if (parts.length === 0) return rows;
    const browser = await launchChromium();
    try {
      for (const part of parts) {
        try {
          rows.push(...(await part.run(browser)));
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
          ctx.log(
            `renderer ${part.ids.join('/')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          for (const id of part.ids)
            rows.push(
              notMeasured(id, `Renderer figure ${id}`, 'ms', `driving browser mode failed: ${message}`),
            );
        }
      }
      return rows;
    } finally {
      await browser.close();
    }
  },
};
