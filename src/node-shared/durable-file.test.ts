import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeFileDurably, writeFileDurably } from './index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pos-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ownerOnly = process.platform === 'win32' ? it.skip : it;

describe('writeFileDurably', () => {
  it('replaces the content whole and leaves no temp file', async () => {
    const path = join(dir, 'state.json');
    await writeFileDurably(path, 'a much longer first version of the file');
    await writeFileDurably(path, 'short');
    expect(await readFile(path, 'utf8')).toBe('short');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  ownerOnly('writes the file owner-only, and a missing folder owner-only', async () => {
    const path = join(dir, 'private', 'keys.bin');
    await writeFile(join(dir, 'open.json'), 'old', { mode: 0o644 });
    await writeFileDurably(path, 'secret');
    await writeFileDurably(join(dir, 'open.json'), 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'open.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700);
  });

  it('removes temp files a crash left behind, and leaves other files and running writers alone', async () => {
    const path = join(dir, 'staff.json');
    const stale = [
      '.staff.json.999999999.a1b2c3.tmp', // this module's, from a process that has ended
      `.staff.json.${process.pid}.0f0f0f.tmp`, // this process's, not being written
      'staff.json.4242.tmp', // the pid shape
      'staff.json.4242.7.tmp', // the pid and counter shape
      '.staff.json.deadbeef0123.tmp', // the hex shape
    ];
    const kept = ['other.json', '.other.json.999999999.a1b2c3.tmp', `.staff.json.${process.ppid}.abc.tmp`];
    for (const name of [...stale, ...kept]) await writeFile(join(dir, name), 'x');
    await writeFileDurably(path, 'now');
    expect((await readdir(dir)).sort()).toEqual([...kept, 'staff.json'].sort());
  });

  it('keeps the old file whole when the write fails, and removes its temp file', async () => {
    const path = join(dir, 'keys.bin');
    await writeFileDurably(path, 'old keys');
    const failed = writeFileDurably(path, 'new keys', {
      verify: async (temp) => {
        expect(await readFile(temp, 'utf8')).toBe('new keys');
        throw new Error('read back differs');
      },
    });
    await expect(failed).rejects.toThrow('read back differs');
    expect(await readFile(path, 'utf8')).toBe('old keys');
    expect(await readdir(dir)).toEqual(['keys.bin']);
  });

  it('removes a file durably, and a missing one quietly', async () => {
    const path = join(dir, 'keys.bin');
    await writeFileDurably(path, 'x');
    await removeFileDurably(path);
    await removeFileDurably(path);
    expect(await readdir(dir)).toEqual([]);
  });
});
