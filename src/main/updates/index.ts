// Auto-update: the policy (plain Node) and a controller that drives electron-updater by it;
// src/main/index.ts passes it electron-updater's autoUpdater.
export { mayInstallDownloadedUpdate, shouldCheckForUpdates, updateFeed } from './update-policy.ts';
export type { GenericFeed, UpdateSettings } from './update-policy.ts';
export { createUpdateController } from './update-controller.ts';
export type { AutoUpdaterLike, UpdateController, UpdateControllerOptions } from './update-controller.ts';
