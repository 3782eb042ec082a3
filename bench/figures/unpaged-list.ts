// Figure 9: the whole history from a server that does not page. The sandbox, in its own process, answers
// GET /transaction with every transaction in one array (--unpaged); each listing runs in a fresh process that
// plays the main process (lib/list-probe.ts), so its heap is measured alone. (a, b) 100,000 records: time to list
// next to reading the same bytes and nothing else, and heap growth next to the whole-reply way (text + JSON.parse) without
// its cap. (c, d) 500,000 records under a 1 GiB heap limit: it completes, and what it took.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChildSandbox } from '../lib/child-sandbox.ts';
import type { ChildSandbox } from '../lib/child-sandbox.ts';
import type { BenchContext, Figure, FigureRow } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import type { ProbeResult } from '../lib/list-probe.ts';
import { summarise } from '../lib/stats.ts';

const PROBE = fileURLToPath(new URL('../lib/list-probe.ts', import.meta.url));
const MB = 1024 * 1024;
/** The 500,000 listing runs with this heap limit: a quarter of what Electron's main process may use. */
const LARGE_HEAP_LIMIT_MB = 1024;

type Mode = 'ours' | 'floor' | 'peer';

function probe(sandbox: ChildSandbox, mode: Mode, heapLimitMb?: number): Promise<ProbeResult> {
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const flags = [
    '--expose-gc',
    ...(heapLimitMb === undefined ? [] : [`--max-old-space-size=${heapLimitMb}`]),
  ];
  const child = spawn(process.execPath, [...flags, PROBE, mode, sandbox.url, appId, accessKey, secretKey], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(JSON.parse(out) as ProbeResult);
      else
        reject(
          new Error(`the ${mode} listing stopped (exit ${code ?? signal}): ${err.trim().split('\n').at(-1)}`),
        );
    });
  });
}

const mb = (bytes: number): number => bytes / MB;
const median = (values: number[]): number => summarise(values).median;

async function hundredThousand(ctx: BenchContext): Promise<FigureRow[]> {
  const sandbox = await startChildSandbox(['--seed-transactions', '100000', '--unpaged'], 120_000);
  try {
    const ours: ProbeResult[] = [];
    const floor: ProbeResult[] = [];
    const peer: ProbeResult[] = [];
    const rounds = reps(ctx, 3, 2);
    for (let round = 0; round < rounds; round++) {
      // Interleaved, so a busy spell of the machine hits all three alike.
      ours.push(await probe(sandbox, 'ours'));
      if (round < reps(ctx, 2, 1)) {
        floor.push(await probe(sandbox, 'floor'));
        peer.push(await probe(sandbox, 'peer'));
      }
    }
    const listed = ours.map((r) => r.listed);
    const time = withRatio({
      id: '9a',
      name: 'Transaction list, 100,000 records unpaged: time to list in main',
      unit: 'ms',
      ours: summarise(ours.map((r) => r.ms)),
      reference: {
        label: 'floor: the same reply read by fetch, bytes discarded',
        summary: summarise(floor.map((r) => r.ms)),
      },
      target: '< 10 s listed and shown (shown: 5e)',
    });
    const heap = withRatio({
      id: '9b',
      name: "Transaction list, 100,000 records unpaged: main's heap growth while listing (peak)",
      unit: 'MB',
      ours: summarise(ours.map((r) => mb(r.peakGrowthBytes))),
      reference: {
        label: 'peer: whole reply as text, JSON.parse, normalise (no cap)',
        summary: summarise(peer.map((r) => mb(r.peakGrowthBytes))),
      },
      target: '< 150 MB',
    });
    return [
      {
        ...time,
        met: time.ours!.median < 10_000,
        note: `listed ${listed.join(', ')} records in one request; main's CPU time ${median(ours.map((r) => r.cpuMs)).toFixed(0)} ms (floor ${median(floor.map((r) => r.cpuMs)).toFixed(0)} ms); the peer took ${median(peer.map((r) => r.ms)).toFixed(0)} ms (CPU ${median(peer.map((r) => r.cpuMs)).toFixed(0)} ms); the sandbox in its own process`,
      },
      {
        ...heap,
        met: heap.ours!.p95 < 150,
        note: `heapUsed above the heap after a full GC, sampled every 5 ms (and, for the peer, after the text, after JSON.parse and after normalising); kept after GC with the 100,000 Transactions held: ${median(ours.map((r) => mb(r.retainedGrowthBytes))).toFixed(0)} MB (peer ${median(peer.map((r) => mb(r.retainedGrowthBytes))).toFixed(0)} MB)`,
      },
    ];
  } finally {
    await sandbox.close();
  }
}

async function fiveHundredThousand(): Promise<FigureRow[]> {
  const sandbox = await startChildSandbox(['--seed-transactions', '500000', '--unpaged'], 300_000);
  try {
    const floor = await probe(sandbox, 'floor');
    const ours = await probe(sandbox, 'ours', LARGE_HEAP_LIMIT_MB);
    const limit = `under a ${LARGE_HEAP_LIMIT_MB} MB heap limit (--max-old-space-size)`;
    return [
      withRatio({
        id: '9c',
        name: 'Transaction list, 500,000 records unpaged: time to list in main',
        unit: 'ms',
        ours: summarise([ours.ms]),
        reference: {
          label: 'floor: the same reply read by fetch, bytes discarded',
          summary: summarise([floor.ms]),
        },
        target: 'completes without running out of memory',
        met: ours.listed === 500_000,
        note: `listed ${ours.listed} records in one request, ${limit}; main's CPU time ${ours.cpuMs.toFixed(0)} ms`,
      }),
      {
        id: '9d',
        name: "Transaction list, 500,000 records unpaged: main's heap growth while listing (peak)",
        unit: 'MB',
        ours: summarise([mb(ours.peakGrowthBytes)]),
        note: `${limit}; kept after GC with the 500,000 Transactions held: ${mb(ours.retainedGrowthBytes).toFixed(0)} MB`,
      },
    ];
  } finally {
    await sandbox.close();
  }
}

export const unpagedListFigure: Figure = {
  id: '9',
  title: 'Transaction list from a server that does not page (100,000 and 500,000 records)',
  async run(ctx) {
    return [...(await hundredThousand(ctx)), ...(await fiveHundredThousand())];
  },
};
