// The customer's checkout window: KS Pay's hosted page in a modal window with a session of its own for this
// sale only (in memory, cleared when the window closes), no preload, no Node, no downloads. Above the page,
// in a separate view the page cannot draw over, a bar names the origin card details go to; the title says
// it too. The redirect back to the terminal is caught before it loads, handed to the sale engine, and the
// window closes. Closing it by hand cancels nothing: the sale keeps polling and the cashier decides.
// Every decision is a pure function in src/main/checkout; this file only wires them to Electron.
import { randomUUID } from 'node:crypto';
import { BaseWindow, WebContentsView, type Event } from 'electron';
import { checkoutBar, checkoutBarUrl, checkoutLayout, checkoutNavigation, checkoutPartition } from '../checkout/index.ts';

export interface CheckoutWindowOptions {
  parent: BaseWindow;
  saleId: string;
  url: string;
  /** True for the redirect URL the sale gave KS Pay (the checkout adapter's isRedirectTo). */
  isReturnUrl(url: string): boolean;
  onReturn(url: string): void;
}

const checkoutContents = new Set<number>();

/** Whether a webContents shows a checkout page (the app-wide guard leaves its navigation to this window). */
export function isCheckoutContents(id: number): boolean {
  return checkoutContents.has(id);
}

export function openCheckoutWindow({ parent, saleId, url, isReturnUrl, onReturn }: CheckoutWindowOptions): BaseWindow | null {
  if (!checkoutNavigation(url).allowed) return null;
  // A new in-memory session for every window: nothing from the last customer, nothing kept after this one.
  const partition = checkoutPartition(saleId, randomUUID());
  const window = new BaseWindow({
    parent,
    modal: true,
    width: 520,
    height: 820,
    title: checkoutBar(url).title,
    autoHideMenuBar: true,
  });
  // Written out in full in each view, not shared: Electronegativity reads these literals, and a spread
  // from a shared constant makes it report every one of them as missing.
  const page = new WebContentsView({
    webPreferences: {
      partition,
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
  // The origin bar: a local page without script, in its own view above the provider's page.
  const bar = new WebContentsView({
    webPreferences: {
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.contentView.addChildView(page);
  window.contentView.addChildView(bar);
  const place = (): void => {
    const layout = checkoutLayout(window.getContentBounds());
    bar.setBounds(layout.bar);
    page.setBounds(layout.page);
  };
  place();
  window.on('resize', place);

  const contents = page.webContents;
  const session = contents.session;
  const id = contents.id;
  checkoutContents.add(id);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Nothing a provider's page offers is saved on the terminal.
  session.on('will-download', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  bar.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  bar.webContents.on('will-navigate', (event) => event.preventDefault());

  const showOrigin = (shown: string): void => {
    const model = checkoutBar(shown);
    window.setTitle(model.title);
    void bar.webContents.loadURL(checkoutBarUrl(model));
  };
  showOrigin(url);
  contents.on('did-navigate', (_event, shown) => showOrigin(shown));
  contents.on('did-navigate-in-page', (_event, shown, isMainFrame) => {
    if (isMainFrame) showOrigin(shown);
  });

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
    if (!checkoutNavigation(target).allowed) event.preventDefault();
  };
  contents.on('will-navigate', (event, target) => guard(event, target));
  contents.on('will-redirect', (event, target) => guard(event, target));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event, event.url);
  });

  window.on('closed', () => {
    checkoutContents.delete(id);
    contents.close();
    bar.webContents.close();
    // The session is this window's alone: empty it so nothing of this customer stays in memory either.
    void session.clearStorageData();
    void session.clearCache();
  });

  void contents.loadURL(url);
  contents.focus();
  return window;
}
