// The customer's checkout window: KS Pay's hosted page in a modal window with its own session, no
// preload and no Node. It may go to http(s) pages only; the redirect back to the terminal is caught
// before it loads, handed to the sale engine, and the window closes. Closing it by hand cancels
// nothing: the sale keeps polling and the cashier decides.
import { BrowserWindow, type Event } from 'electron';

export interface CheckoutWindowOptions {
  parent: BrowserWindow;
  url: string;
  /** True for the redirect URL the sale gave KS Pay (the checkout adapter's isRedirectTo). */
  isReturnUrl(url: string): boolean;
  onReturn(url: string): void;
}

/** Every checkout window shares this session, apart from the terminal's own. */
export const CHECKOUT_PARTITION = 'checkout';

const checkoutContents = new Set<number>();

/** Whether a webContents belongs to a checkout window (the app-wide guard leaves its navigation to it). */
export function isCheckoutContents(id: number): boolean {
  return checkoutContents.has(id);
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function openCheckoutWindow({
  parent,
  url,
  isReturnUrl,
  onReturn,
}: CheckoutWindowOptions): BrowserWindow | null {
  if (!isWebUrl(url)) return null;
  const window = new BrowserWindow({
    parent,
    modal: true,
    width: 520,
    height: 780,
    title: 'KS Pay checkout',
    autoHideMenuBar: true,
    // Written out in full in each window, not shared: Electronegativity reads these literals, and a
    // spread from a shared constant makes it report every one of them as missing.
    webPreferences: {
      partition: CHECKOUT_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const { webContents } = window;
  const id = webContents.id;
  checkoutContents.add(id);
  window.on('closed', () => checkoutContents.delete(id));

  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  let returned = false;
  const guard = (event: Event, target: string): void => {
    if (isReturnUrl(target)) {
      // The terminal's own address: never loaded, only read.
      event.preventDefault();
      if (!returned) {
        returned = true;
        onReturn(target);
      }
      window.close();
      return;
    }
    if (!isWebUrl(target)) event.preventDefault();
  };
  webContents.on('will-navigate', (event, target) => guard(event, target));
  webContents.on('will-redirect', (event, target) => guard(event, target));
  webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event, event.url);
  });

  void window.loadURL(url);
  return window;
}
