// Auto-update policy (plain Node); src/main/index.ts wires it to electron-updater.
export { mayInstallDownloadedUpdate, shouldCheckForUpdates, updateFeed } from './update-policy.ts';
export type { GenericFeed, UpdateSettings } from './update-policy.ts';
