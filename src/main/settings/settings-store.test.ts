import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../shared/domain.ts';
import { silentLogger } from '../deps.ts';
import { createSettingsStore, SETTINGS_MIGRATIONS, SettingsError } from './index.ts';
import type { SettingsMigration, SettingsStoreOptions } from './index.ts';

let dir: string;
const clock = { now: () => Date.parse('2026-05-06T07:08:09.010Z') };
const DEFAULTS = Settings.parse({});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(options: Partial<SettingsStoreOptions> = {}) {
  return createSettingsStore({ cwd: dir, log: silentLogger, clock, ...options });
}

function settingsFile(): string {
  return join(dir, 'settings.json');
}

async function fileJson(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(settingsFile(), 'utf8')) as Record<string, unknown>;
}

function refusal(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected the update to be refused');
}

describe('settings store', () => {
  it('starts with the defaults and writes nothing until a change', async () => {
    const settings = store();
    expect(settings.get()).toEqual(DEFAULTS);
    expect(settings.problems()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves a change with its schema version and reads it back after a restart', async () => {
    store().update({ terminalName: 'Front till', referencePrefix: 'FT1', idleLockMinutes: 10 });
    expect(await fileJson()).toMatchObject({
      schemaVersion: 1,
      terminalName: 'Front till',
      referencePrefix: 'FT1',
    });
    expect(store().get()).toMatchObject({
      terminalName: 'Front till',
      referencePrefix: 'FT1',
      idleLockMinutes: 10,
    });
  });

  it('clears an optional setting given as null, and leaves one given as undefined alone', () => {
    const settings = store();
    settings.update({ defaultCurrency: 'INR', locale: 'en-IN' });
    expect(settings.update({ defaultCurrency: undefined }).defaultCurrency).toBe('INR');
    const cleared = settings.update({ defaultCurrency: null });
    expect(cleared.defaultCurrency).toBeUndefined();
    expect(cleared.locale).toBe('en-IN');
    expect(settings.get()).not.toHaveProperty('defaultCurrency');
  });

  it('changes exactly the fields a patch names: nothing else is filled in from the defaults', () => {
    const settings = store();
    settings.setConnection({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010', appId: 'app_1' });
    settings.update({
      idleLockMinutes: 30,
      autoUpdate: { enabled: true },
      printer: { kind: 'escpos', host: '10.0.0.9', port: 9100, paper: '58mm' },
    });
    const before = settings.get();
    const after = settings.update({ terminalName: 'Front till', receiptFooter: 'See you soon' });
    expect(after).toEqual({ ...before, terminalName: 'Front till', receiptFooter: 'See you soon' });
  });

  it('refuses the connection fields in a patch: they change only with setConnection, after a tested save', () => {
    const settings = store();
    settings.setConnection({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010', appId: 'app_1' });
    for (const patch of [
      { environment: 'live' },
      { customBaseUrl: 'http://127.0.0.1:9999' },
      { appId: 'app_other' },
      { terminalName: 'Till', environment: 'custom', customBaseUrl: 'http://127.0.0.1:9999' },
    ]) {
      const error = refusal(() => settings.update(patch));
      expect(error.code).toBe('invalid');
      expect(error.message).toContain('Change keys');
    }
    expect(settings.get()).toMatchObject({
      environment: 'custom',
      customBaseUrl: 'http://127.0.0.1:4010',
      appId: 'app_1',
      terminalName: 'Counter 1',
    });
  });

  it('refuses invalid values with a message that names the field, and saves nothing', async () => {
    const settings = store();
    settings.update({ terminalName: 'Till 1' });
    const before = await readFile(settingsFile(), 'utf8');

    expect(refusal(() => settings.update({ referencePrefix: 'pos' }))).toMatchObject({
      code: 'invalid',
      field: 'referencePrefix',
      message: 'Reference prefix must be 1 to 12 capital letters or digits, dashes only between them.',
    });
    expect(refusal(() => settings.update({ terminalName: '' })).message).toBe('Terminal name is required.');
    expect(refusal(() => settings.update({ idleLockMinutes: 999 })).message).toBe(
      'Idle lock (minutes) can be at most 240.',
    );
    expect(refusal(() => settings.update({ theme: 'neon' })).message).toBe(
      'Theme must be one of: system, light, dark.',
    );
    expect(refusal(() => settings.update({ printer: { kind: 'escpos' } })).message).toBe(
      'Printer address is required.',
    );
    const several = refusal(() => settings.update({ terminalName: '', receiptFooter: 'x'.repeat(201) }));
    expect(several.fields).toEqual({
      terminalName: 'Terminal name is required.',
      receiptFooter: 'Receipt footer can be at most 200 characters.',
    });

    expect(await readFile(settingsFile(), 'utf8')).toBe(before);
    expect(settings.get().terminalName).toBe('Till 1');
  });

  it('needs an https URL for the custom environment, allowing plain http only on this computer', () => {
    const settings = store();
    const connect = (customBaseUrl?: string) =>
      settings.setConnection({ environment: 'custom', appId: 'app_1', customBaseUrl });
    expect(refusal(() => connect())).toMatchObject({
      field: 'customBaseUrl',
      message: 'Enter the API base URL for the custom environment.',
    });
    expect(refusal(() => connect('http://pay.example.com')).message).toContain('must start with https://');
    expect(refusal(() => connect('not a url')).message).toBe(
      'API base URL must be a full web address, such as https://pay.example.com.',
    );
    expect(connect('http://127.0.0.1:4010').environment).toBe('custom');
    expect(connect('https://pay.example.com').customBaseUrl).toBe('https://pay.example.com');
    const live = settings.setConnection({ environment: 'live', appId: 'app_1', customBaseUrl: undefined });
    expect(live).not.toHaveProperty('customBaseUrl');
  });

  it('tells listeners about saved changes only, until they unsubscribe', () => {
    const settings = store();
    const seen: string[] = [];
    const stop = settings.onChange((next, previous) =>
      seen.push(`${previous.terminalName} → ${next.terminalName}`),
    );
    settings.update({ terminalName: 'A' });
    refusal(() => settings.update({ terminalName: '' }));
    stop();
    settings.update({ terminalName: 'B' });
    expect(seen).toEqual(['Counter 1 → A']);
  });
});

describe('keys never reach the settings file', () => {
  const SECRETS = [
    'AK_live_8c1d2e',
    'SK_live_f00dcafe',
    'eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.sig',
    'rt_0123456789',
  ];

  it('refuses keys and tokens passed as settings, and strips them from nested settings', async () => {
    const settings = store();
    expect(refusal(() => settings.update({ accessKey: SECRETS[0], secretKey: SECRETS[1] }))).toMatchObject({
      code: 'invalid',
      field: 'accessKey',
      message: '"accessKey" is not a setting. Keys and tokens are kept in the key vault, never in settings.',
    });
    expect(refusal(() => settings.update({ terminalName: 'Till', token: SECRETS[2] })).field).toBe('token');
    settings.update({
      terminalName: 'Till',
      printer: { kind: 'system', silent: false, paper: '80mm', refreshToken: SECRETS[3] },
      autoUpdate: { enabled: false, secretKey: SECRETS[1] },
    });

    const text = await readFile(settingsFile(), 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(Object.keys(await fileJson()).sort()).toEqual(
      ['schemaVersion', ...Object.keys(settings.get())].sort(),
    );
  });

  it('removes keys someone added to the file by hand, and says so', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({ schemaVersion: 1, terminalName: 'Till', accessKey: SECRETS[0] }),
    );
    const settings = store();
    expect(settings.get().terminalName).toBe('Till');
    expect(await readFile(settingsFile(), 'utf8')).not.toContain(SECRETS[0]);
    expect(settings.problems()).toEqual([
      expect.objectContaining({ code: 'settings_cleaned', message: expect.stringContaining('(accessKey)') }),
    ]);
  });
});

describe('the update feed is not a setting', () => {
  it('drops a feedUrl found in the settings file, keeps updates on or off as they were, and starts normally', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({
        schemaVersion: 1,
        terminalName: 'Till',
        autoUpdate: { enabled: true, feedUrl: 'https://evil.example/feed/' },
      }),
    );
    const settings = store();
    expect(settings.get().terminalName).toBe('Till');
    expect(settings.get().autoUpdate).toEqual({ enabled: true });
    expect(settings.problems().filter((problem) => problem.code !== 'settings_cleaned')).toEqual([]);
    settings.update({ terminalName: 'Till 2' });
    expect(await readFile(settingsFile(), 'utf8')).not.toContain('evil.example');
  });
});

describe('a damaged settings file', () => {
  const ASIDE = 'settings.corrupt-2026-05-06T07-08-09-010Z.json';

  it('is moved aside with a clear message when it is not JSON, and defaults are used', async () => {
    await writeFile(settingsFile(), '{"terminalName": "Till 4",');
    const settings = store();
    expect(settings.get()).toEqual(DEFAULTS);
    expect(await readFile(join(dir, ASIDE), 'utf8')).toBe('{"terminalName": "Till 4",');
    const [problem] = settings.problems();
    expect(problem?.code).toBe('settings_reset');
    expect(problem?.message).toContain('not valid JSON');
    expect(problem?.message).toContain(ASIDE);
    expect(problem?.message).toContain('default settings are in use');

    settings.update({ terminalName: 'Till 5' });
    expect(store().get().terminalName).toBe('Till 5');
  });

  it('is moved aside when a hand edit broke a value, naming the field', async () => {
    await writeFile(settingsFile(), JSON.stringify({ schemaVersion: 1, idleLockMinutes: 'ten' }));
    const settings = store();
    expect(settings.get().idleLockMinutes).toBe(5);
    expect(settings.problems()[0]?.message).toContain('Idle lock (minutes)');
    expect(await readdir(dir)).toContain(ASIDE);
  });

  it('is moved aside when it holds something other than an object', async () => {
    await writeFile(settingsFile(), '[1, 2]');
    expect(store().problems()[0]?.message).toContain('does not hold a settings object');
  });

  it('keeps both copies when a second damaged file is set aside in the same instant', async () => {
    await writeFile(settingsFile(), 'x');
    store();
    await writeFile(settingsFile(), 'y');
    store();
    expect((await readdir(dir)).filter((n) => n.startsWith('settings.corrupt-')).sort()).toEqual([
      'settings.corrupt-2026-05-06T07-08-09-010Z-2.json',
      ASIDE,
    ]);
  });

  it('is set aside, not downgraded, when a newer app version wrote it', async () => {
    await writeFile(settingsFile(), JSON.stringify({ schemaVersion: 7, terminalName: 'Future' }));
    const settings = store();
    expect(settings.get()).toEqual(DEFAULTS);
    expect(settings.problems()[0]?.message).toContain('newer version of KS Pay POS');
  });
});

describe('settings migrations', () => {
  it('stamps a file without a version as the current version', async () => {
    await writeFile(settingsFile(), JSON.stringify({ terminalName: 'Old till' }));
    expect(store().get().terminalName).toBe('Old till');
    expect((await fileJson())['schemaVersion']).toBe(1);
  });

  it('runs each step from the file version up, and saves the result', async () => {
    const renameTerminal: SettingsMigration = {
      from: 1,
      describe: 'terminal → terminalName',
      up: ({ terminal, ...rest }) => ({ ...rest, terminalName: terminal }),
    };
    await writeFile(settingsFile(), JSON.stringify({ schemaVersion: 1, terminal: 'Till 9', theme: 'dark' }));
    const settings = store({ migrations: [...SETTINGS_MIGRATIONS, renameTerminal] });
    expect(settings.get()).toMatchObject({ terminalName: 'Till 9', theme: 'dark' });
    expect(settings.problems()).toEqual([]);
    const saved = await fileJson();
    expect(saved).toMatchObject({ schemaVersion: 2, terminalName: 'Till 9' });
    expect(saved).not.toHaveProperty('terminal');
  });

  it('sets the file aside when a step fails', async () => {
    const broken: SettingsMigration = {
      from: 1,
      describe: 'fails',
      up: () => {
        throw new Error('bad shape');
      },
    };
    await writeFile(settingsFile(), JSON.stringify({ schemaVersion: 1 }));
    const settings = store({ migrations: [...SETTINGS_MIGRATIONS, broken] });
    expect(settings.problems()[0]?.message).toContain('could not be brought up to date (bad shape)');
  });
});
