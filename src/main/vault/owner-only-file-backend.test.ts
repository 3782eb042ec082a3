// The key file only this OS user can read: 0600 in a 0700 folder whatever the umask or an older copy left,
// values round-trip, and a damaged file is reported clearly and never overwritten.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createOwnerOnlyFileBackend } from './owner-only-file-backend.ts';
import { VaultError } from './vault-types.ts';

let root: string;
let folder: string;
let filePath: string;
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'owner-only-keys-'));
  folder = join(root, 'data');
  filePath = join(folder, 'keys.json');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const backend = () => createOwnerOnlyFileBackend({ filePath, log: silentLogger });

describe.skipIf(process.platform === 'win32')('the owner-only key file', () => {
  it('is born 0600 in a 0700 folder even under a umask that lets everyone read', async () => {
    const umask = process.umask(0);
    try {
      await backend().set('live', '{"appId":"a"}');
    } finally {
      process.umask(umask);
    }
    expect(await modeOf(filePath)).toBe(0o600);
    expect(await modeOf(folder)).toBe(0o700);
  });

  it('puts a world-readable file and folder right before it reads them', async () => {
    await backend().set('live', 'value');
    await chmod(filePath, 0o644);
    await chmod(folder, 0o755);
    expect(await backend().get('live')).toBe('value');
    expect(await modeOf(filePath)).toBe(0o600);
    expect(await modeOf(folder)).toBe(0o700);
  });

  it('round-trips values by account, deletes one without touching another, and lists them', async () => {
    const keys = backend();
    expect(keys.exists()).toBe(false);
    expect(await keys.get('live')).toBeNull();
    await keys.set('live', 'one');
    await keys.set('other', 'two');
    await keys.set('live', 'three');
    const again = backend();
    expect(again.exists()).toBe(true);
    expect(await again.get('live')).toBe('three');
    expect(await again.accounts()).toEqual(['live', 'other']);
    await again.delete('live');
    expect(await backend().get('live')).toBeNull();
    expect(await backend().get('other')).toBe('two');
    await again.removeFile();
    expect(again.exists()).toBe(false);
  });

  it('reports a damaged file with what to do, leaves it as it was, and sets it aside on the next save', async () => {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFile(filePath, '{"version":1,"entries":{"live":', { mode: 0o600 });
    const error = await backend()
      .get('live')
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'corrupt' });
    expect((error as VaultError).message).toMatch(
      /is damaged.*enter the App ID, access key and secret key again/,
    );
    expect(await readFile(filePath, 'utf8')).toBe('{"version":1,"entries":{"live":');

    await backend().set('live', 'new');
    expect(await backend().get('live')).toBe('new');
    const aside = (await readdir(folder)).filter((name) => name.startsWith('keys.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(folder, aside[0]!), 'utf8')).toBe('{"version":1,"entries":{"live":');
  });
});
