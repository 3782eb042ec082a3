// The renderer's way to the terminal: `installPosApi()` makes `window.pos` for Electron or browser mode.
export { installPosApi } from './install.ts';
