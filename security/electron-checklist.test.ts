// Electron's security checklist, checked on the real shell source (src/main/index.ts, src/main/windows,
// src/preload, src/renderer/index.html); the first block proves each check catches its regression.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkElectronSecurity, cspProblems } from './electron-checklist.ts';
import type { ShellSources, SourceFile } from './electron-checklist.ts';

const GOOD_MAIN = `
import { app, BrowserWindow, Menu, protocol, session, shell, ipcMain } from 'electron';
import { registerIpc, isTrustedSender } from './ipc/index.ts';
Menu.setApplicationMenu(null);
const devTools = devToolsAllowed(app.isPackaged);
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
const ALLOWED_HOSTS = new Set(['kalp.studio']);
const secure = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true };
export function openLink(url: string): void {
  const parsed = new URL(url);
  if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && ALLOWED_HOSTS.has(parsed.hostname)) void shell.openExternal(parsed.toString());
}
app.whenReady().then(() => {
  protocol.handle('app', (request) => new Response(request.url));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerIpc(ipcMain, dispatch, (frame) => isTrustedSender(frame, 'app://pos'));
  const win = new BrowserWindow({ webPreferences: { ...secure, preload: 'index.cjs', devTools } });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadURL('app://pos/index.html');
  checkout.replace(() => openCheckoutWindow('sale-1', 'https://pay.example'));
});
`;
const GOOD_CHECKOUT = `
import { randomUUID } from 'node:crypto';
import { BaseWindow, WebContentsView } from 'electron';
import { checkoutBar, checkoutBarUrl, checkoutPartition } from '../checkout/index.ts';
export function openCheckoutWindow(saleId: string, url: string): BaseWindow {
  const partition = checkoutPartition(saleId, randomUUID());
  const window = new BaseWindow({ width: 520, height: 820 });
  const page = new WebContentsView({ webPreferences: { partition, contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false } });
  const bar = new WebContentsView({ webPreferences: { partition, contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false, devTools: false } });
  window.contentView.addChildView(page);
  window.contentView.addChildView(bar);
  window.setTitle(checkoutBar(url).title);
  void bar.webContents.loadURL(checkoutBarUrl(checkoutBar(url)));
  page.webContents.session.on('will-download', (event) => event.preventDefault());
  page.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  page.webContents.on('will-navigate', (event) => event.preventDefault());
  page.webContents.on('will-prevent-unload', (event) => event.preventDefault());
  page.webContents.session.webRequest.onBeforeRequest({ urls: ['*://ks-pay-pos.invalid/*'] }, (_details, callback) => {
    callback({ cancel: true });
    window.destroy();
  });
  window.on('closed', () => {
    void page.webContents.session.clearStorageData();
  });
  void page.webContents.loadURL(url);
  return window;
}
`;
const GOOD_PRELOAD = `import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('posIpc', buildIpcBridge(ipcRenderer));\n`;
const GOOD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const GOOD_HTML = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${GOOD_CSP}" /></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`;

function fixture(
  changes: { main?: string; checkout?: string; preload?: string; html?: string; extra?: SourceFile[] } = {},
): ShellSources {
  return {
    main: [
      { path: 'src/main/index.ts', text: changes.main ?? GOOD_MAIN },
      { path: 'src/main/windows/checkout-window.ts', text: changes.checkout ?? GOOD_CHECKOUT },
    ],
    preload: [{ path: 'src/preload/index.ts', text: changes.preload ?? GOOD_PRELOAD }],
    rendererHtml: { path: 'src/renderer/index.html', text: changes.html ?? GOOD_HTML },
    everythingElse: changes.extra ?? [],
  };
}

function failing(sources: ShellSources): string[] {
  return checkElectronSecurity(sources)
    .filter((item) => item.problems.length > 0)
    .map((item) => item.id);
}

