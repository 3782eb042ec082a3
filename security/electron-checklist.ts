// Reads the Electron shell's source (main, windows, preload, renderer HTML) and checks each item of
// Electron's security checklist statically, so a regression fails CI before anyone packages it.
import ts from 'typescript';

export interface SourceFile {
  /** Repository-relative path, for messages. */
  path: string;
  text: string;
}

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

export interface ChecklistResult {
  id: string;
  title: string;
  problems: string[];
}

interface Parsed {
  file: SourceFile;
  ast: ts.SourceFile;
}

function parse(file: SourceFile): Parsed {
  return { file, ast: ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) };
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function nodes<T extends ts.Node>(parsed: Parsed, guard: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  walk(parsed.ast, (node) => {
    if (guard(node)) found.push(node);
  });
  return found;
}

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

/** `x.method(...)` calls, whatever x is. */
function methodCalls(parsed: Parsed, method: string): ts.CallExpression[] {
  return nodes(parsed, ts.isCallExpression).filter((call) => ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === method);
}

/** `x.on('event', handler)` / `x.once(...)` calls for one event name. */
function listeners(parsed: Parsed, event: string): ts.CallExpression[] {
  return [...methodCalls(parsed, 'on'), ...methodCalls(parsed, 'once'), ...methodCalls(parsed, 'addListener')].filter((call) => {
    const first = call.arguments[0];
    return first !== undefined && ts.isStringLiteralLike(first) && first.text === event;
  });
}

function where(parsed: Parsed, node: ts.Node): string {
  const { line } = parsed.ast.getLineAndCharacterOfPosition(node.getStart(parsed.ast));
  return `${parsed.file.path}:${line + 1}`;
}

// A function declared in this file by name (function declaration or const initializer).
function declarationText(parsed: Parsed, name: string): string | null {
  for (const declaration of nodes(parsed, ts.isFunctionDeclaration)) if (declaration.name?.text === name) return declaration.getText(parsed.ast);
  for (const declaration of nodes(parsed, ts.isVariableDeclaration)) {
    if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) return declaration.initializer.getText(parsed.ast);
  }
  return null;
}

// The handler passed to a call: an inline function or one declared in the same file by name, plus the
// bodies of same-file functions it calls directly (`(event, url) => guard(event, url)`).
function handlerText(parsed: Parsed, argument: ts.Expression | undefined): string | null {
  if (!argument) return null;
  let handler: ts.Node | null = null;
  let text: string | null = null;
  if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) {
    handler = argument;
    text = argument.getText(parsed.ast);
  } else if (ts.isIdentifier(argument)) {
    text = declarationText(parsed, argument.text);
  }
  if (handler === null || text === null) return text;
  const called = new Set<string>();
  walk(handler, (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) called.add(node.expression.text);
  });
  for (const name of called) text += `\n${declarationText(parsed, name) ?? ''}`;
  return text;
}

const PREF_KEYS = new Set(['contextIsolation', 'sandbox', 'nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']);
const REQUIRED: Record<string, boolean> = { contextIsolation: true, sandbox: true, nodeIntegration: false };
const FORBIDDEN: Record<string, boolean> = { nodeIntegrationInWorker: true, nodeIntegrationInSubFrames: true, webviewTag: true, webSecurity: false, allowRunningInsecureContent: true, experimentalFeatures: true };

type Literal = boolean | 'other';

// The properties of an object literal, following `...spread` of consts declared in the same file.
function literalProperties(parsed: Parsed, object: ts.ObjectLiteralExpression, depth = 0): Map<string, Literal> {
  const props = new Map<string, Literal>();
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression) && depth < 4) {
      const name = property.expression.text;
      const declaration = nodes(parsed, ts.isVariableDeclaration).find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
      if (declaration?.initializer && ts.isObjectLiteralExpression(declaration.initializer)) {
        for (const [key, value] of literalProperties(parsed, declaration.initializer, depth + 1)) props.set(key, value);
      }
    } else if (ts.isPropertyAssignment(property)) {
      const key = propertyName(property.name);
      if (key === null) continue;
      const init = property.initializer;
      props.set(key, init.kind === ts.SyntaxKind.TrueKeyword ? true : init.kind === ts.SyntaxKind.FalseKeyword ? false : 'other');
    } else if (ts.isShorthandPropertyAssignment(property)) {
      props.set(property.name.text, 'other');
    }
  }
  return props;
}

