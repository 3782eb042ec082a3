// The cashier's window: the renderer from app:// (or the dev server), sandboxed and isolated, with
// only the preload's named methods; it may not navigate anywhere or open windows.
import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** app://pos/index.html in production, the dev server's address in development. */
  url: string;
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** What the preload reads from process.argv (the contract's names: preloadArguments()). */
  preloadArguments: string[];
  /** DevTools: development builds only (devToolsAllowed). */
  devTools: boolean;
}

export function createMainWindow({
  url,
  preloadPath,
  preloadArguments,
  devTools,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'KS Pay POS',
    autoHideMenuBar: true,
    // Written out in full in each window, not shared: Electronegativity reads these literals, and a
    // spread from a shared constant makes it report every one of them as missing.
    webPreferences: {
      preload: preloadPath,
      additionalArguments: preloadArguments,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadURL(url);
  return window;
}
