import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from './cli-args.ts';
import { DEMO_CREDENTIALS } from './index.ts';
import { at, call } from './test-support.ts';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  child = undefined;
});

/** Starts the CLI and resolves with its first `count` stdout lines. */
async function startCli(args: string[], count: number): Promise<string[]> {
  child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === count) break;
  }
  return lines;
}

describe('node src/sandbox/cli.ts', () => {
  it('prints the listening line and the demo credentials, then serves the API on that port', async () => {
    const lines = await startCli(['--port', '0', '--admin', '--seed-transactions', '25'], 4);
    expect(lines[0]).toMatch(/^KS Pay sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.slice(1)).toEqual([
      `App ID: ${DEMO_CREDENTIALS.appId}`,
      `Access key: ${DEMO_CREDENTIALS.accessKey}`,
      `Secret key: ${DEMO_CREDENTIALS.secretKey}`,
    ]);
    const url = (lines[0] ?? '').replace('KS Pay sandbox listening on ', '');
    const token = await call(url, 'POST', `/auth/generate-token/${DEMO_CREDENTIALS.appId}`, {
      body: { accessKey: DEMO_CREDENTIALS.accessKey, secretKey: DEMO_CREDENTIALS.secretKey },
    });
    expect(token.status).toBe(201);
    const list = await call(url, 'GET', '/transaction?limit=1', {
      headers: { authorization: `Bearer ${String(at(token.body, 'result.accessToken'))}` },
    });
    expect(at(list.body, 'result.total')).toBe(25);
    expect((await call(url, 'GET', '/__admin/stats')).status).toBe(200);

    child?.kill('SIGTERM');
    const [code] = (await once(child!, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits with status 2 and says what is wrong for a bad flag', async () => {
    child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
    expect(stderr).toContain('Usage: npm run sandbox');
  });
});

describe('parseCliArgs', () => {
  it('maps every flag onto SandboxOptions', () => {
    const command = parseCliArgs([
      '--port',
      '0',
      '--seed-transactions',
      '100000',
      '--latency',
      '25',
      '--token-ttl',
      '5',
      '--checkout-ttl',
      '60',
      '--admin',
      '--state',
      '/tmp/s.json',
      '--variant',
      'npm',
      '--rate-limit',
      '10',
      '--hostile',
      '--unpaged',
    ]);
    expect(command).toEqual({
      help: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        seedTransactions: 100_000,
        latencyMs: 25,
        tokenTtlSec: 5,
        checkoutTtlSec: 60,
        admin: true,
        statePath: '/tmp/s.json',
        variant: 'npm',
        paging: 'unpaged',
        rateLimitPerSecond: 10,
        hostile: true,
      },
    });
  });

  it('takes a list of hostile behaviours', () => {
    const command = parseCliArgs(['--hostile=order-urls,record-amount']);
    expect(command.help === false && command.options.hostile).toEqual(['order-urls', 'record-amount']);
  });

  it.each([
    [['--variant', 'xml'], /--variant must be s2s or npm/],
    [['--token-ttl', '0'], /--token-ttl must be a whole number/],
    [['--hostile=pirate'], /unknown behaviour "pirate"/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliArgsError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
