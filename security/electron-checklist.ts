// Reads the Electron shell's source (main, windows, preload, renderer HTML) and checks each item of
// Electron's security checklist statically, so a regression fails CI before anyone packages it.
import ts from 'typescript';
import { checkCheckoutDestroyed, checkCheckoutSessions } from './checklist-checkout.ts';
import { checkCsp } from './checklist-csp.ts';
import {
  handlerText,
  listeners,
  methodCalls,
  nodes,
  parse,
  propertyName,
  where,
  type ChecklistResult,
  type Parsed,
  type SourceFile,
} from './checklist-source.ts';
import { checkWebPreferences } from './checklist-web-preferences.ts';

export { cspProblems, parseCsp } from './checklist-csp.ts';
export type { ChecklistResult, SourceFile } from './checklist-source.ts';

export interface ShellSources {
  /** src/main/index.ts and src/main/windows/*.ts. */
  main: SourceFile[];
  /** src/preload/*.ts. */
  preload: SourceFile[];
  /** src/renderer/index.html, or null when missing. */
  rendererHtml: SourceFile | null;
  /** Every other source file under src/ (renderer, main services, sandbox, browser), for "never anywhere" rules. */
  everythingElse: SourceFile[];
}

// Whether a guard registered on 'web-contents-created' covers every window, or each window file has its own.
function coverage(
  main: Parsed[],
  present: (parsed: Parsed, scope: string) => boolean,
  what: string,
): string[] {
  for (const parsed of main) {
    for (const listener of listeners(parsed, 'web-contents-created')) {
      if (present(parsed, handlerText(parsed, listener.arguments[1]) ?? '')) return [];
    }
  }
  return main
    .filter(
      (parsed) =>
        /new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/.test(parsed.file.text) &&
        !present(parsed, parsed.file.text),
    )
    .map(
      (parsed) =>
        `${parsed.file.path} creates a window but does not ${what} (nor does an app 'web-contents-created' listener)`,
    );
}

