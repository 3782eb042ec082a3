// What the checklist reads and reports, and the small TypeScript-AST helpers its checks share: parse a file,
// find calls and listeners, and the text of a handler with the same-file functions it calls.
import ts from 'typescript';

export interface SourceFile {
  /** Repository-relative path, for messages. */
  path: string;
  text: string;
}
export interface ChecklistResult {
  id: string;
  title: string;
  problems: string[];
}
export interface Parsed {
  file: SourceFile;
  ast: ts.SourceFile;
}

export function parse(file: SourceFile): Parsed {
  return {
    file,
    ast: ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
  };
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

export function nodes<T extends ts.Node>(parsed: Parsed, guard: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  walk(parsed.ast, (node) => {
    if (guard(node)) found.push(node);
  });
  return found;
}

export function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return name.text;
  return null;
}

/** `x.method(...)` calls, whatever x is. */
export function methodCalls(parsed: Parsed, method: string): ts.CallExpression[] {
  return nodes(parsed, ts.isCallExpression).filter(
    (call) => ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === method,
  );
}

/** `x.on('event', handler)` / `x.once(...)` calls for one event name. */
export function listeners(parsed: Parsed, event: string): ts.CallExpression[] {
  return [
    ...methodCalls(parsed, 'on'),
    ...methodCalls(parsed, 'once'),
    ...methodCalls(parsed, 'addListener'),
  ].filter((call) => {
    const first = call.arguments[0];
    return first !== undefined && ts.isStringLiteralLike(first) && first.text === event;
  });
}

export function where(parsed: Parsed, node: ts.Node): string {
  const { line } = parsed.ast.getLineAndCharacterOfPosition(node.getStart(parsed.ast));
  return `${parsed.file.path}:${line + 1}`;
}

// A function declared in this file by name (function declaration or const initializer).
function declarationText(parsed: Parsed, name: string): string | null {
  for (const declaration of nodes(parsed, ts.isFunctionDeclaration))
    if (declaration.name?.text === name) return declaration.getText(parsed.ast);
  for (const declaration of nodes(parsed, ts.isVariableDeclaration)) {
    if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer)
      return declaration.initializer.getText(parsed.ast);
  }
  return null;
}

// The handler passed to a call: an inline function or one declared in the same file by name, plus the
// bodies of same-file functions it calls directly (`(event, url) => guard(event, url)`).
export function handlerText(parsed: Parsed, argument: ts.Expression | undefined): string | null {
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
