// Reading the policy file and following its changes: a missing file is no policy, an unreadable one is a
// problem, and a file replaced the way installers and editors do (write beside, rename over) is read again.
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createPolicySource, readPolicyState, type PolicySource, type PolicyState } from './policy-source.ts';
import { defaultPolicyPath } from './policy-path.ts';

let dir: string;
let path: string;
const sources: PolicySource[] = [];
const context = { hostname: 'till-1' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-'));
  path = join(dir, 'KS Pay POS', 'policy.json');
});
afterEach(() => {
  for (const source of sources.splice(0)) source.close();
  rmSync(dir, { recursive: true, force: true });
});

function source(options: { debounceMs?: number; pollMs?: number } = {}): PolicySource {
  const made = createPolicySource({
    path,
    log: silentLogger,
    debounceMs: 20,
    pollMs: 50,
    ...context,
    ...options,
  });
  sources.push(made);
  return made;
}

function nextChange(from: PolicySource): Promise<PolicyState> {
  return new Promise((resolve) => {
    const stop = from.onChange((next) => {
      stop();
      resolve(next);
    });
  });
}

function writePolicy(body: unknown): void {
  mkdirSync(join(dir, 'KS Pay POS'), { recursive: true });
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
}

describe('where the policy lives', () => {
  it('is in the folder only administrators write, on each system', () => {
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\KS Pay POS\\policy.json',
    );
    expect(defaultPolicyPath('win32', {})).toBe('C:\\ProgramData\\KS Pay POS\\policy.json');
    expect(defaultPolicyPath('darwin', {})).toBe('/Library/Application Support/KS Pay POS/policy.json');
    expect(defaultPolicyPath('linux', {})).toBe('/etc/ks-pay-pos/policy.json');
  });
});

describe('reading the policy file', () => {
  it('no file, no policy: the usual case', () => {
    expect(readPolicyState(path, context)).toEqual({ kind: 'none', path });
  });

  it('a valid file sets its settings', () => {
    writePolicy({ terminalName: '{hostname}' });
    expect(readPolicyState(path, context)).toEqual({
      kind: 'valid',
      path,
      policy: { settings: { terminalName: 'till-1' } },
    });
  });

  it('a file that cannot be read is a problem, never ignored', () => {
    mkdirSync(path, { recursive: true });
    const state = readPolicyState(path, context);
    expect(state).toMatchObject({
      kind: 'invalid',
      problems: [{ field: '(file)', message: /could not be read \(EISDIR\)/ }],
    });
  });

  // Root reads any file, so the refusal can be shown only as another user.
  it.skipIf(process.getuid?.() === 0)('a file nobody may read is a problem', () => {
    writePolicy({});
    chmodSync(path, 0o000);
    expect(readPolicyState(path, context)).toMatchObject({
      kind: 'invalid',
      problems: [{ message: /EACCES/ }],
    });
  });
});

describe('following changes', () => {
  it('reads a file replaced atomically (written beside it, renamed over it)', async () => {
    writePolicy({ terminalName: 'One' });
    const policy = source();
    expect(policy.get()).toMatchObject({ kind: 'valid', policy: { settings: { terminalName: 'One' } } });
    const changed = nextChange(policy);
    const beside = join(dir, 'KS Pay POS', 'policy.json.tmp');
    writeFileSync(beside, JSON.stringify({ terminalName: 'Two' }));
    renameSync(beside, path);
    expect(await changed).toMatchObject({ kind: 'valid', policy: { settings: { terminalName: 'Two' } } });
  });

  it('a policy made invalid, then removed, is told each time', async () => {
    writePolicy({ terminalName: 'One' });
    const policy = source();
    let changed = nextChange(policy);
    writePolicy('{ broken');
    expect(await changed).toMatchObject({ kind: 'invalid', problems: [{ field: '(file)' }] });
    changed = nextChange(policy);
    rmSync(path);
    expect(await changed).toEqual({ kind: 'none', path });
  });

  it('finds a policy placed after start in a folder that did not exist', async () => {
    const policy = source();
    expect(policy.get().kind).toBe('none');
    const changed = nextChange(policy);
    writePolicy({ receiptFooter: 'Placed later' });
    expect(await changed).toMatchObject({
      kind: 'valid',
      policy: { settings: { receiptFooter: 'Placed later' } },
    });
  });

  it('several quick writes are read once they settle', async () => {
    writePolicy({ terminalName: 'A' });
    const policy = source({ debounceMs: 150 });
    const seen: string[] = [];
    policy.onChange((next) =>
      seen.push(next.kind === 'valid' ? String(next.policy.settings.terminalName) : next.kind),
    );
    for (const name of ['B', 'C', 'D']) writePolicy({ terminalName: name });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toEqual(['D']);
  });

  it('a write that leaves the policy the same tells no one', () => {
    writePolicy({ terminalName: 'Same' });
    const policy = createPolicySource({ path, log: silentLogger, watch: false, ...context });
    sources.push(policy);
    let told = 0;
    policy.onChange(() => (told += 1));
    writePolicy({ terminalName: 'Same' });
    policy.reload();
    expect(told).toBe(0);
    writePolicy({ terminalName: 'Other' });
    policy.reload();
    expect(told).toBe(1);
  });
});
