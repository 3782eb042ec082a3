// The Electron composition root: one instance (a development run with a data folder of its own), no
// application menu, the app:// protocol serving the built renderer with its CSP, deny-by-default guards for
// every web page, the contract over IPC with sender checks, the windows, and a quit that waits for the
// services. Every service comes from createPosApp (plain Node, shared with browser mode); every shell
// decision is a pure function in ./shell or ./checkout.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  type BaseWindow,
  type BrowserWindow,
} from 'electron';
import electronUpdater from 'electron-updater';
import { lockDataFolder } from '../node-shared/index.ts';
import { startSandbox } from '../sandbox/index.ts';
import { createPosApp, PosAppError } from './app/index.ts';
import { readStaticFile, RENDERER_CSP_HEADER } from './renderer-assets/index.ts';
import { createCheckoutSlot } from './checkout/index.ts';
import { systemClock } from './deps.ts';
import {
  displaySessionId,
  ELECTRON_RENDERER_SESSION,
  isTrustedSender,
  preloadArguments,
  registerEventChannel,
  registerIpc,
  type FrameLike,
} from './ipc/index.ts';
import { createLogger } from './logging/index.ts';
import { defaultPolicyPath } from './policy/index.ts';
import {
  applicationMenuTemplate,
  createQuitSequence,
  createStartupTiming,
  developmentDataFolder,
  devToolsAllowed,
  startupFailure,
} from './shell/index.ts';
import { loadKeytar } from './vault/index.ts';
import {
  createCustomerWindowController,
  createMainWindow,
  isCheckoutContents,
  openCheckoutWindow,
  openCustomerWindow,
  type CustomerWindowController,
} from './windows/index.ts';
import {
  checkWhenUpdatesTurnOn,
  createUpdateController,
  readUpdateBuild,
  updateAvailability,
} from './updates/index.ts';

const APP_ORIGIN = 'app://pos';
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
// electron-vite dev serves the renderer itself; a packaged app only ever loads app://.
const devServer = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererUrl = devServer ?? `${APP_ORIGIN}/index.html`;
const customerUrl = devServer ? new URL('customer.html', devServer).href : `${APP_ORIGIN}/customer.html`;
/** The customer display window's session: main holds it to the display's own calls. */
const CUSTOMER_WINDOW_SESSION = displaySessionId('electron-window');
const rendererOrigin = devServer ?? APP_ORIGIN;
/** How often a packaged app looks for an update (when a manager turned updates on) and installs one between sales. */
const UPDATE_CHECK_MS = 4 * 60 * 60_000;
const UPDATE_INSTALL_TRY_MS = 10 * 60_000;
/** Longest a quit waits for the services (the journal's last fsync, the sandbox) before exiting anyway. */
const QUIT_WAIT_MS = 10_000;
const devTools = devToolsAllowed(app.isPackaged);
/** The live log file once the logger is open, for the start-up failure dialog. */
let logFile: string | null = null;

// Set before ready, so Electron never installs its default menu (Reload, Toggle Developer Tools).
const menuTemplate = applicationMenuTemplate(process.platform);
Menu.setApplicationMenu(menuTemplate ? Menu.buildFromTemplate(menuTemplate) : null);

