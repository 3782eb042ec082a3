// Settings through the policy: what it sets wins over what is stored, a change naming a locked setting is
// refused with the reason, the idle lock stays within the bounds, and the connection must match the policy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/domain.ts';
import { createAuditLog } from '../audit/index.ts';
import { silentLogger, systemClock } from '../deps.ts';
import { updateSettings } from '../app/index.ts';
import { createSettingsStore } from '../settings/index.ts';
import { createPolicySettings, PolicyError, type PolicySettings } from './policy-settings.ts';
import { createPolicySource, type PolicySource } from './policy-source.ts';

let dir: string;
let policyPath: string;
let source: PolicySource;
let settings: PolicySettings;

function writePolicy(policy: unknown): void {
  writeFileSync(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy));
  source.reload();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-settings-'));
  mkdirSync(join(dir, 'policy'));
  policyPath = join(dir, 'policy', 'policy.json');
  source = createPolicySource({ path: policyPath, hostname: 'till-7', log: silentLogger, watch: false });
  settings = createPolicySettings(createSettingsStore({ cwd: join(dir, 'data'), log: silentLogger }), source);
});
afterEach(() => {
  source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('effective settings', () => {
  it('with no policy, are the stored settings and nothing is locked', () => {
    settings.update({ terminalName: 'Stored' });
    expect(settings.get().terminalName).toBe('Stored');
    expect(settings.policyStatus()).toEqual({ path: policyPath, locked: [], problems: [] });
  });

  it('take what the policy sets over what is stored, and the stored value returns when the policy lets go', () => {
    settings.update({ terminalName: 'Stored', receiptFooter: 'Stored footer' });
    writePolicy({ terminalName: 'Till {hostname}', printer: { kind: 'escpos', host: '10.1.1.1' } });
    expect(settings.get()).toMatchObject({
      terminalName: 'Till till-7',
      receiptFooter: 'Stored footer',
      printer: { kind: 'escpos', host: '10.1.1.1', port: 9100 },
    });
    expect(settings.policyStatus().locked).toEqual(['printer', 'terminalName']);
    writePolicy({});
    expect(settings.get().terminalName).toBe('Stored');
  });

  it('keep the stored idle lock within the bounds', () => {
    settings.update({ idleLockMinutes: 60 });
    writePolicy({ idleLockBounds: { min: 1, max: 15 } });
    expect(settings.get().idleLockMinutes).toBe(15);
    expect(settings.policyStatus()).toMatchObject({ locked: [], idleLockBounds: { min: 1, max: 15 } });
  });

  it('tell listeners when the policy changes what they read, not when it changes nothing they read', () => {
    const seen: Array<[string, string]> = [];
    settings.onChange((next, previous) => seen.push([next.receiptHeader, previous.receiptHeader]));
    writePolicy({ receiptHeader: 'Chain Ltd' });
    writePolicy({ receiptHeader: 'Chain Ltd', $schema: 'x' });
    settings.update({ terminalName: 'Changed' });
    writePolicy({});
    expect(seen).toEqual([
      ['Chain Ltd', 'KS Pay POS'],
      ['Chain Ltd', 'Chain Ltd'],
      ['KS Pay POS', 'Chain Ltd'],
    ]);
  });

  it('report an invalid policy as problems, locking nothing', () => {
    writePolicy({ referencePrefix: 'pos' });
    expect(settings.policyStatus()).toMatchObject({ locked: [], problems: [{ field: 'referencePrefix' }] });
  });
});

describe('a settings change', () => {
  it('naming a locked setting is refused with the reason, and nothing is saved', async () => {
    writePolicy({ receiptFooter: 'Set by IT', idleLockMinutes: 10 });
    const audit = createAuditLog({ dir, clock: systemClock });
    const attempt = updateSettings(
      { settings, audit },
      { receiptFooter: 'Mine', terminalName: 'Also mine' },
      'manager',
    );
    await expect(attempt).rejects.toThrow(PolicyError);
    await expect(attempt).rejects.toMatchObject({
      code: 'set_by_policy',
      field: 'receiptFooter',
      message: expect.stringMatching(
        /Receipt footer is set by your organisation \(policy file .*policy\.json\).*Ask your IT team/,
      ),
    });
    expect(settings.get()).toMatchObject({ receiptFooter: 'Set by IT', terminalName: 'Counter 1' });
    expect(() => settings.update({ idleLockMinutes: 10 })).toThrow(
      /Idle lock \(minutes\) is set by your organisation/,
    );
    expect(await audit.list()).toEqual([]);
  });

  it('of settings the policy leaves alone goes through and keeps the locked values', () => {
    writePolicy({ receiptFooter: 'Set by IT' });
    const after: Settings = settings.update({ terminalName: 'Front' });
    expect(after).toMatchObject({ terminalName: 'Front', receiptFooter: 'Set by IT' });
  });

  it('to an idle lock outside the bounds is refused; inside them it is saved', () => {
    writePolicy({ idleLockBounds: { min: 2, max: 30 } });
    expect(() => settings.update({ idleLockMinutes: 0 })).toThrow(
      /must be from 2 to 30: your organisation's policy/,
    );
    expect(() => settings.update({ idleLockMinutes: 31 })).toThrow(PolicyError);
    expect(settings.update({ idleLockMinutes: 20 }).idleLockMinutes).toBe(20);
  });

  it('is refused while the policy is invalid', () => {
    writePolicy('{');
    expect(() => settings.update({ terminalName: 'x' })).toThrow(
      /policy file .* has problems, so it takes no payments/,
    );
  });
});

describe('the connection', () => {
  const connection = {
    environment: 'custom' as const,
    customBaseUrl: 'http://127.0.0.1:4010',
    appId: 'app_1',
  };

  it('must be where the policy points, App ID included', () => {
    writePolicy({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010/', appId: 'app_1' });
    expect(() => settings.checkConnection(connection)).not.toThrow();
    expect(() => settings.checkConnection({ ...connection, appId: 'app_2' })).toThrow(
      /App ID is set by your organisation/,
    );
    expect(() => settings.checkConnection({ ...connection, customBaseUrl: 'http://127.0.0.1:9999' })).toThrow(
      /API base URL is set by your organisation/,
    );
    expect(() => settings.checkConnection({ ...connection, environment: 'live' })).toThrow(
      /Environment is set by/,
    );
    expect(() => settings.setConnection({ ...connection, appId: 'app_2' })).toThrow(PolicyError);
    expect(settings.setConnection(connection)).toMatchObject({ appId: 'app_1', environment: 'custom' });
  });

  it('is free where the policy sets none of it', () => {
    writePolicy({ receiptFooter: 'x' });
    expect(() => settings.checkConnection({ environment: 'live', appId: 'any' })).not.toThrow();
  });
});
