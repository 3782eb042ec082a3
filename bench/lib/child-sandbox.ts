// A sandbox in its own process (`node src/sandbox/cli.ts`), so load tests give the server its own core,
// as a real KS Pay server would have, instead of sharing the event loop with the terminal under test.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.ts';
import type { SandboxCredentials } from '../../src/sandbox/index.ts';

export interface ChildSandbox {
  url: string;
  credentials: SandboxCredentials;
  close(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../src/sandbox/cli.ts', import.meta.url));

/** `startTimeoutMs` (default 20 s) covers seeding: 500,000 transactions take a while on a busy machine. */
export function startChildSandbox(args: string[] = [], startTimeoutMs = 20_000): Promise<ChildSandbox> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The sandbox process did not start within ${startTimeoutMs / 1000} s: ${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        url: match[1],
        credentials: { ...DEMO_CREDENTIALS },
        async close() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox process stopped (exit ${code}): ${output}`));
    });
  });
}
