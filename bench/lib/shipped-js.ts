// The renderer's shipped JS, read from a build: the chunks index.html loads before anything lazy, and the
// same source built minified (figure 6 sizes both; figure 6b may serve the minified one to compare).
import { readdir, readFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ROOT } from './build.ts';
import type { BenchContext } from './figure.ts';

const KB = 1024;

export const gzipKb = (code: string | Buffer): number => gzipSync(code).length / KB;

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"`; never `import("./x.js")`. */
export const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[^;()"'`]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export interface ShippedJs {
  initial: { file: string; kb: number }[];
  lazy: { file: string; kb: number }[];
}

/** The chunks the page loads before anything lazy: index.html's module scripts and preloads, and their static imports. */
export async function shippedJs(dir: string): Promise<ShippedJs> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
  ].map((m) => join(dir, m[1]!));
  const seen = new Set<string>();
  const initial: { file: string; kb: number }[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = await readFile(path, 'utf8');
    initial.push({ file: path.slice(dir.length).replace(/^\/+/, ''), kb: gzipKb(code) });
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(join(path, '..', match[1]!));
  }
  const lazy: { file: string; kb: number }[] = [];
  for (const name of await readdir(join(dir, 'assets'))) {
    const path = join(dir, 'assets', name);
    if (name.endsWith('.js') && !seen.has(path))
      lazy.push({ file: `assets/${name}`, kb: gzipKb(await readFile(path)) });
  }
  return { initial, lazy };
}

export interface MinifiedBuild {
  dir: string;
  shipped: ShippedJs;
}

/**
 * The same renderer source built with minification on and the cashier's entry alone: figure 6 shows what that
 * one setting would change, figure 16b what the customer page's entry adds to the cashier's chunks.
 */
export async function minifiedBuild(ctx: BenchContext): Promise<MinifiedBuild | null> {
  try {
    return await buildMinified(ctx);
  } catch (error) {
    ctx.log(`minified build: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function buildMinified(ctx: BenchContext): Promise<MinifiedBuild> {
  const outDir = await mkdtemp(join(ctx.scratch, 'renderer-min-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: join(ROOT, 'src', 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rollupOptions: { input: join(ROOT, 'src', 'renderer', 'index.html') },
    },
  });
  return { dir: outDir, shipped: await shippedJs(outDir) };
}

/** Gzip KB of a build's initial chunks together. */
export function initialKb(js: ShippedJs): number {
  return js.initial.reduce((sum, chunk) => sum + chunk.kb, 0);
}
