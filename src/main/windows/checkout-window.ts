// The customer's checkout window: KS Pay's hosted page in a modal window with a session of its own for this
// sale only (in memory, cleared when the window closes), no preload, no Node, no downloads. Above the page,
// in a separate view the page cannot draw over, a bar names the origin card details go to; the title says
// it too. The return to the terminal (over https or a downgraded http, as a GET or a form POST) is caught
// in the session's requests before it loads, handed to the sale engine, and the window is destroyed (a
// page's 'beforeunload' cannot keep it open). Closing it by hand cancels nothing: the sale keeps polling.
// Every decision is a pure function in src/main/checkout; this file only wires them to Electron.
import { randomUUID } from 'node:crypto';
import { BaseWindow, WebContentsView, type Event } from 'electron';
import {
  checkoutBar,
  checkoutBarUrl,
  checkoutLayout,
  checkoutNavigation,
  checkoutPartition,
  isReturnAddress,
  returnAddressFilter,
  returnUrlFromRequest,
} from '../checkout/index.ts';

export interface CheckoutWindowOptions {
  parent: BaseWindow;
  saleId: string;
  url: string;
  /** The return address the sale gave KS Pay (the checkoutReturnUrl setting). */
  returnAddress: string;
  /** The return, as the https URL the redirect parser reads (a POST's form fields in its query). */
  onReturn(url: string): void;
  /** DevTools on the customer's page: development builds only. */
  devTools: boolean;
}

const checkoutContents = new Set<number>();

/** Whether a webContents shows a checkout page (the app-wide guard leaves its navigation to this window). */
export function isCheckoutContents(id: number): boolean {
  return checkoutContents.has(id);
}

export function openCheckoutWindow({
  parent,
  saleId,
  url,
  returnAddress,
  onReturn,
  devTools,
}: CheckoutWindowOptions): BaseWindow | null {
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
      devTools,
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
      devTools: false,
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
  // Every return, whatever the scheme or method, as a request: only here is a POST's body readable.
  session.webRequest.onBeforeRequest(
    { urls: returnAddressFilter(returnAddress), types: ['mainFrame', 'subFrame'] },
    (details, callback) => {
      const body = details.uploadData
        ? Buffer.concat(details.uploadData.map((part) => part.bytes ?? Buffer.alloc(0))).toString('utf8')
        : null;
      const returnUrl = returnUrlFromRequest(
        { url: details.url, method: details.method, body },
        returnAddress,
      );
      if (returnUrl === null) return callback({});
      // The terminal's own address: never loaded, only read.
      callback({ cancel: true });
      if (!returned) {
        returned = true;
        onReturn(returnUrl);
      }
      // Destroyed, not closed: the sale has its answer, and a page's 'beforeunload' must not keep it open.
      if (!window.isDestroyed()) window.destroy();
    },
  );
  const guard = (event: Event, target: string): void => {
    // The return goes on to the request handler above, which reads it and stops it before it loads.
    if (isReturnAddress(target, returnAddress)) return;
    if (!checkoutNavigation(target).allowed) event.preventDefault();
  };
  contents.on('will-navigate', (event, target) => guard(event, target));
  contents.on('will-redirect', (event, target) => guard(event, target));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event, event.url);
  });
  // A page that asks to stay open ('beforeunload') when the cashier closes the window is overruled.
  contents.on('will-prevent-unload', (event) => event.preventDefault());

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
