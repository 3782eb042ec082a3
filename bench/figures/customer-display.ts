// Figure 16: the customer display's JS. (a) What the customer page (customer.html) loads, its QR chunk
// included, over the floor of the smallest React app: the budget is 40 KB gzip on top of React.
// (b) The cashier screen's initial JS as built with the customer page beside it, against the same source
// built without the customer entry: the customer page must not grow it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, RENDERER_OUT } from '../lib/build.ts';
import { bundleForPage } from '../lib/bundle.ts';
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { notMeasured, withRatio } from '../lib/figure.ts';
import { gzipKb, minifiedBuild, STATIC_IMPORT } from '../lib/shipped-js.ts';
import { summarise } from '../lib/stats.ts';

const ON_TOP_OF_REACT_KB = 40;
const FLOOR_ENTRY = fileURLToPath(new URL('../renderer-floor/entry.ts', import.meta.url));
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

const one = (kb: number) => summarise([kb]);

interface PageJs {
  /** Loaded with the page: its module scripts and their static imports. */
  initial: Map<string, number>;
  /** Imported later by those (for the customer page: the QR code library, needed for every payment). */
  later: Map<string, number>;
}

async function pageJs(dir: string, html: string): Promise<PageJs> {
  const page = await readFile(join(dir, html), 'utf8');
  const initial = new Map<string, number>();
  const later = new Map<string, number>();
  const queue = [
    ...page.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
  ].map((m) => ({ path: join(dir, m[1]!), lazy: false }));
  while (queue.length > 0) {
    const { path, lazy } = queue.shift()!;
    if (initial.has(path) || (lazy && later.has(path))) continue;
    const code = await readFile(path, 'utf8');
    (lazy ? later : initial).set(path, gzipKb(code));
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push({ path: join(path, '..', match[1]!), lazy });
    for (const match of code.matchAll(DYNAMIC_IMPORT))
      queue.push({ path: join(path, '..', match[1]!), lazy: true });
  }
  for (const path of initial.keys()) later.delete(path);
  return { initial, later };
}

const total = (chunks: Map<string, number>): number => [...chunks.values()].reduce((sum, kb) => sum + kb, 0);
const list = (chunks: Map<string, number>, dir: string): string =>
  [...chunks]
    .map(([path, kb]) => `${path.slice(dir.length).replace(/^\/+/, '')} ${kb.toFixed(1)} KB`)
    .join(', ');

async function customerJs(): Promise<FigureRow> {
  const name = 'Customer display JS on top of React (gzip, page + QR chunk)';
  const target = `≤ ${ON_TOP_OF_REACT_KB} KB over the floor`;
  const built = await ensureBuilt();
  if (!built.ok) return notMeasured('16', name, 'KB', `npm run build failed (${built.error})`, target);
  const js = await pageJs(RENDERER_OUT, 'customer.html');
  // The QR chunk is the only one the customer page imports later; the desk is never reached from it.
  const shipped = total(js.initial) + total(js.later);
  const floor = gzipKb(await bundleForPage(FLOOR_ENTRY, 'benchReactFloor'));
  return {
    ...withRatio({
      id: '16',
      name,
      unit: 'KB',
      ours: one(shipped),
      reference: { label: 'floor: smallest React app, same Vite, minified', summary: one(floor) },
      target,
    }),
    met: shipped - floor <= ON_TOP_OF_REACT_KB,
    note: `on top of React: ${(shipped - floor).toFixed(1)} KB; initial: ${list(js.initial, RENDERER_OUT)}; later: ${list(js.later, RENDERER_OUT)}`,
  };
}

async function cashierUnchanged(ctx: BenchContext): Promise<FigureRow> {
  const name = "Cashier screen's initial JS beside the customer page (gzip)";
  const target = '≤ the cashier entry built alone + 1 KB';
  const built = await ensureBuilt();
  if (!built.ok) return notMeasured('16b', name, 'KB', `npm run build failed (${built.error})`, target);
  const withCustomer = await pageJs(RENDERER_OUT, 'index.html');
  const cashierOnly = await minifiedBuild(ctx);
  if (!cashierOnly)
    return notMeasured('16b', name, 'KB', 'the cashier-only build failed (see the log)', target);
  const aloneDir = cashierOnly.dir;
  const alone = await pageJs(aloneDir, 'index.html');
  const ours = total(withCustomer.initial);
  const reference = total(alone.initial);
  const customerFiles = (await readdir(join(RENDERER_OUT, 'assets'))).filter((file) =>
    file.startsWith('customer'),
  );
  const leaked = [...withCustomer.initial.keys()].filter((path) =>
    customerFiles.some((file) => path.endsWith(file)),
  );
  return {
    ...withRatio({
      id: '16b',
      name,
      unit: 'KB',
      ours: one(ours),
      reference: { label: 'the same source, cashier entry alone', summary: one(reference) },
      target,
    }),
    met: ours <= reference + 1 && leaked.length === 0,
    note: `with the customer entry: ${list(withCustomer.initial, RENDERER_OUT)}; alone: ${list(alone.initial, aloneDir)}; the customer page's own chunk in it: ${leaked.length === 0 ? 'no' : 'YES'}`,
  };
}

export const customerDisplayFigure: Figure = {
  id: '16',
  title: 'Customer display JS',
  async run(ctx) {
    return [await customerJs(), await cashierUnchanged(ctx)];
  },
};
