// What every figure module gives the runner: rows of measured values, each with its floor or peer.
import type { Summary } from './stats.ts';

export interface Reference {
  /** What the floor or peer is, in a few words ("2 raw round trips"). */
  label: string;
  summary: Summary;
}

export interface FigureRow {
  /** "1", "1b", ... : the figure's number in the issue. */
  id: string;
  name: string;
  unit: string;
  /** null when `notMeasured` says why. */
  ours: Summary | null;
  reference?: Reference;
  /** ours.median / reference.median. */
  ratio?: number;
  /** The target in words ("≤ 1.1× floor"); absent for figures that only inform. */
  target?: string;
  met?: boolean;
  note?: string;
  notMeasured?: string;
}

export interface BenchContext {
  /** Multiplies repetition counts: 1 for `npm run bench`, smaller with --quick. */
  scale: number;
  /** Folder for scratch files (journals, bundles); removed at the end. */
  scratch: string;
  log(message: string): void;
  /** Milliseconds left of the whole run's budget (under 10 minutes), for figures that can stop early. */
  remainingMs(): number;
  /** Whether this run measures the row `id` ("6b"): every row, or those `--only` names (by row or by figure). */
  wants(id: string): boolean;
}

export interface Figure {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<FigureRow[]>;
}

/** `count` scaled for --quick, never below `min`. */
export function reps(ctx: BenchContext, count: number, min = 3): number {
  return Math.max(min, Math.round(count * ctx.scale));
}

/** A row whose ratio is ours over the reference, medians. */
export function withRatio(row: Omit<FigureRow, 'ratio'>): FigureRow {
  if (!row.ours || !row.reference) return row;
  return { ...row, ratio: row.ours.median / row.reference.summary.median };
}

export function notMeasured(id: string, name: string, unit: string, why: string, target?: string): FigureRow {
  return { id, name, unit, ours: null, notMeasured: why, ...(target ? { target } : {}) };
}
