// On Windows electron-updater checks a downloaded installer's Authenticode signature against the publisher
// names it reads from app-update.yml, and skips the check when that file names none. This pins the check
// to the names built into the app, and tells whether app-update.yml names a publisher at all.
import { z } from 'zod';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';

/** electron-updater's NsisUpdater.verifyUpdateCodeSignature: null when the file is signed by one of the names, else why not. */
export type VerifyCodeSignature = (publisherNames: string[], path: string) => Promise<string | null>;

export function requireBuildPublisher(
  buildPublisherNames: readonly string[],
  verify: VerifyCodeSignature,
): VerifyCodeSignature {
  return async (_namesFromDisk, path) => {
    if (buildPublisherNames.length === 0)
      return 'this copy of KS Pay POS was built without a code-signing publisher';
    return verify([...buildPublisherNames], path);
  };
}

const AppUpdateConfig = z.object({
  publisherName: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
});

/**
 * Whether the packaged app-update.yml names a publisher, so electron-updater runs the signature check at all
 * (without one it installs whatever it downloaded). Null text (no file) is false.
 */
export function appUpdateConfigNamesPublisher(text: string | null): boolean {
  if (text === null) return false;
  let raw: unknown;
  try {
    // electron-updater's own YAML reading (js-yaml), the same it applies to this file.
    raw = parseUpdateInfo(text, 'app-update.yml', new URL('file:///app-update.yml'));
  } catch {
    return false;
  }
  return AppUpdateConfig.safeParse(raw).success;
}
