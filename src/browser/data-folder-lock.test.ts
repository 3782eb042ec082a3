// One process per data folder: a second browser-mode terminal on the same --data-dir says which process
// holds it and exits without touching a file, so the journal keeps one writer.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FOLDER_LOCK_NAME, lockDataFolder } from '../node-shared/index.ts';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
let root: string;
let dataDir: string;
let rendererDir: string;
const children: ChildProcess[] = [];

function startCli(): ChildProcess {
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  return child;
}

async function firstLine(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) return line;
  return '';
}

/** Every file under `dir` with its size and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, name));
    if (info.isFile()) files[name] = `${info.size}@${info.mtimeMs}`;
  }
  return files;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'folder-lock-'));
  dataDir = join(root, 'data');
  rendererDir = join(root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>POS</title>');
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  await rm(root, { recursive: true, force: true });
});

describe('two browser-mode terminals on one data folder', () => {
  it('the second names the first’s pid and exits without touching a file; the first lets go when it stops', async () => {
    const first = startCli();
    expect(await firstLine(first)).toMatch(/^KS Pay POS browser mode at /);
    const before = await snapshot(dataDir);
    expect(await readFile(join(dataDir, DATA_FOLDER_LOCK_NAME), 'utf8')).toBe(`${first.pid}\n`);

    const second = startCli();
    let stderr = '';
    second.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain(`Another KS Pay POS (process ${first.pid}) is using the data folder ${dataDir}`);
    expect(await snapshot(dataDir)).toEqual(before);

    first.kill('SIGTERM');
    expect(((await once(first, 'exit')) as [number | null])[0]).toBe(0);
    expect(await readdir(dataDir)).not.toContain(DATA_FOLDER_LOCK_NAME);
  }, 30_000);
});

describe('lockDataFolder', () => {
  it('takes over a lock whose process is gone, and refuses one whose process runs', async () => {
    await mkdir(dataDir);
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    await writeFile(join(dataDir, DATA_FOLDER_LOCK_NAME), `${gone.pid}\n`);
    const lock = lockDataFolder(dataDir);
    expect(await readFile(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();

    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    children.push(running);
    await writeFile(join(dataDir, DATA_FOLDER_LOCK_NAME), `${running.pid}\n`);
    expect(() => lockDataFolder(dataDir)).toThrow(`Another KS Pay POS (process ${running.pid})`);
  });
});
