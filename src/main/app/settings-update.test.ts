// settings.update as the contract delivers it: whatever the settings were and whatever valid patch a
// manager sends, only the fields the patch names may move, and the audit entry names exactly those that did.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calls } from '../../shared/contract.ts';
import { Settings } from '../../shared/domain.ts';
import { createAuditLog } from '../audit/index.ts';
import { silentLogger, systemClock } from '../deps.ts';
import { createSettingsStore } from '../settings/index.ts';
import { updateSettings } from './settings-update.ts';

const text = (max: number) => fc.string({ minLength: 1, maxLength: max });
const currency = fc.constantFrom('INR', 'USD', 'EUR', 'JPY', 'KWD');
const printer = fc.oneof(
  fc.record({
    kind: fc.constant('system' as const),
    silent: fc.boolean(),
    paper: fc.constantFrom('58mm' as const, '80mm' as const, 'a4' as const),
  }),
  fc.record({
    kind: fc.constant('escpos' as const),
    host: fc.constantFrom('10.0.0.9', 'printer.local'),
    port: fc.integer({ min: 1, max: 65535 }),
    paper: fc.constantFrom('58mm' as const, '80mm' as const),
  }),
);
const values = {
  terminalName: text(40),
  referencePrefix: fc.stringMatching(/^[A-Z0-9]{1,6}$/),
  defaultCurrency: currency,
  defaultMethodId: fc.constantFrom('pm_upi', 'pm_card'),
  receiptHeader: fc.string({ maxLength: 200 }),
  receiptFooter: fc.string({ maxLength: 200 }),
  printer,
  idleLockMinutes: fc.integer({ min: 0, max: 240 }),
  locale: fc.constantFrom('en-IN', 'de-DE', 'ja-JP'),
  theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
  autoUpdate: fc.record({ enabled: fc.boolean() }),
};
const OPTIONAL = new Set(['defaultCurrency', 'defaultMethodId', 'locale']);

/** Any saved settings, including a live connection the patch must never move. */
const current = fc.record(
  {
    ...values,
    environment: fc.constantFrom('kspay-sandbox' as const, 'live' as const, 'custom' as const),
    appId: fc.constantFrom('app_a', 'app_b'),
  },
  { requiredKeys: ['terminalName', 'referencePrefix', 'environment', 'appId'] },
);

/** Any valid patch: some fields, each a new value or (for an optional one) null to clear it. */
const patch = fc.record(
  Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      OPTIONAL.has(name) ? fc.oneof(value, fc.constant(null)) : value,
    ]),
  ) as { [K in keyof typeof values]: fc.Arbitrary<unknown> },
  { requiredKeys: [] },
);

describe('settings.update', () => {
  it('moves only the fields the patch names, and audits exactly the fields that changed', async () => {
    await fc.assert(
      fc.asyncProperty(current, patch, async (saved, rawPatch) => {
        const dir = mkdtempSync(join(tmpdir(), 'settings-update-'));
        try {
          const customBaseUrl =
            saved.environment === 'custom' ? { customBaseUrl: 'http://127.0.0.1:4010' } : {};
          writeFileSync(
            join(dir, 'settings.json'),
            JSON.stringify({ schemaVersion: 1, ...saved, ...customBaseUrl }),
          );
          const settings = createSettingsStore({ cwd: dir, log: silentLogger });
          const before = settings.get();
          expect(settings.problems()).toEqual([]);
          const audit = createAuditLog({ dir, clock: systemClock });

          // What main receives: the patch after the contract's input schema, as dispatch parses it.
          const input = calls['settings.update'].input.parse(rawPatch);
          const after = await updateSettings({ settings, audit }, input, 'manager');

          const named = new Set(Object.keys(rawPatch));
          const expectedChanged: string[] = [];
          for (const name of Object.keys(Settings.shape) as Array<keyof Settings>) {
            const asked = (rawPatch as Record<string, unknown>)[name];
            const wanted = named.has(name) ? (asked === null ? undefined : asked) : before[name];
            expect(after[name], name).toEqual(wanted);
            if (JSON.stringify(before[name]) !== JSON.stringify(wanted)) expectedChanged.push(name);
          }
          expect(settings.get()).toEqual(after);
          const entries = (await audit.list()).map(({ action, actor, detail }) => ({
            action,
            actor,
            detail,
          }));
          expect(entries).toEqual(
            expectedChanged.length === 0
              ? []
              : [
                  {
                    action: 'settings.changed',
                    actor: 'manager',
                    detail: `Changed: ${expectedChanged.join(', ')}`,
                  },
                ],
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a patch naming the connection, before anything is saved or audited', () => {
    for (const named of [
      { environment: 'custom', customBaseUrl: 'http://127.0.0.1:9' },
      { customBaseUrl: 'http://127.0.0.1:9' },
      { appId: 'app_someone_else' },
    ]) {
      const parsed = calls['settings.update'].input.safeParse({ terminalName: 'Till', ...named });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain('Change keys');
    }
  });
});