function checkWebPreferences(main: Parsed[]): ChecklistResult[] {
  const isolation: string[] = [];
  const sandbox: string[] = [];
  const nodeIntegration: string[] = [];
  const dangerous: string[] = [];
  let windows = 0;
  let preferenceObjects = 0;
  for (const parsed of main) {
    const created = nodes(parsed, ts.isNewExpression).filter((expression) => ts.isIdentifier(expression.expression) && ['BrowserWindow', 'BrowserView', 'WebContentsView'].includes(expression.expression.text));
    windows += created.length;
    if (created.length > 0 && !parsed.file.text.includes('webPreferences')) isolation.push(`${parsed.file.path} creates a window without webPreferences`);
    for (const object of nodes(parsed, ts.isObjectLiteralExpression)) {
      const props = literalProperties(parsed, object);
      const isWebPreferences = ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences';
      if (!isWebPreferences && ![...props.keys()].some((key) => PREF_KEYS.has(key))) continue;
      // A literal only used as a spread base is checked where it is spread.
      if (ts.isVariableDeclaration(object.parent) && ts.isIdentifier(object.parent.name)) {
        const name = object.parent.name.text;
        const spread = nodes(parsed, ts.isSpreadAssignment).some((assignment) => ts.isIdentifier(assignment.expression) && assignment.expression.text === name);
        if (spread) continue;
      }
      preferenceObjects += 1;
      const at = where(parsed, object);
      if (props.get('contextIsolation') !== REQUIRED['contextIsolation']) isolation.push(`${at}: contextIsolation must be literally true`);
      if (props.get('sandbox') !== REQUIRED['sandbox']) sandbox.push(`${at}: sandbox must be literally true`);
      if (props.get('nodeIntegration') !== REQUIRED['nodeIntegration']) nodeIntegration.push(`${at}: nodeIntegration must be literally false`);
      for (const [key, bad] of Object.entries(FORBIDDEN)) if (props.has(key) && props.get(key) !== !bad) dangerous.push(`${at}: ${key} must not be ${String(bad)}`);
      if (props.has('enableBlinkFeatures')) dangerous.push(`${at}: enableBlinkFeatures must not be set`);
    }
  }
  if (windows === 0) isolation.push('no BrowserWindow is created in src/main/index.ts or src/main/windows/*.ts');
  if (preferenceObjects === 0) isolation.push('no webPreferences object with security settings found in the shell');
  return [
    { id: 'context-isolation', title: 'contextIsolation: true on every window', problems: isolation },
    { id: 'sandbox', title: 'sandbox: true on every renderer', problems: sandbox },
    { id: 'no-node-integration', title: 'nodeIntegration: false (and no node in workers/subframes, webSecurity on)', problems: [...nodeIntegration, ...dangerous] },
  ];
}

// Whether a guard registered on 'web-contents-created' covers every window, or each window file has its own.
function coverage(main: Parsed[], present: (parsed: Parsed, scope: string) => boolean, what: string): string[] {
  for (const parsed of main) {
    for (const listener of listeners(parsed, 'web-contents-created')) {
      if (present(parsed, handlerText(parsed, listener.arguments[1]) ?? '')) return [];
    }
  }
  return main
    .filter((parsed) => /new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/.test(parsed.file.text) && !present(parsed, parsed.file.text))
    .map((parsed) => `${parsed.file.path} creates a window but does not ${what} (nor does an app 'web-contents-created' listener)`);
}