describe('the checklist checks themselves', () => {
  it('pass a shell that follows every item', () => {
    expect(checkElectronSecurity(fixture()).flatMap((item) => item.problems)).toEqual([]);
  });

  it('follow a navigation guard into the same-file function it delegates to', () => {
    const delegating = GOOD_MAIN.replace(
      '(event) => event.preventDefault()',
      '(event, url) => guard(event, url)',
    ).concat(
      '\nfunction guard(event: { preventDefault(): void }, url: string): void { if (!url.startsWith("https:")) event.preventDefault(); }',
    );
    expect(failing(fixture({ main: delegating }))).toEqual([]);
  });

  const regressions: Array<[string, () => ShellSources, string]> = [
    [
      'contextIsolation off',
      () => fixture({ main: GOOD_MAIN.replace('contextIsolation: true', 'contextIsolation: false') }),
      'context-isolation',
    ],
    ['sandbox off', () => fixture({ main: GOOD_MAIN.replace('sandbox: true', 'sandbox: false') }), 'sandbox'],
    [
      'sandbox left to the default',
      () => fixture({ main: GOOD_MAIN.replace('sandbox: true, ', '') }),
      'sandbox',
    ],
    [
      'nodeIntegration on',
      () => fixture({ main: GOOD_MAIN.replace('nodeIntegration: false', 'nodeIntegration: true') }),
      'no-node-integration',
    ],
    [
      'webSecurity off',
      () => fixture({ main: GOOD_MAIN.replace('webSecurity: true', 'webSecurity: false') }),
      'no-node-integration',
    ],
    [
      'popups allowed',
      () => fixture({ main: GOOD_MAIN.replace("action: 'deny'", "action: 'allow'") }),
      'window-open-denied',
    ],
    [
      'no window-open handler',
      () => fixture({ main: GOOD_MAIN.replace(/.*setWindowOpenHandler.*\n/, '') }),
      'window-open-denied',
    ],
    [
      'navigation not prevented',
      () => fixture({ main: GOOD_MAIN.replace('(event) => event.preventDefault()', '() => undefined') }),
      'navigation-guarded',
    ],
    [
      'permissions granted',
      () => fixture({ main: GOOD_MAIN.replace('callback(false)', 'callback(true)') }),
      'permissions-denied',
    ],
    [
      'no permission check handler',
      () => fixture({ main: GOOD_MAIN.replace(/.*setPermissionCheckHandler.*\n/, '') }),
      'permissions-denied',
    ],
    [
      'openExternal without protocol check',
      () =>
        fixture({
          main: GOOD_MAIN.replace("(parsed.protocol === 'https:' || parsed.protocol === 'http:') && ", ''),
        }),
      'open-external-allow-listed',
    ],
    [
      'openExternal in the renderer',
      () =>
        fixture({ extra: [{ path: 'src/renderer/lib/link.ts', text: 'window.shell.openExternal(url)' }] }),
      'open-external-allow-listed',
    ],
    [
      'unsafe-inline scripts',
      () => fixture({ html: GOOD_HTML.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") }),
      'csp-strict',
    ],
    [
      'remote scripts',
      () =>
        fixture({
          html: GOOD_HTML.replace("script-src 'self'", "script-src 'self' https://cdn.example.com"),
        }),
      'csp-strict',
    ],
    ['no CSP', () => fixture({ html: '<!doctype html><html><body></body></html>' }), 'csp-strict'],
    [
      'renderer from file://',
      () =>
        fixture({
          main: GOOD_MAIN.replace(
            "void win.loadURL('app://pos/index.html');",
            "void win.loadFile('out/renderer/index.html');",
          ),
        }),
      'app-protocol',
    ],
    [
      'raw ipcMain handler',
      () => fixture({ main: `${GOOD_MAIN}\nipcMain.handle('x', () => 1);` }),
      'ipc-sender-checked',
    ],
    [
      'ipcRenderer exposed',
      () =>
        fixture({
          preload:
            "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);",
        }),
      'preload-minimal',
    ],
    [
      'ipcRenderer exposed inside an object',
      () =>
        fixture({
          preload:
            "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('api', { version: 1, ipcRenderer });",
        }),
      'preload-minimal',
    ],
    [
      'navigation guard that delegates but never prevents',
      () =>
        fixture({
          main: GOOD_MAIN.replace(
            '(event) => event.preventDefault()',
            '(event, url) => check(event, url)',
          ).concat('\nfunction check(_event: unknown, url: string): void { console.log(url); }'),
        }),
      'navigation-guarded',
    ],
    [
      'webview used',
      () =>
        fixture({ extra: [{ path: 'src/renderer/screens/Pay.tsx', text: 'return <webview src={url} />;' }] }),
      'no-webview',
    ],
    [
      'one checkout partition shared by every sale',
      () =>
        fixture({ checkout: GOOD_CHECKOUT.replace('checkoutPartition(saleId, randomUUID())', "'checkout'") }),
      'checkout-session-per-sale',
    ],
    [
      'a partition kept on disk',
      () =>
        fixture({ checkout: GOOD_CHECKOUT.replace('{ partition, ', "{ partition: 'persist:checkout', ") }),
      'checkout-session-per-sale',
    ],
    [
      'checkout in the app’s own session',
      () => fixture({ checkout: GOOD_CHECKOUT.replaceAll('{ partition, ', '{ ') }),
      'checkout-session-per-sale',
    ],
    [
      'the customer’s page in the app’s own session',
      () => fixture({ checkout: GOOD_CHECKOUT.replace('{ partition, ', '{ ') }),
      'checkout-session-per-sale',
    ],
    [
      'checkout session not cleared on close',
      () => fixture({ checkout: GOOD_CHECKOUT.replace(/.*clearStorageData.*\n/, '') }),
      'checkout-session-per-sale',
    ],
    [
      'downloads saved',
      () =>
        fixture({
          checkout: GOOD_CHECKOUT.replace(
            '(event) => event.preventDefault());\n  page.webContents.setWindowOpenHandler',
            "(_event, item) => item.setSavePath('/tmp/x'));\n  page.webContents.setWindowOpenHandler",
          ),
        }),
      'downloads-refused',
    ],
    [
      'no will-download listener',
      () => fixture({ checkout: GOOD_CHECKOUT.replace(/.*will-download.*\n/, '') }),
      'downloads-refused',
    ],
    [
      'checkout without its origin bar',
      () => fixture({ checkout: GOOD_CHECKOUT.replace(/.*const bar = new WebContentsView.*\n/, '') }),
      'checkout-origin-shown',
    ],
    [
      'checkout title left to the page',
      () => fixture({ checkout: GOOD_CHECKOUT.replace(/.*setTitle.*\n/, '') }),
      'checkout-origin-shown',
    ],
    [
      'the default menu left in place',
      () => fixture({ main: GOOD_MAIN.replace('Menu.setApplicationMenu(null);', '') }),
      'no-default-menu',
    ],
    [
      'a reload item in a menu template',
      () =>
        fixture({
          extra: [
            {
              path: 'src/main/shell/menu.ts',
              text: "export const template = [{ role: 'editMenu' }, { role: 'reload' }];",
            },
          ],
        }),
      'no-default-menu',
    ],
    [
      'DevTools opened from code',
      () =>
        fixture({
          main: GOOD_MAIN.replace(
            "void win.loadURL('app://pos/index.html');",
            "win.webContents.openDevTools();\n  void win.loadURL('app://pos/index.html');",
          ),
        }),
      'devtools-dev-only',
    ],
    [
      'devTools left to the default (on)',
      () =>
        fixture({
          checkout: GOOD_CHECKOUT.replace(
            'nodeIntegration: false, devTools: false }',
            'nodeIntegration: false }',
          ),
        }),
      'devtools-dev-only',
    ],
    [
      'devTools on in a packaged window',
      () =>
        fixture({
          main: GOOD_MAIN.replace(
            "preload: 'index.cjs', devTools }",
            "preload: 'index.cjs', devTools: true }",
          ),
        }),
      'devtools-dev-only',
    ],
    [
      'devTools from a value not tied to the build',
      () =>
        fixture({ main: GOOD_MAIN.replace('devToolsAllowed(app.isPackaged)', 'process.env.DEBUG === "1"') }),
      'devtools-dev-only',
    ],
    [
      'checkout window closed, never destroyed',
      () => fixture({ checkout: GOOD_CHECKOUT.replace('window.destroy();', 'window.close();') }),
      'checkout-destroyed',
    ],
    [
      'a checkout page may refuse to unload',
      () => fixture({ checkout: GOOD_CHECKOUT.replace(/.*will-prevent-unload.*\n/, '') }),
      'checkout-destroyed',
    ],
    [
      'a second checkout stacked on the first',
      () =>
        fixture({
          main: GOOD_MAIN.replace(
            "checkout.replace(() => openCheckoutWindow('sale-1', 'https://pay.example'));",
            "openCheckoutWindow('sale-1', 'https://pay.example');",
          ),
        }),
      'checkout-destroyed',
    ],
    [
      'fork in main',
      () =>
        fixture({
          extra: [
            {
              path: 'src/main/sales/worker.ts',
              text: "import { fork } from 'node:child_process';\nfork('x.js');",
            },
          ],
        }),
      'no-fork',
    ],
  ];
  for (const [name, sources, item] of regressions) {
    it(`catch: ${name}`, () => {
      expect(failing(sources())).toContain(item);
    });
  }

  it('accept a CSP with inline styles but refuse inline or evaluated scripts', () => {
    expect(cspProblems(GOOD_CSP)).toEqual([]);
    expect(
      cspProblems("default-src 'self'; object-src 'none'; script-src 'self' 'unsafe-eval'"),
    ).toHaveLength(1);
    expect(cspProblems("default-src *; object-src 'none'").length).toBeGreaterThan(0);
  });
});

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): SourceFile => ({ path: relative(root, path), text: readFileSync(path, 'utf8') });
const tsFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name))
        .map((name) => join(dir, name))
    : [];
function allSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allSources(path);
    return /\.(ts|tsx|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the app's Electron shell", () => {
  const mainFiles = [join(root, 'src/main/index.ts'), ...tsFiles(join(root, 'src/main/windows'))].filter(
    (path) => existsSync(path),
  );
  const preloadFiles = tsFiles(join(root, 'src/preload'));
  const html = join(root, 'src/renderer/index.html');
  const shellPaths = new Set([...mainFiles, ...preloadFiles, html]);
  const sources: ShellSources = {
    main: mainFiles.map(read),
    preload: preloadFiles.map(read),
    rendererHtml: existsSync(html) ? read(html) : null,
    everythingElse: allSources(join(root, 'src'))
      .filter((path) => !shellPaths.has(path))
      .map(read),
  };

  it('exists: src/main/index.ts is the composition root', () => {
    expect(
      existsSync(join(root, 'src/main/index.ts')),
      'src/main/index.ts is missing: the Electron shell has not been written yet',
    ).toBe(true);
  });

  for (const item of checkElectronSecurity(sources)) {
    it(item.title, () => {
      expect(item.problems).toEqual([]);
    });
  }
});
