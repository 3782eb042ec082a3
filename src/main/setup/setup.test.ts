import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInput } from '../../shared/domain.ts';
import { NO_POLICY } from '../../shared/policy-status.ts';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { createProfiles, type ProfileName } from '../profiles/index.ts';
import { createAuditLog, type AuditLog } from '../audit/index.ts';
import { createCredentialsService, LIVE_KEYS } from '../credentials/index.ts';
import { silentLogger, systemClock } from '../deps.ts';
import { createKsPayClient } from '../kspay/index.ts';
import { createSettingsStore } from '../settings/index.ts';
import { createStaff, createStaffFileStore } from '../staff/index.ts';
import { createVault, type Vault } from '../vault/index.ts';
import { resolveBaseUrl } from './base-url.ts';
import { SetupError } from './setup-error.ts';
import { createSetup, type Setup } from './setup.ts';

let dataDir: string;
let sandbox: Sandbox;
let setup: Setup;
let vault: Vault;
let audit: AuditLog;
let activated: ProfileName[];
/** The machine policy setup sees: none unless a test sets one. */
let policy: { locked: string[]; refuse?: string };

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1, keylen: 32 };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pos-setup-'));
  policy = { locked: [] };
  sandbox = await startSandbox({ port: 0, admin: true });
  activated = [];
  // The real services over real files; the vault has no keychain here, so it keeps keys in memory.
  vault = createVault({
    keytar: null,
    safeStorage: null,
    filePath: join(dataDir, 'keys.bin'),
    log: silentLogger,
  });
  audit = createAuditLog({ dir: dataDir, clock: systemClock });
  const settings = createSettingsStore({ cwd: dataDir, log: silentLogger });
  const staff = createStaff({
    store: createStaffFileStore({ filePath: join(dataDir, 'staff.json') }),
    audit,
    clock: systemClock,
    idleLockMinutes: () => 5,
    scrypt: FAST_SCRYPT,
  });
  const profiles = createProfiles({ dataDir, log: silentLogger });
  setup = createSetup({
    shell: 'browser',
    version: '1.2.3',
    updates: { available: false, reason: 'No updates in tests.' },
    vault,
    credentials: createCredentialsService({ vault, profiles }),
    settings,
    policy: {
      status: () => ({ ...NO_POLICY, locked: policy.locked }),
      checkConnection: () => {
        if (policy.refuse) throw new SetupError('set_by_policy', policy.refuse);
      },
    },
    staff,
    audit,
    profiles,
    connection: () => ({ state: profiles.active() === 'demo' ? 'demo' : 'not_configured' }),
    activate: async (profile) => void activated.push(profile),
    reconnect: async (profile) => void activated.push(profile),
    baseUrlOf: (target) => resolveBaseUrl(target, async () => sandbox.url),
    clientFor: (baseUrl, credentials) =>
      createKsPayClient({
        baseUrl,
        appId: credentials.appId,
        credentials: async () => credentials,
        timeoutMs: 3000,
        sleep: async () => undefined,
      }),
    log: silentLogger,
  });
});

