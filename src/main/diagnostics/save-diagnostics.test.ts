// saveDiagnostics against real files: the zip holds the logs and settings, and no secret at all.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { saveDiagnostics } from './save-diagnostics.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kspay-diag-'));
  dirs.push(dir);
  return dir;
}

const clock = { now: () => Date.UTC(2026, 10, 29, 18, 5, 9) };
const ACCESS_KEY = 'ak_live_Q2hpY2tlbkZpbmdlcnM5';
const SECRET_KEY = 'sk_live_7f3e9a1b2c4d5e6f708192a3b4c5d6e7';
const TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwb3MtMSIsImV4cCI6MTc5NjAwMDAwMH0.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5';
const SIGNATURE = '7b452bc7f5adfe1d65e0a9b8c7d6e5f4a3b2c1d0e9f8a7b6';

function writeLogsWithSecrets(logDir: string): void {
  const log = createLogger({ dir: logDir, level: 'debug', clock, maxBytes: 150, keep: 3 });
  log.info('keys saved', { accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
  log.debug(`POST /transaction/initiate x-signature: ${SIGNATURE}`);
  log.warn(`token refresh failed for ${TOKEN}`);
  log.info('sale POS-01J9ZK3M8X succeeded', { amountMinor: 34567, currency: 'INR' });
  // A file written by something other than our logger, with secrets in the clear.
  writeFileSync(join(logDir, 'crash.txt'), `secretKey=${SECRET_KEY}\nAuthorization: Bearer ${TOKEN}\n`);
}

describe('saveDiagnostics', () => {
  it('zips every log file, the settings and a manifest, named by the clock', () => {
    const root = tempDir();
    writeLogsWithSecrets(join(root, 'logs'));
    const path = saveDiagnostics({
      logDir: join(root, 'logs'),
      settings: { terminalName: 'Counter 1', environment: 'sandbox' },
      outDir: join(root, 'out'),
      clock,
      about: { version: '0.1.0' },
    });
    expect(path).toBe(join(root, 'out', 'ks-pay-pos-diagnostics-20261129-180509.zip'));
    const entries = unzipSync(readFileSync(path));
    expect(Object.keys(entries).sort()).toEqual([
      'logs/crash.txt',
      'logs/main.1.log',
      'logs/main.2.log',
      'logs/main.3.log',
      'logs/main.log',
      'manifest.json',
      'settings.json',
    ]);
    expect(JSON.parse(strFromU8(entries['settings.json'] as Uint8Array))).toEqual({
      terminalName: 'Counter 1',
      environment: 'sandbox',
    });
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array)) as Record<string, unknown>;
    expect(manifest).toMatchObject({ createdAt: '2026-11-29T18:05:09.000Z', about: { version: '0.1.0' } });
    const allLogs = Object.entries(entries)
      .filter(([name]) => name.startsWith('logs/main'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    expect(allLogs).toContain('sale POS-01J9ZK3M8X succeeded');
  });

  it('contains no key, token or signature anywhere in the archive', () => {
    const root = tempDir();
    writeLogsWithSecrets(join(root, 'logs'));
    const settings = {
      terminalName: 'Counter 1',
      appId: 'app-42',
      note: `pasted by mistake: ${SECRET_KEY}`,
      secretKey: SECRET_KEY,
      nested: { accessToken: TOKEN },
    };
    const path = saveDiagnostics({ logDir: join(root, 'logs'), settings, outDir: join(root, 'out'), clock });
    const entries = unzipSync(readFileSync(path));
    for (const [name, bytes] of Object.entries(entries)) {
      const text = strFromU8(bytes);
      for (const secret of [ACCESS_KEY, SECRET_KEY, TOKEN, SIGNATURE])
        expect(text, `${secret} in ${name}`).not.toContain(secret);
      expect(text, name).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
    }
    expect(strFromU8(entries['settings.json'] as Uint8Array)).toContain('app-42');
  });

  it('still saves settings and a manifest when there is no log folder yet', () => {
    const root = tempDir();
    const path = saveDiagnostics({
      logDir: join(root, 'missing'),
      settings: { theme: 'dark' },
      outDir: root,
      clock,
    });
    expect(Object.keys(unzipSync(readFileSync(path))).sort()).toEqual(['manifest.json', 'settings.json']);
  });
});

describe('saveDiagnostics and crash dumps', () => {
  it('lists the crash dumps, newest first, without copying any of their bytes (a dump may hold keys)', () => {
    const root = tempDir();
    const dumps = join(root, 'Crashpad');
    mkdirSync(join(dumps, 'completed'), { recursive: true });
    mkdirSync(join(dumps, 'pending'), { recursive: true });
    // Process memory as a dump would carry it, a key included.
    writeFileSync(join(dumps, 'completed', 'older.dmp'), `MDMP…secretKey=${SECRET_KEY}…`);
    writeFileSync(join(dumps, 'pending', 'newer.dmp'), `MDMP…${ACCESS_KEY}…`);
    writeFileSync(join(dumps, 'settings.dat'), 'not a dump');
    utimesSync(
      join(dumps, 'completed', 'older.dmp'),
      new Date('2026-11-01T10:00:00Z'),
      new Date('2026-11-01T10:00:00Z'),
    );
    utimesSync(
      join(dumps, 'pending', 'newer.dmp'),
      new Date('2026-11-02T10:00:00Z'),
      new Date('2026-11-02T10:00:00Z'),
    );

    const path = saveDiagnostics({
      logDir: join(root, 'logs'),
      settings: {},
      outDir: join(root, 'out'),
      clock,
      crashDumpsDir: dumps,
    });
    const entries = unzipSync(readFileSync(path));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as {
      crashDumps: {
        folder: string;
        files: Array<{ file: string; bytes: number; modifiedAt: string }>;
        note: string;
      };
    };
    expect(manifest.crashDumps.folder).toBe(dumps);
    expect(manifest.crashDumps.files).toEqual([
      {
        file: join('pending', 'newer.dmp'),
        bytes: Buffer.byteLength(`MDMP…${ACCESS_KEY}…`),
        modifiedAt: '2026-11-02T10:00:00.000Z',
      },
      {
        file: join('completed', 'older.dmp'),
        bytes: Buffer.byteLength(`MDMP…secretKey=${SECRET_KEY}…`),
        modifiedAt: '2026-11-01T10:00:00.000Z',
      },
    ]);
    expect(manifest.crashDumps.note).toMatch(/listed, not included.*may include the KS Pay keys/);
    const everything = Object.values(entries)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(everything).not.toContain(SECRET_KEY);
    expect(everything).not.toContain(ACCESS_KEY);
  });

  it('says nothing of crash dumps where there is no crash dumps folder (browser mode)', () => {
    const root = tempDir();
    const path = saveDiagnostics({
      logDir: join(root, 'logs'),
      settings: {},
      outDir: join(root, 'out'),
      clock,
    });
    expect(JSON.parse(strFromU8(unzipSync(readFileSync(path))['manifest.json']!))).not.toHaveProperty(
      'crashDumps',
    );
  });
});