function checkWindowOpen(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  let calls = 0;
  for (const parsed of main) {
    for (const call of methodCalls(parsed, 'setWindowOpenHandler')) {
      calls += 1;
      const text = handlerText(parsed, call.arguments[0]);
      if (text === null)
        problems.push(`${where(parsed, call)}: the window-open handler must be a function in this file`);
      else if (!/['"]deny['"]/.test(text) || /['"]allow['"]/.test(text))
        problems.push(
          `${where(parsed, call)}: the window-open handler must answer { action: 'deny' } and never 'allow'`,
        );
    }
  }
  if (calls === 0) problems.push('no setWindowOpenHandler in the shell: popups would open new windows');
  problems.push(
    ...coverage(main, (_parsed, scope) => scope.includes('setWindowOpenHandler'), 'deny window.open'),
  );
  return { id: 'window-open-denied', title: 'setWindowOpenHandler denies every popup', problems };
}

function checkNavigation(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  let guards = 0;
  for (const parsed of main) {
    for (const listener of listeners(parsed, 'will-navigate')) {
      guards += 1;
      const text = handlerText(parsed, listener.arguments[1]);
      if (text === null || !text.includes('preventDefault'))
        problems.push(
          `${where(parsed, listener)}: the will-navigate handler must call event.preventDefault() for anything it does not allow`,
        );
    }
  }
  if (guards === 0)
    problems.push("no 'will-navigate' listener in the shell: a page could navigate the window anywhere");
  problems.push(
    ...coverage(main, (_parsed, scope) => scope.includes('will-navigate'), "guard 'will-navigate'"),
  );
  return { id: 'navigation-guarded', title: "'will-navigate' is guarded on every window", problems };
}

function checkPermissions(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const method of ['setPermissionRequestHandler', 'setPermissionCheckHandler']) {
    const calls = main.flatMap((parsed) => methodCalls(parsed, method).map((call) => ({ parsed, call })));
    if (calls.length === 0)
      problems.push(`no session.${method} in the shell: Electron grants permissions by default`);
    for (const { parsed, call } of calls) {
      const text = handlerText(parsed, call.arguments[0]);
      if (text === null)
        problems.push(`${where(parsed, call)}: the ${method} handler must be a function in this file`);
      else if (!/\bfalse\b/.test(text) || /\btrue\b/.test(text))
        problems.push(
          `${where(parsed, call)}: the ${method} handler must deny everything (false) and never grant (true)`,
        );
    }
  }
  return {
    id: 'permissions-denied',
    title: 'permission request and check handlers deny everything',
    problems,
  };
}

function checkOpenExternal(main: Parsed[], preload: Parsed[], others: SourceFile[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    if (!/\bopenExternal\s*\(/.test(parsed.file.text)) continue;
    const text = parsed.file.text;
    if (!text.includes("'https:'") && !text.includes('"https:"'))
      problems.push(
        `${parsed.file.path} calls shell.openExternal without checking the URL's protocol is https:`,
      );
    if (!/allow/i.test(text))
      problems.push(`${parsed.file.path} calls shell.openExternal without an allow-list of hosts`);
    if (
      /['"](file|javascript|data|smb):['"]/.test(text) &&
      /openExternal\([^)]*\b(file|javascript|data|smb):/.test(text)
    )
      problems.push(`${parsed.file.path} opens a non-http(s) URL externally`);
  }
  for (const file of [...preload.map((parsed) => parsed.file), ...others]) {
    if (/\bopenExternal\s*\(/.test(file.text))
      problems.push(`${file.path} calls openExternal: only the main process may, through its allow-list`);
  }
  return {
    id: 'open-external-allow-listed',
    title: 'shell.openExternal only for allow-listed http(s) URLs',
    problems,
  };
}

function checkAppProtocol(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  const all = main.map((parsed) => parsed.file.text).join('\n');
  if (!/registerSchemesAsPrivileged\s*\(/.test(all) || !/scheme:\s*['"]app['"]/.test(all))
    problems.push("the 'app' scheme is not registered with protocol.registerSchemesAsPrivileged");
  if (!/protocol\.handle\s*\(\s*['"]app['"]/.test(all) && !/\.handle\s*\(\s*['"]app['"]/.test(all))
    problems.push("no protocol.handle('app', ...) serving the renderer");
  if (!/app:\/\//.test(all)) problems.push('the renderer is never loaded from an app:// URL');
  for (const parsed of main) {
    for (const call of methodCalls(parsed, 'loadFile'))
      problems.push(
        `${where(parsed, call)}: loadFile serves the renderer over file://; load app://pos/... instead`,
      );
    if (/['"`]file:\/\//.test(parsed.file.text)) problems.push(`${parsed.file.path} uses a file:// URL`);
  }
  return { id: 'app-protocol', title: 'the renderer is served from app://, never file://', problems };
}

function checkIpc(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    for (const method of ['handle', 'handleOnce', 'on', 'once']) {
      for (const call of methodCalls(parsed, method)) {
        if (
          ts.isPropertyAccessExpression(call.expression) &&
          call.expression.expression.getText(parsed.ast) === 'ipcMain'
        ) {
          problems.push(
            `${where(parsed, call)}: ipcMain.${method} directly; register through registerIpc/registerEventChannel (src/main/ipc), which check the sender of every message`,
          );
        }
      }
    }
  }
  const all = main.map((parsed) => parsed.file.text).join('\n');
  if (!/\bregisterIpc\s*\(/.test(all))
    problems.push('registerIpc(...) is never called: the contract is not served over IPC with sender checks');
  if (!/\bisTrustedSender\b/.test(all))
    problems.push('isTrustedSender is never used to build the sender check');
  return { id: 'ipc-sender-checked', title: 'every IPC handler checks its sender frame', problems };
}

function checkPreload(preload: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  const exposures = preload.flatMap((parsed) =>
    methodCalls(parsed, 'exposeInMainWorld').map((call) => ({ parsed, call })),
  );
  if (exposures.length !== 1)
    problems.push(
      `the preload must expose exactly one object with contextBridge.exposeInMainWorld (found ${exposures.length})`,
    );
  for (const { parsed, call } of exposures) {
    const value = call.arguments[1];
    if (!value) continue;
    // Passing ipcRenderer to a builder that wraps it is fine; putting the object itself on the page is not.
    const exposesItself = (node: ts.Node): boolean =>
      (ts.isIdentifier(node) && node.text === 'ipcRenderer') ||
      (ts.isObjectLiteralExpression(node) &&
        node.properties.some(
          (property) =>
            (ts.isShorthandPropertyAssignment(property) && property.name.text === 'ipcRenderer') ||
            (ts.isPropertyAssignment(property) && exposesItself(property.initializer)) ||
            (ts.isSpreadAssignment(property) && exposesItself(property.expression)),
        ));
    if (exposesItself(value))
      problems.push(`${where(parsed, call)}: ipcRenderer itself is exposed to the page`);
  }
  for (const parsed of preload) {
    if (/@electron\/remote|require\(\s*['"]electron['"]\s*\)\.remote/.test(parsed.file.text))
      problems.push(`${parsed.file.path} uses the remote module`);
    if (/\bwebFrame\.executeJavaScript|\bnode:|from\s+['"](fs|child_process|path)['"]/.test(parsed.file.text))
      problems.push(`${parsed.file.path} gives the page Node or script injection powers`);
  }
  return {
    id: 'preload-minimal',
    title: 'the preload exposes named contract methods only, never ipcRenderer',
    problems,
  };
}

function checkNeverAnywhere(all: SourceFile[]): ChecklistResult[] {
  const webview: string[] = [];
  const remote: string[] = [];
  const fork: string[] = [];
  for (const file of all) {
    if (/<webview\b/i.test(file.text) || /webviewTag\s*:\s*true/.test(file.text))
      webview.push(`${file.path} uses <webview>`);
    if (/@electron\/remote|enableRemoteModule\s*:\s*true/.test(file.text))
      remote.push(`${file.path} uses the remote module`);
    if (file.path.startsWith('src/main/') && /\bfork\s*\(/.test(file.text) && /child_process/.test(file.text))
      fork.push(
        `${file.path} uses child_process.fork, which needs RunAsNode (fused off): use utilityProcess`,
      );
  }
  return [
    { id: 'no-webview', title: 'no <webview> anywhere', problems: webview },
    { id: 'no-remote-module', title: 'no remote module', problems: remote },
    {
      id: 'no-fork',
      title: 'no child_process.fork in main (RunAsNode fuse is off; utilityProcess instead)',
      problems: fork,
    },
  ];
}

const DANGEROUS_MENU_ROLES = new Set(['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu']);

// Electron's default menu keeps Reload (Ctrl/Cmd+R) and Toggle Developer Tools (Ctrl+Shift+I) working even
// with the menu bar hidden: the shell must replace it, no template anywhere may bring those roles back,
// and DevTools must be off in every packaged window.
function checkMenuAndDevTools(main: Parsed[], all: SourceFile[]): ChecklistResult[] {
  const menu: string[] = [];
  const devTools: string[] = [];
  if (!main.some((parsed) => methodCalls(parsed, 'setApplicationMenu').length > 0)) {
    menu.push(
      "no Menu.setApplicationMenu(...) in the shell: Electron's default menu (Reload, Toggle Developer Tools) stays installed",
    );
  }
  for (const file of [...main.map((parsed) => parsed.file), ...all]) {
    if (!/\.tsx?$/.test(file.path)) continue;
    const parsed = parse(file);
    for (const property of nodes(parsed, ts.isPropertyAssignment)) {
      if (
        propertyName(property.name) === 'role' &&
        ts.isStringLiteralLike(property.initializer) &&
        DANGEROUS_MENU_ROLES.has(property.initializer.text)
      ) {
        menu.push(
          `${where(parsed, property)}: a menu item with role '${property.initializer.text}' (reload or DevTools) must not exist`,
        );
      }
    }
    for (const call of methodCalls(parsed, 'openDevTools'))
      devTools.push(`${where(parsed, call)}: openDevTools must not be called`);
  }
  const derived = main.some((parsed) => /devToolsAllowed\(\s*app\.isPackaged\s*\)/.test(parsed.file.text));
  for (const parsed of main) {
    for (const object of nodes(parsed, ts.isObjectLiteralExpression)) {
      if (!(ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences'))
        continue;
      const property = object.properties.find(
        (candidate) => candidate.name !== undefined && propertyName(candidate.name) === 'devTools',
      );
      const at = where(parsed, object);
      if (!property)
        devTools.push(
          `${at}: devTools must be set (false, or devToolsAllowed(app.isPackaged)); left out it defaults to on`,
        );
      else if (ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.TrueKeyword)
        devTools.push(`${at}: devTools must not be literally true`);
      else if (
        !(ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.FalseKeyword) &&
        !derived
      ) {
        devTools.push(
          `${at}: devTools comes from a value, but no shell file derives it as devToolsAllowed(app.isPackaged)`,
        );
      }
    }
  }
  return [
    {
      id: 'no-default-menu',
      title: "Electron's default menu is replaced: no Reload or Toggle Developer Tools, not even by shortcut",
      problems: menu,
    },
    {
      id: 'devtools-dev-only',
      title: 'devTools only in development: off in every packaged window',
      problems: devTools,
    },
  ];
}

/** Every checklist item with its problems (an item passes when it has none). */
export function checkElectronSecurity(sources: ShellSources): ChecklistResult[] {
  const main = sources.main.map(parse);
  const preload = sources.preload.map(parse);
  const everyFile = [
    ...sources.main,
    ...sources.preload,
    ...(sources.rendererHtml ? [sources.rendererHtml] : []),
    ...sources.everythingElse,
  ];
  return [
    ...checkWebPreferences(main),
    checkWindowOpen(main),
    checkNavigation(main),
    checkPermissions(main),
    checkOpenExternal(main, preload, sources.everythingElse),
    checkCsp(sources.rendererHtml),
    checkAppProtocol(main),
    checkIpc(main),
    checkPreload(preload),
    ...checkCheckoutSessions(main),
    checkCheckoutDestroyed(main),
    ...checkMenuAndDevTools(main, sources.everythingElse),
    ...checkNeverAnywhere(everyFile),
  ];
}
