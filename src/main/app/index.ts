// The composition's public face: createPosApp for both shells.
export { createPosApp, type PosApp, type PosAppOptions, type PosPlatform } from './pos-app.ts';
export type { ShellActions } from './handlers.ts';
export { PosAppError } from './app-error.ts';
export { updateSettings } from './settings-update.ts';