afterEach(async () => {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The standalone sandbox reached as a custom server, the way a tester connects to one. */
const custom = (keys = DEMO_CREDENTIALS): ConnectionInput => ({
  environment: 'custom',
  customBaseUrl: sandbox.url,
  ...keys,
});

describe('setup.status', () => {
  it('reports first run with no keys and no PIN, and the vault it would use', async () => {
    const status = await setup.status('cashier');
    expect(status).toMatchObject({
      mode: 'first-run',
      shell: 'browser',
      hasKeys: false,
      hasPin: false,
      role: 'cashier',
      version: '1.2.3',
    });
    expect(status.vault.store).toBe('session');
    expect(status.vault.message).toBeTruthy();
  });
});

describe('setup.testConnection', () => {
  it('says every step worked against a reachable server with the right keys', async () => {
    const result = await setup.testConnection(custom());
    expect(result.ok).toBe(true);
    expect(result.steps.map((step) => [step.name, step.ok])).toEqual([
      ['Server address', true],
      ['App ID and keys', true],
      ['Currencies', true],
    ]);
    expect(result.steps[2]!.message).toMatch(/^KS Pay offers \d+ currenc(y|ies): [A-Z]{3}/);
  });

  it('says the keys were refused, in plain words, and that the later step was not tried', async () => {
    const result = await setup.testConnection(
      custom({ ...DEMO_CREDENTIALS, secretKey: 'sk_wrong_but_plausible' }),
    );
    expect(result.ok).toBe(false);
    expect(result.steps[1]).toMatchObject({ name: 'App ID and keys', ok: false });
    expect(result.steps[1]!.message).toMatch(/did not accept/);
    expect(result.steps[2]).toEqual({
      name: 'Currencies',
      ok: false,
      message: 'Not tried yet: fix the step above first.',
    });
    expect(JSON.stringify(result)).not.toContain('sk_wrong_but_plausible');
  });

  it('says the server cannot be reached when nothing listens there', async () => {
    const closed = sandbox.url;
    await sandbox.close();
    sandbox = await startSandbox({ port: 0 });
    const result = await setup.testConnection({ ...custom(), customBaseUrl: closed });
    expect(result.ok).toBe(false);
    expect(result.steps[1]!.message).toMatch(/reach KS Pay/);
  });

  it('refuses a plain http address that is not this computer before sending anything', async () => {
    const result = await setup.testConnection({ ...custom(), customBaseUrl: 'http://pay.example.com' });
    expect(result.steps[0]).toMatchObject({ name: 'Server address', ok: false });
    expect(result.steps[0]!.message).toMatch(/https:\/\//);
    expect(sandbox.stats().requests).toBe(0);
  });

  it('tests the built-in sandbox with its Demo keys', async () => {
    expect((await setup.testConnection({ environment: 'sandbox', ...DEMO_CREDENTIALS })).ok).toBe(true);
  });
});

describe('setup.saveConnection', () => {
  it('keeps the keys in the vault only: settings hold the environment and App ID, and the terminal goes live', async () => {
    const status = await setup.saveConnection(custom(), 'cashier');
    expect(status).toMatchObject({ mode: 'live', hasKeys: true });
    expect(status.settings).toMatchObject({
      environment: 'custom',
      customBaseUrl: sandbox.url,
      appId: DEMO_CREDENTIALS.appId,
    });
    expect(await vault.get(LIVE_KEYS)).toEqual({ ...DEMO_CREDENTIALS, origin: new URL(sandbox.url).origin });
    expect(activated).toEqual(['live']);
    for (const name of await readdir(dataDir)) {
      if (name.endsWith('.json') || name.endsWith('.jsonl')) {
        const text = await readFile(join(dataDir, name), 'utf8');
        expect(text, name).not.toContain(DEMO_CREDENTIALS.secretKey);
        expect(text, name).not.toContain(DEMO_CREDENTIALS.accessKey);
      }
    }
    expect((await audit.list()).map((entry) => entry.action)).toContain('keys.saved');
  });

  it('saves nothing unless the connection test passes with the keys typed, and says which step failed', async () => {
    const before = sandbox.stats().requests;
    await expect(
      setup.saveConnection(custom({ ...DEMO_CREDENTIALS, secretKey: 'sk_typed_wrong' }), 'manager'),
    ).rejects.toMatchObject({
      code: 'test_failed',
      message: expect.stringMatching(
        /^Nothing was saved: the connection test failed at "App ID and keys"\. KS Pay did not accept .*\.$/,
      ),
    });
    expect(sandbox.stats().requests).toBeGreaterThan(before);
    expect(await vault.has(LIVE_KEYS)).toBe(false);
    expect((await setup.status('manager')).settings.environment).toBe('sandbox');
    expect(activated).toEqual([]);
  });

  it('needs the manager once a PIN exists', async () => {
    await setup.setPin('2468', '2468', 'cashier');
    await expect(setup.saveConnection(custom(), 'cashier')).rejects.toMatchObject({
      code: 'locked',
      message: 'Enter the manager PIN to change the KS Pay connection.',
    });
    expect(await vault.has(LIVE_KEYS)).toBe(false);
    await expect(setup.saveConnection(custom(), 'manager')).resolves.toMatchObject({ mode: 'live' });
  });

  it('saves nothing when the address is not allowed', async () => {
    await expect(
      setup.saveConnection({ ...custom(), customBaseUrl: 'http://10.0.0.5:4010' }, 'manager'),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await vault.has(LIVE_KEYS)).toBe(false);
    expect((await setup.status('cashier')).mode).toBe('first-run');
  });

  it('sends the built-in sandbox to Demo mode instead of saving keys for it', async () => {
    await expect(
      setup.saveConnection({ environment: 'sandbox', ...DEMO_CREDENTIALS }, 'manager'),
    ).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('setup.startDemo', () => {
  it('enters Demo mode once, recording it in the audit log, and runs the Demo profile', async () => {
    const status = await setup.startDemo('cashier');
    await setup.startDemo('cashier');
    expect(status).toMatchObject({ mode: 'demo', connection: { state: 'demo' }, hasKeys: false });
    expect(activated).toEqual(['demo', 'demo']);
    expect(
      (await audit.list()).filter((entry) => entry.action === 'demo.entered').map((entry) => entry.detail),
    ).toEqual(['Demo mode entered']);
  });

  it('is not offered once real keys are saved', async () => {
    await setup.saveConnection(custom(), 'cashier');
    await expect(setup.startDemo('cashier')).rejects.toMatchObject({ code: 'live_active' });
  });

  it('is not offered when the machine policy sets the environment', async () => {
    policy.locked = ['environment', 'appId'];
    await expect(setup.startDemo('cashier')).rejects.toMatchObject({
      code: 'set_by_policy',
      message: expect.stringMatching(/policy connects this terminal to KS Pay, so Demo mode is not offered/),
    });
    expect(activated).toEqual([]);
  });
});

describe('a connection the machine policy refuses', () => {
  it('is neither tested nor saved: no key leaves, none is stored', async () => {
    policy.refuse = 'App ID is set by your organisation.';
    const before = sandbox.stats();
    await expect(setup.testConnection(custom())).rejects.toThrow('App ID is set by your organisation.');
    await expect(setup.saveConnection(custom(), 'cashier')).rejects.toThrow(
      'App ID is set by your organisation.',
    );
    expect(await vault.get(LIVE_KEYS)).toBeNull();
    expect(activated).toEqual([]);
    expect(sandbox.stats()).toEqual(before);
  });
});

describe('setup.setPin', () => {
  it('sets the first PIN without opening the manager desk: whoever set it enters it to open one', async () => {
    const status = await setup.setPin('1357', '1357', 'cashier');
    expect(status).toMatchObject({ hasPin: true, role: 'cashier' });
    await expect(setup.saveConnection(custom(), 'cashier')).rejects.toMatchObject({ code: 'locked' });
  });

  it('refuses two different PINs, and a second first PIN', async () => {
    await expect(setup.setPin('1357', '1358', 'cashier')).rejects.toMatchObject({
      code: 'invalid',
      message: 'The two PINs are different. Enter the same PIN twice.',
    });
    await setup.setPin('1357', '1357', 'cashier');
    await expect(setup.setPin('2468', '2468', 'cashier')).rejects.toMatchObject({ code: 'pin_exists' });
  });
});
