// The composition's public face: createPosApp for both shells, and the renderer's CSP they serve.
export { createPosApp, type PosApp, type PosAppOptions, type PosPlatform } from './pos-app.ts';
export type { ShellActions } from './handlers.ts';
export { RENDERER_CSP, RENDERER_CSP_HEADER } from './renderer-csp.ts';
export { PosAppError } from './app-error.ts';
export { readStaticFile, type StaticFile } from './renderer-files.ts';
