// Whether this build can check an update before installing it on this platform, and if not, why in plain
// words for the Settings screen. Without a check, updates stay off whatever a manager chooses.
import type { UpdateBuild } from './update-build.ts';

export type UpdateCheckMethod = 'windows-publisher' | 'mac-code-signature' | 'linux-signed-metadata';

export type UpdateVerification =
  { verifiable: true; method: UpdateCheckMethod; feedUrl: string } | { verifiable: false; reason: string };

const INSTALL_BY_HAND = 'Install new versions with the installer your administrator provides.';

export function updateVerification(platform: NodeJS.Platform, build: UpdateBuild): UpdateVerification {
  if (build.feedUrl === null) {
    return {
      verifiable: false,
      reason: `Automatic updates are not available: this copy of KS Pay POS was built without an https update address. ${INSTALL_BY_HAND}`,
    };
  }
  const feedUrl = build.feedUrl;
  switch (platform) {
    case 'win32':
      return build.windowsPublisherNames.length > 0
        ? { verifiable: true, method: 'windows-publisher', feedUrl }
        : {
            verifiable: false,
            reason: `Automatic updates are not available on Windows: this copy was built without a code-signing publisher, so a downloaded update could not be checked. ${INSTALL_BY_HAND}`,
          };
    case 'darwin':
      return build.macSigned
        ? { verifiable: true, method: 'mac-code-signature', feedUrl }
        : {
            verifiable: false,
            reason: `Automatic updates are not available on this Mac: this copy was built without a code signature, so a downloaded update could not be checked. ${INSTALL_BY_HAND}`,
          };
    case 'linux':
      return build.publicKey !== null
        ? { verifiable: true, method: 'linux-signed-metadata', feedUrl }
        : {
            verifiable: false,
            reason: `Automatic updates are not available on Linux: this copy was built without the update signing key, so a downloaded update could not be checked. ${INSTALL_BY_HAND}`,
          };
    default:
      return {
        verifiable: false,
        reason: `Automatic updates are not available on this operating system. ${INSTALL_BY_HAND}`,
      };
  }
}

/** What the Settings screen shows: whether the on/off switch can do anything here, and if not why. */
export function updateAvailability(verification: UpdateVerification): {
  available: boolean;
  reason?: string;
} {
  return verification.verifiable ? { available: true } : { available: false, reason: verification.reason };
}
