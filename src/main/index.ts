// The Electron composition root: one instance, the app:// protocol serving the built renderer with
// its CSP, deny-by-default guards for every web page, the contract over IPC with sender checks, and
// the windows. Every service comes from createPosApp (plain Node, shared with browser mode).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, crashReporter, ipcMain, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { startSandbox } from '../sandbox/index.ts';
import { createPosApp, PosAppError, readStaticFile, RENDERER_CSP_HEADER } from './app/index.ts';
import { isRedirectTo } from './checkout/index.ts';
import { systemClock } from './deps.ts';
import {
  isTrustedSender,
  preloadArguments,
  registerEventChannel,
  registerIpc,
  type FrameLike,
} from './ipc/index.ts';
import { createLogger } from './logging/index.ts';
import { loadKeytar } from './vault/index.ts';
import { isCheckoutContents, openCheckoutWindow } from './windows/checkout-window.ts';
import { createMainWindow } from './windows/main-window.ts';
import { createUpdateController } from './updates/index.ts';

const APP_ORIGIN = 'app://pos';
/** Never loaded: the checkout window catches it before it would (see checkout-window.ts). */
const CHECKOUT_RETURN_URL = 'https://ks-pay-pos.invalid/checkout/return';
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
// electron-vite dev serves the renderer itself; a packaged app only ever loads app://.
const devServer = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererUrl = devServer ?? `${APP_ORIGIN}/index.html`;
const rendererOrigin = devServer ?? APP_ORIGIN;
/** How often a packaged app looks for an update (when a manager turned updates on) and installs one between sales. */
const UPDATE_CHECK_MS = 4 * 60 * 60_000;
const UPDATE_INSTALL_TRY_MS = 10 * 60_000;

// Crash dumps stay in this computer's crashDumps folder for support (Save diagnostics); nothing is uploaded.
crashReporter.start({ uploadToServer: false });

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'pos') return new Response('Not found', { status: 404 });
  const file = await readStaticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-security-policy': RENDERER_CSP_HEADER,
      'x-content-type-options': 'nosniff',
    },
  });
}

async function main(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Only a checkout window may move between pages, under its own rules.
    contents.on('will-navigate', (event) => {
      if (!isCheckoutContents(contents.id)) event.preventDefault();
    });
  });

  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', serveRenderer);

  const logDir = app.getPath('logs');
  const log = createLogger({ dir: logDir, level: 'info', console: !app.isPackaged, clock: systemClock });
  // A bug in a background task must not take the terminal down mid-sale: log it and carry on; the
  // journal already holds every step, and the renderer shows each failed call in plain words.
  process.on('uncaughtException', (error) => log.error('main: uncaught error', { error: error.message }));
  process.on('unhandledRejection', (reason) =>
    log.error('main: unhandled rejection', {
      error: reason instanceof Error ? reason.message : String(reason),
    }),
  );
  const keytar = await loadKeytar();
  let mainWindow: BrowserWindow | null = null;
  let checkoutWindow: BrowserWindow | null = null;

  const pos = createPosApp({
    dataDir: app.getPath('userData'),
    logDir,
    shell: 'electron',
    platform: {
      keytar: keytar.keytar,
      ...(keytar.error ? { keytarError: keytar.error } : {}),
      safeStorage,
      checkoutReturnUrl: () => CHECKOUT_RETURN_URL,
      openCheckout(_saleId, url) {
        if (!mainWindow) return;
        // One checkout at a time: a page opened again replaces the one before.
        if (checkoutWindow && !checkoutWindow.isDestroyed()) checkoutWindow.close();
        checkoutWindow = openCheckoutWindow({
          parent: mainWindow,
          url,
          isReturnUrl: (target) => isRedirectTo(target, CHECKOUT_RETURN_URL),
          onReturn: (target) => {
            pos
              .handleRedirect(target)
              .catch((error: unknown) =>
                log.warn('checkout: handling the return failed', { error: String(error) }),
              );
          },
        });
      },
      printSystem: (_saleId, { silent }) =>
        new Promise<void>((resolve, reject) => {
          if (!mainWindow)
            return reject(
              new PosAppError(
                'not_available',
                'The receipt could not be printed because the window is closed. Open the sale again and print.',
              ),
            );
          mainWindow.webContents.print({ silent, printBackground: true }, (printed, reason) => {
            if (printed || reason === 'cancelled') resolve();
            else
              reject(
                new PosAppError(
                  'not_available',
                  `The receipt could not be printed (${reason}). Check the printer is on and set as the default, then try again.`,
                ),
              );
          });
        }),
    },
    log,
    clock: systemClock,
    sandboxFactory: startSandbox,
    version: app.getVersion(),
    diagnosticsDir: app.getPath('documents'),
  });

  const trusted = (frame: FrameLike | null): boolean => isTrustedSender(frame, rendererOrigin);
  registerIpc(ipcMain, pos.dispatch, trusted);
  registerEventChannel(ipcMain, pos.events, trusted);
  await pos.start();

  // Off by default (Settings → updates); never checks or restarts while a sale is running or pending.
  const updates = createUpdateController({
    updater: electronUpdater.autoUpdater,
    settings: () => pos.settings(),
    saleInProgress: () => pos.saleActivity().inProgress,
    pendingSales: () => pos.saleActivity().pending,
    log,
  });
  if (app.isPackaged) {
    void updates.check();
    setInterval(() => void updates.check(), UPDATE_CHECK_MS).unref();
    setInterval(() => updates.installIfReady(), UPDATE_INSTALL_TRY_MS).unref();
  }

  mainWindow = createMainWindow({ url: rendererUrl, preloadPath, preloadArguments: preloadArguments() });
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void pos.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((error: unknown) => {
    process.stderr.write(
      `KS Pay POS could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    app.exit(1);
  });
}
