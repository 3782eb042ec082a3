// The key store choice through the contract, as the Connect screen makes it on a computer whose keychain
// cannot be reached: setup.status says so before Save, setup.chooseKeyStore remembers the choice, and a
// restart on the same data folder finds the keys (owner-only file) or asks for them again (session only).
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { AUDIT_FILE_NAME } from '../audit/index.ts';
import { createFakeKeytar } from '../vault/testing/test-doubles.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { contractCaller } from './testing/contract-caller.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';

let dataDir: string;
let server: Sandbox;
const sandboxes: Sandbox[] = [];
const apps: PosApp[] = [];

/** A terminal start whose keychain has no session bus to talk over, as libsecret reports it. */
async function startTerminal(): Promise<PosApp> {
  const keytar = createFakeKeytar();
  keytar.failWith = 'Could not connect: No such file or directory';
  const options = testAppOptions(dataDir, sandboxes);
  const app = createPosApp({ ...options, platform: { ...options.platform, keytar } });
  apps.push(app);
  await app.start();
  return app;
}

async function restart(app: PosApp): Promise<PosApp> {
  await app.close();
  return startTerminal();
}

const connection = () => ({ environment: 'custom', customBaseUrl: server.url, ...DEMO_CREDENTIALS });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'key-store-'));
  server = await startSandbox({ port: 0 });
  sandboxes.push(server);
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  await closeSandboxes(sandboxes);
  await rm(dataDir, { recursive: true, force: true });
});

describe('a terminal with no usable keychain', () => {
  it('says so before Save, and keeps the keys in the owner-only file across a restart once chosen', async () => {
    let app = await startTerminal();
    const counter = contractCaller(app);
    const before = await counter.call('setup.status');
    expect(before.vault).toMatchObject({ store: 'session', secure: false });
    expect(before.vault.unusable).toMatch(/D-Bus session bus/);
    expect(before.vault.choice).toBeUndefined();

    const chosen = await counter.call('setup.chooseKeyStore', { store: 'owner-only-file' });
    expect(chosen.vault).toMatchObject({ store: 'owner-only-file', choice: 'owner-only-file' });
    const saved = await counter.call('setup.saveConnection', connection());
    expect(saved).toMatchObject({ mode: 'live', hasKeys: true, vault: { store: 'owner-only-file' } });
    // No reply carries a key, the status included.
    expect(JSON.stringify(saved)).not.toContain(DEMO_CREDENTIALS.secretKey);
    expect((await stat(join(dataDir, 'keys.json'))).mode & 0o777).toBe(0o600);

    // Widened by a copy while the terminal was off: put right at the next start.
    await chmod(join(dataDir, 'keys.json'), 0o644);
    app = await restart(app);
    expect((await stat(join(dataDir, 'keys.json'))).mode & 0o777).toBe(0o600);
    const after = await contractCaller(app).call('setup.status');
    expect(after).toMatchObject({ mode: 'live', hasKeys: true, vault: { store: 'owner-only-file' } });
    const audit = await readFile(join(dataDir, AUDIT_FILE_NAME), 'utf8');
    expect(audit).toContain('keys.store_chosen');
    expect(audit).not.toContain(DEMO_CREDENTIALS.secretKey);
  });

  it('with this session only chosen, asks for the keys again after a restart, as it said', async () => {
    let app = await startTerminal();
    const counter = contractCaller(app);
    await counter.call('setup.chooseKeyStore', { store: 'session' });
    expect(await counter.call('setup.saveConnection', connection())).toMatchObject({
      hasKeys: true,
      vault: { store: 'session', choice: 'session' },
    });
    app = await restart(app);
    const after = await contractCaller(app).call('setup.status');
    expect(after).toMatchObject({ hasKeys: false, vault: { store: 'session', choice: 'session' } });
    expect(after.vault.message).toMatch(/typed again after KS Pay POS restarts/);
  });

  it('a damaged key file: the terminal asks for the keys again, and Save sets the damaged file aside', async () => {
    let app = await startTerminal();
    await contractCaller(app).call('setup.chooseKeyStore', { store: 'owner-only-file' });
    await contractCaller(app).call('setup.saveConnection', connection());
    await app.close();
    await writeFile(join(dataDir, 'keys.json'), '{"version":1,"entries":', { mode: 0o600 });

    app = await startTerminal();
    const counter = contractCaller(app);
    expect(await counter.call('setup.status')).toMatchObject({
      mode: 'live',
      hasKeys: false,
      vault: { store: 'owner-only-file' },
    });
    expect(await counter.call('setup.saveConnection', connection())).toMatchObject({ hasKeys: true });
    const aside = (await readdir(dataDir)).filter((name) => name.startsWith('keys.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dataDir, aside[0]!), 'utf8')).toBe('{"version":1,"entries":');
  });

  it('leaves the choice to the manager once a PIN exists, and refuses a store it does not offer', async () => {
    const app = await startTerminal();
    const counter = contractCaller(app);
    expect(await counter.failure('setup.chooseKeyStore', { store: 'plain-text' })).toMatchObject({
      code: 'invalid',
    });
    await counter.call('setup.saveConnection', connection());
    await counter.call('setup.setPin', { pin: '2468', confirm: '2468' });
    const refused = await counter.failure('setup.chooseKeyStore', { store: 'owner-only-file' });
    expect(refused.message).toMatch(/Enter the manager PIN/);
    await counter.call('staff.unlock', { pin: '2468' });
    const chosen = await counter.call('setup.chooseKeyStore', { store: 'owner-only-file' });
    // The keys typed this session went with the choice.
    expect(chosen).toMatchObject({ hasKeys: true, vault: { store: 'owner-only-file' } });
  });
});
