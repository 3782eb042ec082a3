// Updates run only where the build can check them: Windows with a publisher, macOS signed, Linux with the
// metadata key. Anywhere else they stay off with a reason a manager can read.
import { describe, expect, it } from 'vitest';
import type { UpdateBuild } from './update-build.ts';
import { updateAvailability, updateVerification } from './update-verification.ts';

const FEED = 'https://updates.kspay.example/pos/';
const full: UpdateBuild = {
  feedUrl: FEED,
  publicKey: 'MCowBQ==',
  windowsPublisherNames: ['Kalp Studio'],
  macSigned: true,
};
const bare: UpdateBuild = { feedUrl: FEED, publicKey: null, windowsPublisherNames: [], macSigned: false };

describe('updateVerification', () => {
  it('names the check for each platform when the build provides it', () => {
    expect(updateVerification('win32', full)).toEqual({
      verifiable: true,
      method: 'windows-publisher',
      feedUrl: FEED,
    });
    expect(updateVerification('darwin', full)).toEqual({
      verifiable: true,
      method: 'mac-code-signature',
      feedUrl: FEED,
    });
    expect(updateVerification('linux', full)).toEqual({
      verifiable: true,
      method: 'linux-signed-metadata',
      feedUrl: FEED,
    });
  });

  it('keeps updates off, with the reason, where the build cannot check an update', () => {
    const cases: Array<[NodeJS.Platform, RegExp]> = [
      ['win32', /Windows: this copy was built without a code-signing publisher/],
      ['darwin', /Mac: this copy was built without a code signature/],
      ['linux', /Linux: this copy was built without the update signing key/],
      ['freebsd', /not available on this operating system/],
    ];
    for (const [platform, reason] of cases) {
      const result = updateVerification(platform, bare);
      expect(result.verifiable, platform).toBe(false);
      if (!result.verifiable) {
        expect(result.reason).toMatch(reason);
        expect(result.reason).toContain(
          'Install new versions with the installer your administrator provides.',
        );
      }
    }
  });

  it('keeps updates off on every platform when the build named no feed', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(updateAvailability(updateVerification(platform, { ...full, feedUrl: null }))).toEqual({
        available: false,
        reason: expect.stringContaining('built without an https update address'),
      });
    }
    expect(updateAvailability(updateVerification('linux', full))).toEqual({ available: true });
  });
});
