// What both shells serve the renderer: its Content-Security-Policy and its built files.
export { RENDERER_CSP, RENDERER_CSP_HEADER } from './renderer-csp.ts';
export { readStaticFile, type StaticFile } from './renderer-files.ts';
