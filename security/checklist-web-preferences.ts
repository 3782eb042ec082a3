// The web-preferences item of the checklist: every window's webPreferences literal (spreads of same-file
// consts followed) keeps isolation, the sandbox and no Node, and turns on nothing the checklist forbids.
import ts from 'typescript';
import { nodes, propertyName, where, type ChecklistResult, type Parsed } from './checklist-source.ts';

const PREF_KEYS = new Set([
  'contextIsolation',
  'sandbox',
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webviewTag',
  'webSecurity',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'enableBlinkFeatures',
]);
const REQUIRED: Record<string, boolean> = { contextIsolation: true, sandbox: true, nodeIntegration: false };
const FORBIDDEN: Record<string, boolean> = {
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  webviewTag: true,
  webSecurity: false,
  allowRunningInsecureContent: true,
  experimentalFeatures: true,
};

type Literal = boolean | 'other';

// The properties of an object literal, following `...spread` of consts declared in the same file.
function literalProperties(
  parsed: Parsed,
  object: ts.ObjectLiteralExpression,
  depth = 0,
): Map<string, Literal> {
  const props = new Map<string, Literal>();
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression) && depth < 4) {
      const name = property.expression.text;
      const declaration = nodes(parsed, ts.isVariableDeclaration).find(
        (candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name,
      );
      if (declaration?.initializer && ts.isObjectLiteralExpression(declaration.initializer)) {
        for (const [key, value] of literalProperties(parsed, declaration.initializer, depth + 1))
          props.set(key, value);
      }
    } else if (ts.isPropertyAssignment(property)) {
      const key = propertyName(property.name);
      if (key === null) continue;
      const init = property.initializer;
      props.set(
        key,
        init.kind === ts.SyntaxKind.TrueKeyword
          ? true
          : init.kind === ts.SyntaxKind.FalseKeyword
            ? false
            : 'other',
      );
    } else if (ts.isShorthandPropertyAssignment(property)) {
      props.set(property.name.text, 'other');
    }
  }
  return props;
}

export function checkWebPreferences(main: Parsed[]): ChecklistResult[] {
  const isolation: string[] = [];
  const sandbox: string[] = [];
  const nodeIntegration: string[] = [];
  const dangerous: string[] = [];
  let windows = 0;
  let preferenceObjects = 0;
  for (const parsed of main) {
    const created = nodes(parsed, ts.isNewExpression).filter(
      (expression) =>
        ts.isIdentifier(expression.expression) &&
        ['BrowserWindow', 'BrowserView', 'WebContentsView'].includes(expression.expression.text),
    );
    windows += created.length;
    if (created.length > 0 && !parsed.file.text.includes('webPreferences'))
      isolation.push(`${parsed.file.path} creates a window without webPreferences`);
    for (const object of nodes(parsed, ts.isObjectLiteralExpression)) {
      const props = literalProperties(parsed, object);
      const isWebPreferences =
        ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences';
      if (!isWebPreferences && ![...props.keys()].some((key) => PREF_KEYS.has(key))) continue;
      // A literal only used as a spread base is checked where it is spread.
      if (ts.isVariableDeclaration(object.parent) && ts.isIdentifier(object.parent.name)) {
        const name = object.parent.name.text;
        const spread = nodes(parsed, ts.isSpreadAssignment).some(
          (assignment) => ts.isIdentifier(assignment.expression) && assignment.expression.text === name,
        );
        if (spread) continue;
      }
      preferenceObjects += 1;
      const at = where(parsed, object);
      if (props.get('contextIsolation') !== REQUIRED['contextIsolation'])
        isolation.push(`${at}: contextIsolation must be literally true`);
      if (props.get('sandbox') !== REQUIRED['sandbox']) sandbox.push(`${at}: sandbox must be literally true`);
      if (props.get('nodeIntegration') !== REQUIRED['nodeIntegration'])
        nodeIntegration.push(`${at}: nodeIntegration must be literally false`);
      for (const [key, bad] of Object.entries(FORBIDDEN))
        if (props.has(key) && props.get(key) !== !bad)
          dangerous.push(`${at}: ${key} must not be ${String(bad)}`);
      if (props.has('enableBlinkFeatures')) dangerous.push(`${at}: enableBlinkFeatures must not be set`);
    }
  }
  if (windows === 0)
    isolation.push('no BrowserWindow is created in src/main/index.ts or src/main/windows/*.ts');
  if (preferenceObjects === 0)
    isolation.push('no webPreferences object with security settings found in the shell');
  return [
    { id: 'context-isolation', title: 'contextIsolation: true on every window', problems: isolation },
    { id: 'sandbox', title: 'sandbox: true on every renderer', problems: sandbox },
    {
      id: 'no-node-integration',
      title: 'nodeIntegration: false (and no node in workers/subframes, webSecurity on)',
      problems: [...nodeIntegration, ...dangerous],
    },
  ];
}
