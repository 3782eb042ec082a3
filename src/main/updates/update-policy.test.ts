// The update policy: off by default, only where the build can check an update, never during a sale.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Settings } from '../../shared/domain.ts';
import { mayInstallDownloadedUpdate, shouldCheckForUpdates } from './update-policy.ts';
import type { UpdateVerification } from './update-verification.ts';

const verifiable: UpdateVerification = {
  verifiable: true,
  method: 'linux-signed-metadata',
  feedUrl: 'https://updates.kspay.example/pos/',
};
const unverifiable: UpdateVerification = { verifiable: false, reason: 'no key' };
const on = { autoUpdate: { enabled: true } };

describe('update policy', () => {
  it('is off for a terminal with default settings', () => {
    const defaults = Settings.parse({});
    expect(defaults.autoUpdate).toEqual({ enabled: false });
    expect(
      shouldCheckForUpdates({ settings: defaults, verification: verifiable, saleInProgress: false }),
    ).toBe(false);
  });

  it('checks when a manager turned updates on, the build can check updates and no sale is running', () => {
    expect(shouldCheckForUpdates({ settings: on, verification: verifiable, saleInProgress: false })).toBe(
      true,
    );
  });

  it('never checks or installs where updates cannot be verified, even when a manager turned them on', () => {
    expect(shouldCheckForUpdates({ settings: on, verification: unverifiable, saleInProgress: false })).toBe(
      false,
    );
    expect(
      mayInstallDownloadedUpdate({
        settings: on,
        verification: unverifiable,
        saleInProgress: false,
        pendingSales: 0,
      }),
    ).toBe(false);
  });

  it('never checks or installs during a sale, whatever the settings', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.nat(5), (enabled, canVerify, pendingSales) => {
        const input = {
          settings: { autoUpdate: { enabled } },
          verification: canVerify ? verifiable : unverifiable,
          saleInProgress: true,
        };
        expect(shouldCheckForUpdates(input)).toBe(false);
        expect(mayInstallDownloadedUpdate({ ...input, pendingSales })).toBe(false);
      }),
    );
  });

  it('waits to install while any sale is not final yet', () => {
    const input = { settings: on, verification: verifiable, saleInProgress: false };
    expect(mayInstallDownloadedUpdate({ ...input, pendingSales: 1 })).toBe(false);
    expect(mayInstallDownloadedUpdate({ ...input, pendingSales: 0 })).toBe(true);
  });
});
