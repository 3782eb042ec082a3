// Auto-update: what the build fixed (feed, keys), whether an update can be checked on this platform, the
// Linux metadata signature and the policy (plain Node), and a controller that drives electron-updater by
// them; src/main/index.ts passes it electron-updater's autoUpdater and the build's baked-in values.
export { readUpdateBuild, httpsFeed } from './update-build.ts';
export type { RawUpdateBuild, UpdateBuild } from './update-build.ts';
export { updateAvailability, updateVerification } from './update-verification.ts';
export type { UpdateCheckMethod, UpdateVerification } from './update-verification.ts';
export { mayInstallDownloadedUpdate, shouldCheckForUpdates } from './update-policy.ts';
export type { UpdateSettings } from './update-policy.ts';
export {
  isMetadataSignedBy,
  publicKeyForBuild,
  signUpdateMetadata,
  SIGNATURE_SUFFIX,
} from './metadata-signature.ts';
export { UpdateError } from './update-error.ts';
export type { UpdateErrorCode } from './update-error.ts';
export { createUpdateController } from './update-controller.ts';
export type { AutoUpdaterLike, UpdateController, UpdateControllerOptions } from './update-controller.ts';
export { checkWhenUpdatesTurnOn, updatesTurnedOn } from './update-switch.ts';
