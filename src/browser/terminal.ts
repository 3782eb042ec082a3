// Browser mode's terminal: the POS app and the HTTP server that serves it, wired to each other (calls,
// events, the checkout's return) and started, the server first so the app can hand out its addresses.
import { createPosApp, type PosApp, type PosAppOptions, type PosPlatform } from '../main/app/index.ts';
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server.ts';

export interface BrowserTerminalOptions {
  /** The app's options; the shell, and the platform's checkout and display addresses, come from the server. */
  app: Omit<PosAppOptions, 'shell' | 'platform'> & {
    platform: Omit<PosPlatform, 'openCheckout' | 'checkoutReturnUrl' | 'customerDisplayAddress'>;
  };
  server: Pick<BrowserServerOptions, 'rendererDir' | 'port' | 'onTerminalConnected'>;
}

export interface BrowserTerminal {
  app: PosApp;
  server: BrowserServer;
  /** Stops serving, then closes the app. */
  close(): Promise<void>;
}

export async function startBrowserTerminal(options: BrowserTerminalOptions): Promise<BrowserTerminal> {
  let server: BrowserServer | null = null;
  const listening = (): BrowserServer => {
    if (!server) throw new Error('browser mode is not listening yet');
    return server;
  };
  const app = createPosApp({
    ...options.app,
    shell: 'browser',
    platform: {
      ...options.app.platform,
      // The page opens the hosted checkout itself (a browser may only open a window for the page).
      openCheckout: () => undefined,
      checkoutReturnUrl: () => listening().checkoutReturnUrl,
      customerDisplayAddress: () => listening().customerOneTimeUrl(),
    },
  });
  server = await startBrowserServer({
    ...options.server,
    dispatch: app.dispatch,
    events: app.events,
    onCheckoutReturn: (url) => app.handleRedirect(url),
    isOwnCheckoutReturn: (url) => app.ownsCheckoutReturn(url),
    log: options.app.log,
  });
  await app.start();
  const started = server;
  return {
    app,
    server: started,
    close: async () => {
      await started.close();
      await app.close();
    },
  };
}