// Crash dumps stay in this computer's crashDumps folder; nothing is uploaded. Save diagnostics lists them but
// does not copy them: a dump holds process memory, and the main process's memory holds the KS Pay keys.
crashReporter.start({ uploadToServer: false });

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

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
  // Whatever this process creates (a log archive, a diagnostics zip, a crash dump) is its owner's alone.
  process.umask(0o077);
  // Electron's single-instance lock is this app's alone: browser mode on the same folder takes this one too.
  const dataLock = lockDataFolder(app.getPath('userData'));
  process.once('exit', () => dataLock.release());
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
  logFile = join(logDir, 'main.log');
  // A bug in a background task must not take the terminal down mid-sale: log it and carry on; the
  // journal already holds every step, and the renderer shows each failed call in plain words.
  process.on('uncaughtException', (error) => log.error('main: uncaught error', { error: error.message }));
  process.on('unhandledRejection', (reason) =>
    log.error('main: unhandled rejection', {
      error: reason instanceof Error ? reason.message : String(reason),
    }),
  );
  // Node's performance.now() counts from the process start.
  const startupTiming = createStartupTiming(() => performance.now(), log);
  const keytar = await loadKeytar();
  // The feed, keys and publisher the build fixed (electron.vite.config.ts); a manager only turns updates on or off.
  const updateBuild = readUpdateBuild(__KSPAY_UPDATE_BUILD__);
  // Off by default (Settings → updates); never checks or restarts while a sale is running or pending.
  const updates = createUpdateController({
    updater: electronUpdater.autoUpdater,
    platform: process.platform,
    build: updateBuild,
    appUpdateConfig: app.isPackaged ? readTextOrNull(join(process.resourcesPath, 'app-update.yml')) : null,
    settings: () => pos.settings(),
    saleInProgress: () => pos.saleActivity().inProgress,
    pendingSales: () => pos.saleActivity().pending,
    log,
  });
  let mainWindow: BrowserWindow | null = null;
  // Made once the windows open; until then Settings lists no screens.
  let customerWindow: CustomerWindowController | null = null;
  // One checkout at a time: a page opened again destroys the one before (close() could be refused by it).
  const checkout = createCheckoutSlot<BaseWindow>();

  const pos = createPosApp({
    dataDir: app.getPath('userData'),
    logDir,
    shell: 'electron',
    platform: {
      keytar: keytar.keytar,
      ...(keytar.error ? { keytarError: keytar.error } : {}),
      safeStorage,
      checkoutReturnUrl: () => pos.settings().checkoutReturnUrl,
      openCheckout(saleId, url) {
        const parent = mainWindow;
        if (!parent) return;
        checkout.replace(saleId, () =>
          openCheckoutWindow({
            parent,
            saleId,
            url,
            returnAddress: pos.settings().checkoutReturnUrl,
            devTools,
            onReturn: (target) => {
              pos
                .handleRedirect(target)
                .catch((error: unknown) =>
                  log.warn('checkout: handling the return failed', { error: String(error) }),
                );
            },
          }),
        );
      },
      closeCheckout: (saleId) => checkout.endSale(saleId),
      displayScreens: () => customerWindow?.screens() ?? [],
      chargeInteractive: () => startupTiming.mark('charge-interactive'),
      // The window's page already says DUPLICATE on a reprint: it shows the sale with main's receiptPrintedAt.
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
    updates: app.isPackaged
      ? updateAvailability(updates.verification)
      : {
          available: false,
          reason: 'Automatic updates work only in the installed app, not in a development build.',
        },
    diagnosticsDir: app.getPath('documents'),
    crashDumpsDir: app.getPath('crashDumps'),
    policy: { path: defaultPolicyPath(process.platform, process.env), hostname: hostname() },
  });

  const trusted = (frame: FrameLike | null): boolean => isTrustedSender(frame, rendererOrigin);
  const sessionOf = (webContentsId: number | undefined): string =>
    webContentsId !== undefined && webContentsId === customerWindow?.webContentsId()
      ? CUSTOMER_WINDOW_SESSION
      : ELECTRON_RENDERER_SESSION;
  registerIpc(ipcMain, pos.dispatch, trusted, sessionOf);
  registerEventChannel(ipcMain, pos.events, trusted, sessionOf);
  await pos.start();

  if (app.isPackaged) {
    void updates.check();
    checkWhenUpdatesTurnOn(pos.onSettingsChange, () => updates.check());
    setInterval(() => void updates.check(), UPDATE_CHECK_MS).unref();
    setInterval(() => updates.installIfReady(), UPDATE_INSTALL_TRY_MS).unref();
  }

  mainWindow = createMainWindow({
    url: rendererUrl,
    preloadPath,
    preloadArguments: preloadArguments(),
    devTools,
  });
  mainWindow.once('show', () => startupTiming.mark('window-shown'));
  mainWindow.on('closed', () => (mainWindow = null));
  // On the display chosen under Settings → Customer display; it follows displays plugged in and out.
  const customer = createCustomerWindowController({
    screen,
    chosen: () => pos.settings().customerDisplay.screen,
    open: (bounds) =>
      openCustomerWindow({
        url: customerUrl,
        preloadPath,
        preloadArguments: preloadArguments(),
        devTools,
        bounds,
      }),
  });
  customerWindow = customer;
  customer.apply();
  pos.onSettingsChange(() => customer.apply());
  // The customer window alone does not keep the terminal open: closing the cashier's window closes it too.
  mainWindow.on('closed', () => customer.close());
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // A checkout page's 'beforeunload' must not hold up quitting.
  app.on('before-quit', () => checkout.end('app-quitting'));
  app.on(
    'will-quit',
    createQuitSequence({
      closeServices: async () => {
        await pos.close();
        dataLock.release();
      },
      exit: (code) => app.exit(code),
      log,
      timeoutMs: QUIT_WAIT_MS,
    }),
  );
}

// A development run keeps its own data and lock (the lock file lives in userData), so `npm run dev` beside
// an installed terminal neither quits silently nor writes into its journal.
const developmentData = developmentDataFolder(app.getPath('appData'), app.getName(), app.isPackaged);
if (developmentData) app.setPath('userData', developmentData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((error: unknown) => {
    // An installed app has no terminal: stderr alone would leave the cashier with nothing on screen.
    const shown = startupFailure(error, logFile);
    process.stderr.write(`${shown.title}: ${shown.content}\n`);
    dialog.showErrorBox(shown.title, shown.content);
    app.exit(1);
  });
}
