// Start-up of the journal in a fresh process, as main starts it (figure 4c): started by figures/journal.ts,
// it creates the journal on a folder, replays it (what runtime.ts awaits before anything is served) and
// prints one JSON line as soon as the replay resolved, then the time until the folded history is in memory.
//   node bench/lib/journal-start-probe.ts <journal folder>
import { silentLogger, systemClock } from '../../src/main/deps.ts';
import { createJournal } from '../../src/main/journal/index.ts';

export interface StartProbeResult {
  /** createJournal + replay(), in this process. */
  replayMs: number;
  /** Until journal.history() resolved (the folded days' settled sales loaded in the background). */
  historyMs: number;
  salesAtStart: number;
  salesWithHistory: number;
  foldedFiles: number;
  problems: number;
}

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: journal-start-probe.ts <journal folder>');
const t0 = performance.now();
const journal = createJournal({ dir, clock: systemClock, log: silentLogger });
const summary = await journal.replay();
const replayMs = performance.now() - t0;
process.stdout.write('ready\n');
await journal.history();
const result: StartProbeResult = {
  replayMs,
  historyMs: performance.now() - t0,
  salesAtStart: summary.sales,
  salesWithHistory: journal.sales().length,
  foldedFiles: summary.foldedFiles,
  problems: journal.problems().length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await journal.close();
