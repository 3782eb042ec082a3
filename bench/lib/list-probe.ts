// One listing of GET /transaction in a fresh process, playing the main process: started by figures/unpaged-list.ts
// with --expose-gc (and a heap limit), it prints one JSON line with the time and the heap the listing took.
//   node --expose-gc bench/lib/list-probe.ts <ours|floor|peer> <sandbox url> <appId> <accessKey> <secretKey>
// ours  = createKsPayClient().transactions(), as main lists for the desk;
// floor = the same reply read by plain fetch, its bytes discarded (moving the bytes, nothing else);
// peer  = the same reply read whole as text, JSON.parse, then every record normalised: the whole-reply way, with no cap.
import { createKsPayClient } from '../../src/main/kspay/index.ts';
import { listOf, normaliseTransaction, rawRecordOf } from '../../src/main/kspay/index.ts';

export interface ProbeResult {
  ms: number;
  /** This process's CPU time (user + system) while listing: what the listing cost, whatever else ran. */
  cpuMs: number;
  listed: number;
  /** Highest heapUsed seen while listing, above the heap after a full GC just before. */
  peakGrowthBytes: number;
  /** heapUsed after a full GC with the listing still held, above the same baseline. */
  retainedGrowthBytes: number;
}

const [mode, url, appId, accessKey, secretKey] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

async function token(): Promise<string> {
  const reply = await fetch(`${url}/auth/generate-token/${appId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessKey, secretKey }),
  });
  const body = (await reply.json()) as { result?: { accessToken?: string }; accessToken?: string };
  const accessToken = body.result?.accessToken ?? body.accessToken;
  if (accessToken === undefined) throw new Error(`no token from the sandbox (HTTP ${reply.status})`);
  return accessToken;
}

async function main(): Promise<void> {
  if (gc === undefined) throw new Error('run with --expose-gc');
  if (url === undefined || appId === undefined || accessKey === undefined || secretKey === undefined) {
    throw new Error('usage: list-probe.ts <ours|floor|peer> <url> <appId> <accessKey> <secretKey>');
  }
  const client = createKsPayClient({
    baseUrl: url,
    appId,
    credentials: async () => ({ accessKey, secretKey }),
    timeoutMs: 60_000,
  });
  const bearer = { authorization: `Bearer ${await token()}` };
  await client.warmUp();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  /** The sampler only runs between awaits: the peer's synchronous steps are marked where their peaks are. */
  const mark = (): void => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const runs: Record<string, () => Promise<unknown[] | number>> = {
    ours: () => client.transactions(),
    async floor() {
      const reply = await fetch(`${url}/transaction`, { headers: bearer });
      let bytes = 0;
      for await (const chunk of reply.body ?? []) bytes += (chunk as Uint8Array).byteLength;
      return bytes;
    },
    async peer() {
      const reply = await fetch(`${url}/transaction`, { headers: bearer });
      const text = await reply.text();
      mark();
      const list = listOf(rawRecordOf(JSON.parse(text) as unknown));
      mark();
      if (!Array.isArray(list)) throw new Error('the reply is not a list');
      const listed = list.map((record) => normaliseTransaction(record));
      mark();
      return listed;
    },
  };
  const run = mode === undefined ? undefined : runs[mode];
  if (run === undefined) throw new Error(`unknown mode ${mode}`);

  const sampler = setInterval(mark, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const listing = await run();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  clearInterval(sampler);
  mark();
  gc();
  const retained = process.memoryUsage().heapUsed;
  const result: ProbeResult = {
    ms,
    cpuMs: (user + system) / 1000,
    listed: typeof listing === 'number' ? 0 : listing.length,
    peakGrowthBytes: peak - baseline,
    retainedGrowthBytes: retained - baseline,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
