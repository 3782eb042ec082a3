// Browser mode (`node src/browser/cli.ts`) as a child process: the real terminal — services, journal,
// built-in Demo sandbox — serving the built renderer on loopback, for figures measured in Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright';
import { ONE_TIME_CODE_PARAM, SESSION_PATH } from '../../src/shared/browser-bridge.ts';

export interface BrowserMode {
  /** http://127.0.0.1:PORT/ — no secret: a page opened here is connected only through `connect`. */
  url: string;
  /**
   * Connects a browser context to the terminal before its pages open `url`: the first one spends the
   * one-time address browser mode printed (as a person opening it would), later ones share its session
   * cookie, so each figure's fresh context (empty cache) still loads the terminal, not its refusal.
   */
  connect(context: BrowserContext): Promise<void>;
  /** performance.now() when the process was spawned, and when it printed its address. */
  spawnedAt: number;
  readyAt: number;
  /** The built-in Demo sandbox's /__admin/ address, when started with --sandbox-admin. */
  sandboxAdmin: string | null;
  close(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../src/browser/cli.ts', import.meta.url));

/** Why browser mode cannot be started from this tree, or null when it can. */
export function browserModeMissing(): string | null {
  return existsSync(CLI) ? null : 'src/browser/cli.ts does not exist yet';
}

export function startBrowserMode(dataDir: string, args: string[] = []): Promise<BrowserMode> {
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data-dir', dataDir, '--log-level', 'warn', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Browser mode did not start within 60 s: ${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /browser mode at (http:\/\/127\.0\.0\.1:\d+\/)#(\S+)/.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const url = match[1];
      const code = match[2].replace(`${ONE_TIME_CODE_PARAM}=`, '');
      let sessionCookies: Awaited<ReturnType<BrowserContext['cookies']>> | null = null;
      resolve({
        url,
        async connect(context) {
          if (sessionCookies) return context.addCookies(sessionCookies);
          const res = await context.request.post(`${url}${SESSION_PATH.slice(1)}`, { data: { code } });
          if (!res.ok())
            throw new Error(`browser mode refused its own one-time address: ${await res.text()}`);
          sessionCookies = await context.cookies(url);
        },
        sandboxAdmin: /sandbox admin at (http:\/\/\S+)/.exec(output)?.[1] ?? null,
        spawnedAt,
        readyAt: performance.now(),
        async close() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser mode stopped (exit ${code}): ${output.trim()}`));
    });
  });
}
