// Browser mode's public face: its server and the terminal (app and server wired together).
export { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server.ts';
export { startBrowserTerminal, type BrowserTerminal, type BrowserTerminalOptions } from './terminal.ts';
