// Browser mode's --opener-file: the private page npm start hands to xdg-open is deleted when browser
// mode stops, even when no page ever spent its code (npm start's own test covers a page spending it).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
const OPENER_LINE = /^KS Pay POS opener file at (.+)$/;
let root: string;
let child: ChildProcess | null = null;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'opener-cli-'));
  await mkdir(join(root, 'renderer'));
  await mkdir(join(root, 'tmp'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>POS</title>');
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  child = null;
  await rm(root, { recursive: true, force: true });
});

async function openerPath(started: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: started.stdout! })) {
    const found = OPENER_LINE.exec(line);
    if (found) return found[1]!;
  }
  throw new Error('browser mode stopped without printing its opener file');
}

describe('browser mode --opener-file', () => {
  it('writes the opener in a private folder under TMPDIR and deletes it when browser mode stops', async () => {
    child = spawn(
      process.execPath,
      [
        CLI,
        '--port',
        '0',
        '--data-dir',
        join(root, 'data'),
        '--renderer-dir',
        join(root, 'renderer'),
        '--opener-file',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: join(root, 'tmp') } },
    );
    const path = await openerPath(child);
    expect(dirname(dirname(path))).toBe(join(root, 'tmp'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(dirname(path))).toBe(false);
  }, 30_000);
});
