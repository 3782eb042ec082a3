// `npm run bench`: runs every figure in turn, writes bench/results/latest.json and prints one Markdown table.
// Figures measure and never fail on timing; the exit code is non-zero only when a figure crashed.
//   node bench/run.ts [--only=1,4,6b] [--quick]   (a figure by number, or one of its rows by id)
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chargeFigure } from './figures/charge.ts';
import { customerDisplayFigure } from './figures/customer-display.ts';
import { deskFigure } from './figures/desk.ts';
import { journalFigure } from './figures/journal.ts';
import { merchantDayFigure } from './figures/merchant-day.ts';
import { peerFigure } from './figures/peer.ts';
import { rendererFigure } from './figures/renderer.ts';
import { redirectFigure } from './figures/redirect.ts';
import { throughputFigure } from './figures/throughput.ts';
import { tokenRenewalFigure } from './figures/token-renewal.ts';
import { unpagedListFigure } from './figures/unpaged-list.ts';
import type { BenchContext, Figure, FigureRow } from './lib/figure.ts';
import { renderTable } from './lib/table.ts';

// Run order, not table order (the table is sorted by figure): figure 6 ends with the one loop that fits
// itself into the time left (6d, 1,000 sales through the UI), so it runs before the long fixed figures
// (4, 5, 7–10) and has the time to finish its 1,000 even on a busy machine.
const FIGURES: Figure[] = [
  chargeFigure,
  redirectFigure,
  tokenRenewalFigure,
  rendererFigure,
  journalFigure,
  deskFigure,
  throughputFigure,
  peerFigure,
  unpagedListFigure,
  merchantDayFigure,
  customerDisplayFigure,
];

/** The whole run stays under 10 minutes on a 2-core machine; long figures shorten themselves to fit. */
const BUDGET_MS = 8 * 60_000;

const here = dirname(fileURLToPath(import.meta.url));

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean' } } });
  const only = values.only?.split(',').map((id) => id.trim());
  // "6b" selects figure 6 and, inside it, only the rows named.
  const figureOf = (id: string): string => String(Number.parseInt(id, 10));
  const figures = only ? FIGURES.filter((figure) => only.some((id) => figureOf(id) === figure.id)) : FIGURES;
  const scratch = await mkdtemp(join(tmpdir(), 'kspay-bench-'));
  const began = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const ctx: BenchContext = {
    scale: values.quick ? 0.3 : 1,
    scratch,
    log: (message) => process.stderr.write(`  ${message}\n`),
    remainingMs: () => BUDGET_MS - (performance.now() - began),
    // A row id also selects the rows it begins ("5e" → 5e and 5e2); a bare number, its whole figure.
    wants: (id) =>
      !only || only.some((entry) => entry === figureOf(id) || (/\D/.test(entry) && id.startsWith(entry))),
  };
  const startedAt = new Date();
  const rows: FigureRow[] = [];
  const runs: { id: string; title: string; seconds: number; error?: string }[] = [];
  let crashed = false;
  try {
    for (const figure of figures) {
      process.stderr.write(`bench ${figure.id}: ${figure.title}…\n`);
      const start = performance.now();
      try {
        rows.push(...(await figure.run(ctx)));
        runs.push({ id: figure.id, title: figure.title, seconds: (performance.now() - start) / 1000 });
      } catch (error) {
        crashed = true;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`bench ${figure.id} crashed: ${message}\n`);
        runs.push({
          id: figure.id,
          title: figure.title,
          seconds: (performance.now() - start) / 1000,
          error: message,
        });
        rows.push({
          id: figure.id,
          name: figure.title,
          unit: '',
          ours: null,
          notMeasured: `the bench crashed (${error instanceof Error ? error.message : String(error)})`,
        });
      }
      process.stderr.write(`bench ${figure.id}: ${(runs.at(-1)?.seconds ?? 0).toFixed(1)} s\n`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const finishedAt = new Date();
  const cpu = cpus();
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    commit: gitCommit(),
    machine: {
      cpus: cpu.length,
      model: cpu[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    // 1-minute load average: above the core count, other work competed with the bench for the CPU.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
    scale: ctx.scale,
    figures: runs,
    rows,
  };
  await mkdir(join(here, 'results'), { recursive: true });
  await writeFile(join(here, 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const order = (row: FigureRow): number => Number.parseInt(row.id, 10);
  process.stdout.write(`${renderTable([...rows].sort((a, b) => order(a) - order(b)))}\n\n`);
  process.stdout.write(
    `${cpu.length} × ${result.machine.model}, Node ${process.version}, commit ${result.commit}, ${result.seconds.toFixed(0)} s, load average ${result.loadAverage.atStart.toFixed(1)} → ${result.loadAverage.atEnd.toFixed(1)}. ` +
      'Ratio = our median ÷ the floor/peer median. Full numbers: bench/results/latest.json; how to read: bench/README.md.\n',
  );
  if (crashed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
