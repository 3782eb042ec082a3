// `npm run browser`: the terminal's services and contract handlers behind a loopback bridge, serving
// the built renderer — for end-to-end tests and UI work where Electron cannot run. Once it serves it
// prints `KS Pay POS browser mode at http://127.0.0.1:PORT/#pair=<code>`: a one-time address that
// connects the one browser that opens it (scripts read the line up to the `/` for the plain address).
// Then `KS Pay POS customer display at http://127.0.0.1:PORT/customer#pair=<code>`, the customer display's own.
// With --opener-file, then `KS Pay POS opener file at /tmp/kspay-open-XXXXXX/open.html`: a page only this
// user can read that forwards to the one-time address, for a browser started by path (no code on its
// command line); it is deleted once a page connects and when browser mode stops.
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../main/deps.ts';
import { closeOnSignal, exitOnStartFailure, lockDataFolder } from '../node-shared/index.ts';
import { createLogger } from '../main/logging/index.ts';
import { loadKeytar } from '../main/vault/index.ts';
import { startSandbox } from '../sandbox/index.ts';
import { writeOpenerFile, type OpenerFile } from './opener-file.ts';
import { BROWSER_USAGE, BrowserArgsError, parseBrowserArgs } from './cli-args.ts';
import { startBrowserTerminal } from './terminal.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const command = parseBrowserArgs(process.argv.slice(2), join(root, 'out', 'renderer'));
  if (command.help) {
    process.stdout.write(`${BROWSER_USAGE}\n`);
    return;
  }
  const { options } = command;
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`there is no built app in ${options.rendererDir}. Run "npm run build" first.`);
  }
  // Whatever this process creates (a log archive, a diagnostics zip, a crash dump) is its owner's alone.
  process.umask(0o077);
  // Before any other file is read or written: a second process on this folder stops here.
  const lock = lockDataFolder(options.dataDir);
  process.once('exit', () => lock.release());
  const logDir = join(options.dataDir, 'logs');
  const log = createLogger({ dir: logDir, level: options.logLevel, clock: systemClock });
  const keytar = await loadKeytar();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

  let opener: OpenerFile | null = null;
  process.once('exit', () => opener?.remove());
  const { app, server, close } = await startBrowserTerminal({
    app: {
      dataDir: options.dataDir,
      logDir,
      platform: {
        keytar: keytar.keytar,
        ...(keytar.error ? { keytarError: keytar.error } : {}),
        safeStorage: null,
      },
      log,
      clock: systemClock,
      sandboxFactory: startSandbox,
      sandbox: { admin: options.sandboxAdmin, latencyMs: options.sandboxLatencyMs },
      version,
      ...(options.policyPath ? { policy: { path: options.policyPath, hostname: hostname() } } : {}),
      ...(options.listLimits ? { listLimits: options.listLimits } : {}),
    },
    server: {
      rendererDir: options.rendererDir,
      port: options.port,
      // The code it forwards to is spent: nothing is left worth keeping, or reading.
      onTerminalConnected: () => opener?.remove(),
    },
  });
  if (options.sandboxAdmin) {
    const sandbox = await app.builtInSandbox();
    process.stdout.write(`KS Pay sandbox admin at ${sandbox.url}/__admin/\n`);
  }
  const oneTimeUrl = server.oneTimeUrl();
  if (options.openerFile) opener = writeOpenerFile(oneTimeUrl);
  process.stdout.write(
    `KS Pay POS browser mode at ${oneTimeUrl}\n` +
      'Open that one-time address in the browser that will be the terminal: it connects that browser, then stops working.\n' +
      'To connect another browser, stop browser mode (Ctrl+C) and start it again for a new address.\n' +
      `KS Pay POS customer display at ${server.customerOneTimeUrl()}\n` +
      'Open that one on the screen that faces the customer (the manager desk has Open customer display for a new one).\n' +
      (opener ? `KS Pay POS opener file at ${opener.path}\n` : ''),
  );

  closeOnSignal(close);
}

main().catch((error: unknown) =>
  exitOnStartFailure(
    'KS Pay POS browser mode',
    error,
    error instanceof BrowserArgsError ? BROWSER_USAGE : null,
  ),
);
