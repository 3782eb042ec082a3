// The machine policy through the whole composition: a broken policy stops every call but the status (no
// payment can start), a fixed one lets the terminal work at once, and locked settings are refused by the
// same dispatch both shells use.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/domain.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';

let dir: string;
let policyPath: string;
let app: PosApp;
let statuses: AppStatus[];
const sandboxes: Sandbox[] = [];
const PAGE = { transport: 'http' as const, session: 'page' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-policy-'));
  policyPath = join(dir, 'policy.json');
  statuses = [];
});
afterEach(async () => {
  await app.close();
  await closeSandboxes(sandboxes);
  rmSync(dir, { recursive: true, force: true });
});

async function start(policy: unknown): Promise<void> {
  writeFileSync(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy));
  app = createPosApp({
    ...testAppOptions(join(dir, 'data'), sandboxes),
    policy: { path: policyPath, hostname: 'till-2' },
  });
  app.hub.connect((name, payload) => {
    if (name === 'status.changed') statuses.push(payload as AppStatus);
  });
  await app.start();
}

function changed(): Promise<AppStatus> {
  const seen = statuses.length;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const next = statuses[seen];
      if (next) {
        clearInterval(timer);
        resolve(next);
      }
    }, 20);
  });
}

describe('a terminal under a policy', () => {
  it('with a broken policy answers only its status, listing the problems in file order, and takes no payment', async () => {
    await start({ referencePrefix: 'pos', accessKey: 'AK_123' });
    const status = await app.dispatch('setup.status', undefined, PAGE);
    expect(status.ok && (status.value as AppStatus).policy.problems.map((p) => p.field)).toEqual([
      'referencePrefix',
      'accessKey',
    ]);
    for (const name of ['setup.startDemo', 'sales.start', 'settings.get', 'staff.unlock'] as const) {
      const refused = await app.dispatch(name, undefined, PAGE);
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'policy_invalid',
          message: expect.stringContaining('takes no payments until your IT team fixes it'),
        },
      });
    }
  });

  it('starts working as soon as the policy is fixed, and shows its locks', async () => {
    await start('{ not json');
    const next = changed();
    writeFileSync(
      policyPath,
      JSON.stringify({ terminalName: 'Till {hostname}', receiptFooter: 'Chain Ltd' }),
    );
    const status = await next;
    expect(status.policy).toMatchObject({ problems: [], locked: ['receiptFooter', 'terminalName'] });
    expect(status.settings).toMatchObject({ terminalName: 'Till till-2', receiptFooter: 'Chain Ltd' });
    const demo = await app.dispatch('setup.startDemo', undefined, PAGE);
    expect(demo.ok).toBe(true);
  });

  it("refuses a manager's change to a locked setting with the reason", async () => {
    await start({ receiptFooter: 'Chain Ltd' });
    await app.dispatch('setup.startDemo', undefined, PAGE);
    await app.dispatch('setup.setPin', { pin: '2468', confirm: '2468' }, PAGE);
    await app.dispatch('staff.unlock', { pin: '2468' }, PAGE);
    const refused = await app.dispatch('settings.update', { receiptFooter: 'Mine' }, PAGE);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'set_by_policy',
        message: expect.stringMatching(/^Receipt footer is set by your organisation/),
      },
    });
    const allowed = await app.dispatch('settings.update', { receiptHeader: 'Mine' }, PAGE);
    expect(allowed).toMatchObject({ ok: true, value: { receiptHeader: 'Mine', receiptFooter: 'Chain Ltd' } });
  });
});
