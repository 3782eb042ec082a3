// The desktop shell's decisions, pure: the application menu and DevTools by platform and build, the
// development data folder, the quit sequence, the start-up failure dialog, the start-up timing log. index.ts
// wires them to Electron.
export { applicationMenuTemplate, devToolsAllowed } from './application-menu.ts';
export type { MenuRoleItem } from './application-menu.ts';
export { developmentDataFolder } from './data-folder.ts';
export { createQuitSequence } from './quit-sequence.ts';
export type { QuitSequenceOptions } from './quit-sequence.ts';
export { startupFailure } from './startup-failure.ts';
export type { StartupFailure } from './startup-failure.ts';
export { createStartupTiming } from './startup-timing.ts';