function checkWindowOpen(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  let calls = 0;
  for (const parsed of main) {
    for (const call of methodCalls(parsed, 'setWindowOpenHandler')) {
      calls += 1;
      const text = handlerText(parsed, call.arguments[0]);
      if (text === null) problems.push(`${where(parsed, call)}: the window-open handler must be a function in this file`);
      else if (!/['"]deny['"]/.test(text) || /['"]allow['"]/.test(text)) problems.push(`${where(parsed, call)}: the window-open handler must answer { action: 'deny' } and never 'allow'`);
    }
  }
  if (calls === 0) problems.push('no setWindowOpenHandler in the shell: popups would open new windows');
  problems.push(...coverage(main, (_parsed, scope) => scope.includes('setWindowOpenHandler'), 'deny window.open'));
  return { id: 'window-open-denied', title: 'setWindowOpenHandler denies every popup', problems };
}

function checkNavigation(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  let guards = 0;
  for (const parsed of main) {
    for (const listener of listeners(parsed, 'will-navigate')) {
      guards += 1;
      const text = handlerText(parsed, listener.arguments[1]);
      if (text === null || !text.includes('preventDefault')) problems.push(`${where(parsed, listener)}: the will-navigate handler must call event.preventDefault() for anything it does not allow`);
    }
  }
  if (guards === 0) problems.push("no 'will-navigate' listener in the shell: a page could navigate the window anywhere");
  problems.push(...coverage(main, (_parsed, scope) => scope.includes('will-navigate'), "guard 'will-navigate'"));
  return { id: 'navigation-guarded', title: "'will-navigate' is guarded on every window", problems };
}

function checkPermissions(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const method of ['setPermissionRequestHandler', 'setPermissionCheckHandler']) {
    const calls = main.flatMap((parsed) => methodCalls(parsed, method).map((call) => ({ parsed, call })));
    if (calls.length === 0) problems.push(`no session.${method} in the shell: Electron grants permissions by default`);
    for (const { parsed, call } of calls) {
      const text = handlerText(parsed, call.arguments[0]);
      if (text === null) problems.push(`${where(parsed, call)}: the ${method} handler must be a function in this file`);
      else if (!/\bfalse\b/.test(text) || /\btrue\b/.test(text)) problems.push(`${where(parsed, call)}: the ${method} handler must deny everything (false) and never grant (true)`);
    }
  }
  return { id: 'permissions-denied', title: 'permission request and check handlers deny everything', problems };
}

function checkOpenExternal(main: Parsed[], preload: Parsed[], others: SourceFile[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    if (!/\bopenExternal\s*\(/.test(parsed.file.text)) continue;
    const text = parsed.file.text;
    if (!text.includes("'https:'") && !text.includes('"https:"')) problems.push(`${parsed.file.path} calls shell.openExternal without checking the URL's protocol is https:`);
    if (!/allow/i.test(text)) problems.push(`${parsed.file.path} calls shell.openExternal without an allow-list of hosts`);
    if (/['"](file|javascript|data|smb):['"]/.test(text) && /openExternal\([^)]*\b(file|javascript|data|smb):/.test(text)) problems.push(`${parsed.file.path} opens a non-http(s) URL externally`);
  }
  for (const file of [...preload.map((parsed) => parsed.file), ...others]) {
    if (/\bopenExternal\s*\(/.test(file.text)) problems.push(`${file.path} calls openExternal: only the main process may, through its allow-list`);
  }
  return { id: 'open-external-allow-listed', title: 'shell.openExternal only for allow-listed http(s) URLs', problems };
}

/** Parses a CSP string into directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Problems with a production CSP for the renderer (empty when strict enough). */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const defaults = csp.get('default-src');
  if (!defaults) problems.push("no default-src: every resource type not listed is unrestricted; use default-src 'self' or 'none'");
  else if (!defaults.every((source) => ["'self'", "'none'"].includes(source))) problems.push(`default-src allows more than the app itself: ${defaults.join(' ')}`);
  const scripts = csp.get('script-src') ?? defaults ?? [];
  for (const source of scripts) {
    if (["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"].includes(source) || source === '*' || /^(https?|data|blob|ws|wss|file):/.test(source) || /^[a-z0-9.-]+\.[a-z]{2,}/i.test(source)) {
      problems.push(`script-src allows ${source}: only the app's own scripts may run`);
    }
  }
  for (const [name, sources] of csp) {
    if (name.startsWith('script-src-') && sources.some((source) => source.includes('unsafe'))) problems.push(`${name} allows ${sources.join(' ')}`);
  }
  const objects = csp.get('object-src') ?? defaults ?? [];
  if (objects.join(' ') !== "'none'") problems.push("object-src must be 'none' (no plugins)");
  return problems;
}

function metaCsp(html: string): string | null {
  const match = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html);
  if (!match) return null;
  const content = /content=(["'])([\s\S]*?)\1/i.exec(match[0]);
  return content?.[2] ?? null;
}

function checkCsp(rendererHtml: SourceFile | null): ChecklistResult {
  const problems: string[] = [];
  if (!rendererHtml) problems.push('src/renderer/index.html is missing');
  else {
    const policy = metaCsp(rendererHtml.text);
    if (policy === null) problems.push(`${rendererHtml.path} has no <meta http-equiv="Content-Security-Policy">`);
    else problems.push(...cspProblems(policy).map((problem) => `${rendererHtml.path}: ${problem}`));
    if (/<script[^>]*\bsrc=["']?(https?:)?\/\//i.test(rendererHtml.text)) problems.push(`${rendererHtml.path} loads a remote script`);
    if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(rendererHtml.text)) problems.push(`${rendererHtml.path} has an inline script; the CSP forbids them, move it to a module`);
  }
  return { id: 'csp-strict', title: "strict CSP in production: no 'unsafe-inline'/'unsafe-eval' scripts, no remote scripts", problems };
}

function checkAppProtocol(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  const all = main.map((parsed) => parsed.file.text).join('\n');
  if (!/registerSchemesAsPrivileged\s*\(/.test(all) || !/scheme:\s*['"]app['"]/.test(all)) problems.push("the 'app' scheme is not registered with protocol.registerSchemesAsPrivileged");
  if (!/protocol\.handle\s*\(\s*['"]app['"]/.test(all) && !/\.handle\s*\(\s*['"]app['"]/.test(all)) problems.push("no protocol.handle('app', ...) serving the renderer");
  if (!/app:\/\//.test(all)) problems.push('the renderer is never loaded from an app:// URL');
  for (const parsed of main) {
    for (const call of methodCalls(parsed, 'loadFile')) problems.push(`${where(parsed, call)}: loadFile serves the renderer over file://; load app://pos/... instead`);
    if (/['"`]file:\/\//.test(parsed.file.text)) problems.push(`${parsed.file.path} uses a file:// URL`);
  }
  return { id: 'app-protocol', title: 'the renderer is served from app://, never file://', problems };
}

function checkIpc(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    for (const method of ['handle', 'handleOnce', 'on', 'once']) {
      for (const call of methodCalls(parsed, method)) {
        if (ts.isPropertyAccessExpression(call.expression) && call.expression.expression.getText(parsed.ast) === 'ipcMain') {
          problems.push(`${where(parsed, call)}: ipcMain.${method} directly; register through registerIpc/registerEventChannel (src/main/ipc), which check the sender of every message`);
        }
      }
    }
  }
  const all = main.map((parsed) => parsed.file.text).join('\n');
  if (!/\bregisterIpc\s*\(/.test(all)) problems.push('registerIpc(...) is never called: the contract is not served over IPC with sender checks');
  if (!/\bisTrustedSender\b/.test(all)) problems.push('isTrustedSender is never used to build the sender check');
  return { id: 'ipc-sender-checked', title: 'every IPC handler checks its sender frame', problems };
}

function checkPreload(preload: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  const exposures = preload.flatMap((parsed) => methodCalls(parsed, 'exposeInMainWorld').map((call) => ({ parsed, call })));
  if (exposures.length !== 1) problems.push(`the preload must expose exactly one object with contextBridge.exposeInMainWorld (found ${exposures.length})`);
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
    if (exposesItself(value)) problems.push(`${where(parsed, call)}: ipcRenderer itself is exposed to the page`);
  }
  for (const parsed of preload) {
    if (/@electron\/remote|require\(\s*['"]electron['"]\s*\)\.remote/.test(parsed.file.text)) problems.push(`${parsed.file.path} uses the remote module`);
    if (/\bwebFrame\.executeJavaScript|\bnode:|from\s+['"](fs|child_process|path)['"]/.test(parsed.file.text)) problems.push(`${parsed.file.path} gives the page Node or script injection powers`);
  }
  return { id: 'preload-minimal', title: 'the preload exposes named contract methods only, never ipcRenderer', problems };
}

function checkNeverAnywhere(all: SourceFile[]): ChecklistResult[] {
  const webview: string[] = [];
  const remote: string[] = [];
  const fork: string[] = [];
  for (const file of all) {
    if (/<webview\b/i.test(file.text) || /webviewTag\s*:\s*true/.test(file.text)) webview.push(`${file.path} uses <webview>`);
    if (/@electron\/remote|enableRemoteModule\s*:\s*true/.test(file.text)) remote.push(`${file.path} uses the remote module`);
    if (file.path.startsWith('src/main/') && /\bfork\s*\(/.test(file.text) && /child_process/.test(file.text)) fork.push(`${file.path} uses child_process.fork, which needs RunAsNode (fused off): use utilityProcess`);
  }
  return [
    { id: 'no-webview', title: 'no <webview> anywhere', problems: webview },
    { id: 'no-remote-module', title: 'no remote module', problems: remote },
    { id: 'no-fork', title: 'no child_process.fork in main (RunAsNode fuse is off; utilityProcess instead)', problems: fork },
  ];
}

/** `partition` values in the shell: each must come from checkoutPartition(...), directly or through a const. */
function partitionValue(parsed: Parsed, property: ts.ObjectLiteralElementLike): ts.Expression | null {
  if (ts.isShorthandPropertyAssignment(property)) {
    const declaration = nodes(parsed, ts.isVariableDeclaration).find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === property.name.text);
    return declaration?.initializer ?? null;
  }
  if (ts.isPropertyAssignment(property)) {
    const value = property.initializer;
    if (ts.isIdentifier(value)) {
      const declaration = nodes(parsed, ts.isVariableDeclaration).find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === value.text);
      return declaration?.initializer ?? null;
    }
    return value;
  }
  return null;
}

function isPerSalePartition(value: ts.Expression | null): boolean {
  return value !== null && ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'checkoutPartition';
}

function checkCheckoutSessions(main: Parsed[]): ChecklistResult[] {
  const fresh: string[] = [];
  const downloads: string[] = [];
  const origin: string[] = [];
  let perSale = 0;
  for (const parsed of main) {
    const preferences = nodes(parsed, ts.isObjectLiteralExpression).filter((object) => ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences');
    const isPartition = (property: ts.ObjectLiteralElementLike): boolean => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'partition';
    const partitions = preferences.flatMap((object) => object.properties.filter(isPartition));
    if (partitions.length === 0) continue;
    // A file that opens pages in a session of their own does so for every view it makes.
    for (const object of preferences) {
      if (!object.properties.some(isPartition)) fresh.push(`${where(parsed, object)}: this view has no partition, so it shares the app's session; give it the window's per-sale partition`);
    }
    for (const property of partitions) {
      if (isPerSalePartition(partitionValue(parsed, property))) perSale += 1;
      else fresh.push(`${where(parsed, property)}: the partition must be made per sale by checkoutPartition(saleId, nonce), not a fixed or shared name`);
    }
    // The bar is its own view above the page (two WebContentsViews), and the title names the origin too.
    const views = nodes(parsed, ts.isNewExpression).filter((expression) => ts.isIdentifier(expression.expression) && expression.expression.text === 'WebContentsView').length;
    if (views < 2 || methodCalls(parsed, 'setTitle').length === 0 || !/\bcheckoutBar\(/.test(parsed.file.text)) {
      origin.push(`${parsed.file.path} shows a checkout page without its origin in the title (setTitle) and in a bar of its own (a second WebContentsView loaded from checkoutBar)`);
    }
    const clears = listeners(parsed, 'closed').some((listener) => (handlerText(parsed, listener.arguments[1]) ?? '').includes('clearStorageData'));
    if (!clears) fresh.push(`${parsed.file.path} gives a window its own session but does not clear it (session.clearStorageData) when the window closes`);
    const refusals = listeners(parsed, 'will-download');
    if (refusals.length === 0) downloads.push(`${parsed.file.path} opens web pages in their own session without a 'will-download' listener: a page could save files on the terminal`);
    for (const listener of refusals) {
      const text = handlerText(parsed, listener.arguments[1]);
      if (text === null || !text.includes('preventDefault') || text.includes('setSavePath')) downloads.push(`${where(parsed, listener)}: the will-download handler must call event.preventDefault() and never save the file`);
    }
  }
  for (const parsed of main) {
    if (/['"`]persist:/.test(parsed.file.text)) fresh.push(`${parsed.file.path} uses a persist: partition, which keeps a session on disk`);
  }
  if (perSale === 0) fresh.push('no window has a per-sale session (webPreferences.partition from checkoutPartition): the checkout would share a session');
  return [
    { id: 'checkout-session-per-sale', title: 'each checkout window has a fresh in-memory session, cleared when it closes', problems: fresh },
    { id: 'downloads-refused', title: "pages in their own session cannot download files ('will-download' refused)", problems: downloads },
    { id: 'checkout-origin-shown', title: 'the checkout window shows the page origin in its title and in a bar the page cannot draw over', problems: origin },
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
    menu.push("no Menu.setApplicationMenu(...) in the shell: Electron's default menu (Reload, Toggle Developer Tools) stays installed");
  }
  for (const file of [...main.map((parsed) => parsed.file), ...all]) {
    if (!/\.tsx?$/.test(file.path)) continue;
    const parsed = parse(file);
    for (const property of nodes(parsed, ts.isPropertyAssignment)) {
      if (propertyName(property.name) === 'role' && ts.isStringLiteralLike(property.initializer) && DANGEROUS_MENU_ROLES.has(property.initializer.text)) {
        menu.push(`${where(parsed, property)}: a menu item with role '${property.initializer.text}' (reload or DevTools) must not exist`);
      }
    }
    for (const call of methodCalls(parsed, 'openDevTools')) devTools.push(`${where(parsed, call)}: openDevTools must not be called`);
  }
  const derived = main.some((parsed) => /devToolsAllowed\(\s*app\.isPackaged\s*\)/.test(parsed.file.text));
  for (const parsed of main) {
    for (const object of nodes(parsed, ts.isObjectLiteralExpression)) {
      if (!(ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences')) continue;
      const property = object.properties.find((candidate) => candidate.name !== undefined && propertyName(candidate.name) === 'devTools');
      const at = where(parsed, object);
      if (!property) devTools.push(`${at}: devTools must be set (false, or devToolsAllowed(app.isPackaged)); left out it defaults to on`);
      else if (ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.TrueKeyword) devTools.push(`${at}: devTools must not be literally true`);
      else if (!(ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.FalseKeyword) && !derived) {
        devTools.push(`${at}: devTools comes from a value, but no shell file derives it as devToolsAllowed(app.isPackaged)`);
      }
    }
  }
  return [
    { id: 'no-default-menu', title: "Electron's default menu is replaced: no Reload or Toggle Developer Tools, not even by shortcut", problems: menu },
    { id: 'devtools-dev-only', title: 'devTools only in development: off in every packaged window', problems: devTools },
  ];
}

// A checkout page can refuse close() with 'beforeunload'. Once the return is captured the window is destroyed,
// a cashier's close overrules the page ('will-prevent-unload' prevented), and a new checkout replaces the old
// one through the checkout slot (which destroys it) instead of stacking a second window.
function checkCheckoutDestroyed(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    if (!/\bcheckoutPartition\(/.test(parsed.file.text)) continue;
    if (methodCalls(parsed, 'destroy').length === 0) problems.push(`${parsed.file.path}: the checkout window is never destroyed (win.destroy()) once its return is captured; a page's beforeunload can keep a closed one open`);
    const overruled = listeners(parsed, 'will-prevent-unload').some((listener) => (handlerText(parsed, listener.arguments[1]) ?? '').includes('preventDefault'));
    if (!overruled) problems.push(`${parsed.file.path}: no 'will-prevent-unload' listener calling event.preventDefault(), so a page can refuse to let the cashier close it`);
  }
  for (const parsed of main) {
    for (const call of nodes(parsed, ts.isCallExpression)) {
      if (!(ts.isIdentifier(call.expression) && call.expression.text === 'openCheckoutWindow')) continue;
      let inside: ts.Node | undefined = call.parent;
      let slotted = false;
      while (inside && !slotted) {
        slotted = ts.isCallExpression(inside) && ts.isPropertyAccessExpression(inside.expression) && inside.expression.name.text === 'replace';
        inside = inside.parent;
      }
      if (!slotted) problems.push(`${where(parsed, call)}: open the checkout window through the checkout slot (checkout.replace(() => openCheckoutWindow(...))), so a second one never stacks`);
    }
  }
  return { id: 'checkout-destroyed', title: 'the checkout window is destroyed once done, cannot refuse to close, and never stacks', problems };
}

/** Every checklist item with its problems (an item passes when it has none). */
export function checkElectronSecurity(sources: ShellSources): ChecklistResult[] {
  const main = sources.main.map(parse);
  const preload = sources.preload.map(parse);
  const everyFile = [...sources.main, ...sources.preload, ...(sources.rendererHtml ? [sources.rendererHtml] : []), ...sources.everythingElse];
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
