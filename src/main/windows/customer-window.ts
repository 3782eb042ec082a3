// The customer display's window: frameless and full screen on the display chosen in Settings, showing
// its own small page (customer.html). The same security as the cashier's window: sandboxed, isolated,
// the preload's named methods only (main holds its session to the display's calls), no navigation, no
// new windows, no focus taken from the cashier.
import { BrowserWindow } from 'electron';
import type { CustomerWindowLike } from './customer-window-controller.ts';

export interface CustomerWindowOptions {
  /** app://pos/customer.html in production, the dev server's customer.html in development. */
  url: string;
  preloadPath: string;
  preloadArguments: string[];
  devTools: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

export function openCustomerWindow({
  url,
  preloadPath,
  preloadArguments,
  devTools,
  bounds,
}: CustomerWindowOptions): CustomerWindowLike {
  const window = new BrowserWindow({
    ...bounds,
    frame: false,
    fullscreen: true,
    skipTaskbar: true,
    // Nothing to type into: the cashier's window keeps the keyboard.
    focusable: false,
    show: false,
    title: 'KS Pay POS customer display',
    autoHideMenuBar: true,
    backgroundColor: '#0f141a',
    // Written out in full, as in the main window: Electronegativity reads these literals.
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.showInactive());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadURL(url);
  const webContentsId = window.webContents.id;
  return {
    webContentsId,
    moveTo(next) {
      // Full screen sticks to the display it started on: leave it, move, then fill the new one.
      window.setFullScreen(false);
      window.setBounds(next);
      window.setFullScreen(true);
    },
    close() {
      if (!window.isDestroyed()) window.destroy();
    },
    onClosed(listener) {
      window.once('closed', listener);
    },
  };
}
