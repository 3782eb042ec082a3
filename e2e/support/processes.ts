// Starts a TypeScript CLI of this repository (browser mode, the sandbox) as a child process on Node's
// type stripping, waits for the line that says it serves, and stops it (SIGTERM, then SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartedProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM and wait; SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a power cut would (for crash tests). */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Repository-relative script, e.g. src/browser/cli.ts. */
  script: string;
  args: string[];
  /** Resolves when this matches what the process printed on stdout. */
  ready: RegExp;
  /** Also written here, so a failing test shows what the process said. Never for output that holds keys. */
  logFile?: string;
  timeoutMs?: number;
  /** Added to this process's environment (e.g. a private keychain's D-Bus address). */
  env?: Record<string, string>;
}

export function startProcess({
  script,
  args,
  ready,
  logFile,
  timeoutMs = 60_000,
  env = {},
}: StartOptions): Promise<StartedProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  // What browser mode prints holds its one-time codes: its log is its owner's alone.
  const log = logFile ? createWriteStream(logFile, { flags: 'a', mode: 0o600 }) : null;
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    log?.write(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    log?.write(chunk);
  });
  const stopWith = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    log?.end();
  };
  const started: StartedProcess = {
    child,
    output: () => stdout + stderr,
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void started.kill();
      reject(new Error(`${script} did not start within ${timeoutMs / 1000} s. It said:\n${stdout}${stderr}`));
    }, timeoutMs);
    const check = (): void => {
      if (!ready.test(stdout)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve(started);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${script} stopped before it was ready (exit ${code ?? signal}). It said:\n${stdout}${stderr}`,
        ),
      );
    });
  });
}
