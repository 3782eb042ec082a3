// The checkout window's items of the checklist: each sale's checkout gets a session of its own (an in-memory
// partition from checkoutPartition), and a checkout window is destroyed, never left open or stacked.
import ts from 'typescript';
import {
  handlerText,
  listeners,
  methodCalls,
  nodes,
  propertyName,
  where,
  type ChecklistResult,
  type Parsed,
} from './checklist-source.ts';

/** `partition` values in the shell: each must come from checkoutPartition(...), directly or through a const. */
function partitionValue(parsed: Parsed, property: ts.ObjectLiteralElementLike): ts.Expression | null {
  if (ts.isShorthandPropertyAssignment(property)) {
    const declaration = nodes(parsed, ts.isVariableDeclaration).find(
      (candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === property.name.text,
    );
    return declaration?.initializer ?? null;
  }
  if (ts.isPropertyAssignment(property)) {
    const value = property.initializer;
    if (ts.isIdentifier(value)) {
      const declaration = nodes(parsed, ts.isVariableDeclaration).find(
        (candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === value.text,
      );
      return declaration?.initializer ?? null;
    }
    return value;
  }
  return null;
}

function isPerSalePartition(value: ts.Expression | null): boolean {
  return (
    value !== null &&
    ts.isCallExpression(value) &&
    ts.isIdentifier(value.expression) &&
    value.expression.text === 'checkoutPartition'
  );
}

export function checkCheckoutSessions(main: Parsed[]): ChecklistResult[] {
  const fresh: string[] = [];
  const downloads: string[] = [];
  const origin: string[] = [];
  let perSale = 0;
  for (const parsed of main) {
    const preferences = nodes(parsed, ts.isObjectLiteralExpression).filter(
      (object) =>
        ts.isPropertyAssignment(object.parent) && propertyName(object.parent.name) === 'webPreferences',
    );
    const isPartition = (property: ts.ObjectLiteralElementLike): boolean =>
      property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'partition';
    const partitions = preferences.flatMap((object) => object.properties.filter(isPartition));
    if (partitions.length === 0) continue;
    // A file that opens pages in a session of their own does so for every view it makes.
    for (const object of preferences) {
      if (!object.properties.some(isPartition))
        fresh.push(
          `${where(parsed, object)}: this view has no partition, so it shares the app's session; give it the window's per-sale partition`,
        );
    }
    for (const property of partitions) {
      if (isPerSalePartition(partitionValue(parsed, property))) perSale += 1;
      else
        fresh.push(
          `${where(parsed, property)}: the partition must be made per sale by checkoutPartition(saleId, nonce), not a fixed or shared name`,
        );
    }
    // The bar is its own view above the page (two WebContentsViews), and the title names the origin too.
    const views = nodes(parsed, ts.isNewExpression).filter(
      (expression) =>
        ts.isIdentifier(expression.expression) && expression.expression.text === 'WebContentsView',
    ).length;
    if (
      views < 2 ||
      methodCalls(parsed, 'setTitle').length === 0 ||
      !/\bcheckoutBar\(/.test(parsed.file.text)
    ) {
      origin.push(
        `${parsed.file.path} shows a checkout page without its origin in the title (setTitle) and in a bar of its own (a second WebContentsView loaded from checkoutBar)`,
      );
    }
    const clears = listeners(parsed, 'closed').some((listener) =>
      (handlerText(parsed, listener.arguments[1]) ?? '').includes('clearStorageData'),
    );
    if (!clears)
      fresh.push(
        `${parsed.file.path} gives a window its own session but does not clear it (session.clearStorageData) when the window closes`,
      );
    const refusals = listeners(parsed, 'will-download');
    if (refusals.length === 0)
      downloads.push(
        `${parsed.file.path} opens web pages in their own session without a 'will-download' listener: a page could save files on the terminal`,
      );
    for (const listener of refusals) {
      const text = handlerText(parsed, listener.arguments[1]);
      if (text === null || !text.includes('preventDefault') || text.includes('setSavePath'))
        downloads.push(
          `${where(parsed, listener)}: the will-download handler must call event.preventDefault() and never save the file`,
        );
    }
  }
  for (const parsed of main) {
    if (/['"`]persist:/.test(parsed.file.text))
      fresh.push(`${parsed.file.path} uses a persist: partition, which keeps a session on disk`);
  }
  if (perSale === 0)
    fresh.push(
      'no window has a per-sale session (webPreferences.partition from checkoutPartition): the checkout would share a session',
    );
  return [
    {
      id: 'checkout-session-per-sale',
      title: 'each checkout window has a fresh in-memory session, cleared when it closes',
      problems: fresh,
    },
    {
      id: 'downloads-refused',
      title: "pages in their own session cannot download files ('will-download' refused)",
      problems: downloads,
    },
    {
      id: 'checkout-origin-shown',
      title: 'the checkout window shows the page origin in its title and in a bar the page cannot draw over',
      problems: origin,
    },
  ];
}

// A checkout page can refuse close() with 'beforeunload'. Once the return is captured the window is destroyed,
// a cashier's close overrules the page ('will-prevent-unload' prevented), and a new checkout replaces the old
// one through the checkout slot (which destroys it) instead of stacking a second window.
export function checkCheckoutDestroyed(main: Parsed[]): ChecklistResult {
  const problems: string[] = [];
  for (const parsed of main) {
    if (!/\bcheckoutPartition\(/.test(parsed.file.text)) continue;
    if (methodCalls(parsed, 'destroy').length === 0)
      problems.push(
        `${parsed.file.path}: the checkout window is never destroyed (win.destroy()) once its return is captured; a page's beforeunload can keep a closed one open`,
      );
    const overruled = listeners(parsed, 'will-prevent-unload').some((listener) =>
      (handlerText(parsed, listener.arguments[1]) ?? '').includes('preventDefault'),
    );
    if (!overruled)
      problems.push(
        `${parsed.file.path}: no 'will-prevent-unload' listener calling event.preventDefault(), so a page can refuse to let the cashier close it`,
      );
  }
  for (const parsed of main) {
    for (const call of nodes(parsed, ts.isCallExpression)) {
      if (!(ts.isIdentifier(call.expression) && call.expression.text === 'openCheckoutWindow')) continue;
      let inside: ts.Node | undefined = call.parent;
      let slotted = false;
      while (inside && !slotted) {
        slotted =
          ts.isCallExpression(inside) &&
          ts.isPropertyAccessExpression(inside.expression) &&
          inside.expression.name.text === 'replace';
        inside = inside.parent;
      }
      if (!slotted)
        problems.push(
          `${where(parsed, call)}: open the checkout window through the checkout slot (checkout.replace(() => openCheckoutWindow(...))), so a second one never stacks`,
        );
    }
  }
  return {
    id: 'checkout-destroyed',
    title: 'the checkout window is destroyed once done, cannot refuse to close, and never stacks',
    problems,
  };
}
