// Scripts that run inside the Chromium page (kept as source text: the bench's TypeScript has no DOM types).
// Each is an async function of one JSON argument; times come from the page's own performance.now().

/** `(${source})(${JSON.stringify(arg)})`, for page.evaluate. */
export function call(source: string, arg: unknown): string {
  return `(${source})(${JSON.stringify(arg)})`;
}

/**
 * Sets the search box as typing does (the native value setter + an input event, which React listens to)
 * and times each change until the live count's text changes. Changes that leave the count as it was are
 * counted, not timed.
 */
export const TYPE_UNTIL_COUNT = `async ({ input, count, queries, timeoutMs }) => {
  const field = document.querySelector(input);
  const counter = document.querySelector(count);
  if (!field || !counter) throw new Error('search box or count not found: ' + input + ', ' + count);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const samples = [];
  let slowest = { query: '', ms: 0 };
  let unchanged = 0;
  for (const query of queries) {
    const before = counter.textContent;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (counter.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(counter, { childList: true, characterData: true, subtree: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, timeoutMs);
    });
    const start = performance.now();
    setValue.call(field, query);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await changed;
    if (end === null) unchanged += 1;
    else {
      samples.push(end - start);
      if (end - start > slowest.ms) slowest = { query, ms: end - start };
    }
    // Let the frame finish, as a typist's next key comes later anyway.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  }
  return { samples, unchanged, slowest };
}`;

/** requestAnimationFrame intervals: first with the table still (the floor), then scrolling it `step` px a frame. */
export const SCROLL_FRAMES = `async ({ scroller, frames, step }) => {
  const element = document.querySelector(scroller);
  if (!element) throw new Error('scroll container not found: ' + scroller);
  const run = (move) => new Promise((resolve) => {
    const deltas = [];
    let last;
    const tick = (time) => {
      if (last !== undefined) deltas.push(time - last);
      last = time;
      if (move) element.scrollTop += step;
      if (deltas.length < frames) requestAnimationFrame(tick); else resolve(deltas);
    };
    requestAnimationFrame(tick);
  });
  element.scrollTop = 0;
  const idle = await run(false);
  const scrolling = await run(true);
  return { idle, scrolling, scrolledTo: element.scrollTop, scrollHeight: element.scrollHeight, rowsInDom: element.querySelectorAll('tbody tr').length };
}`;

/** Page-load milestones (ms since navigation start): the page and its scripts received, DOMContentLoaded, the last bridge call. */
export const LOAD_MILESTONES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const calls = performance.getEntriesByType('resource').filter((r) => r.name.includes('/pos/call/') && r.responseEnd <= globalThis.__chargeAt);
  const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && r.responseEnd <= globalThis.__chargeAt);
  return {
    html: nav ? nav.responseEnd : -1,
    scripts: scripts.reduce((end, r) => Math.max(end, r.responseEnd), -1),
    dcl: nav ? nav.domContentLoadedEventEnd : -1,
    lastCall: calls.reduce((end, r) => Math.max(end, r.responseEnd), -1),
  };
})()`;

/** Added before any page script: notes when a button whose text starts with "Charge" first exists. */
export const WATCH_FOR_CHARGE = `(() => {
  const found = () => [...document.querySelectorAll('button')].some((b) => (b.textContent || '').trim().startsWith('Charge'));
  const observer = new MutationObserver(() => {
    if (globalThis.__chargeAt === undefined && found()) { globalThis.__chargeAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/**
 * Sales through the cashier UI, in the page: Escape, amount keys and Enter on the keyboard, wait for the
 * paying screen, ask the bench to pay (`__benchPay`, exposed by Playwright), wait for the verified result,
 * press New sale. Stops after `count` sales, after `budgetMs`, or at the first step that times out (with what
 * the screen said), whichever comes first.
 */
export const SALE_LOOP = `async ({ count, keys, timeoutMs, budgetMs }) => {
  const deadline = performance.now() + budgetMs;
  const button = (pattern) => [...document.querySelectorAll('button')].find((b) => new RegExp(pattern).test((b.textContent || '').trim()));
  const waitFor = (what, test) => new Promise((resolve, reject) => {
    if (test()) return resolve();
    const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); clearTimeout(timer); resolve(); } });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      const screen = (document.body.innerText || '').replace(/\\s+/g, ' ').slice(0, 240);
      reject(new Error('timed out after ' + timeoutMs + ' ms waiting for ' + what + '; the screen said: ' + screen));
    }, timeoutMs);
  });
  const press = (key) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  const times = [];
  try {
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const start = performance.now();
    await waitFor('the Charge button', () => button('^Charge'));
    press('Escape');
    // A cashier picks a payment method when none is chosen yet (the first sale; later ones keep it).
    if (!document.querySelector('.methods__grid button[aria-pressed="true"]')) {
      await waitFor('a payment method', () => document.querySelector('.methods__grid button'));
      document.querySelector('.methods__grid button').click();
    }
    for (const key of keys) press(key);
    await waitFor('Charge to be enabled', () => { const b = button('^Charge'); return b && !b.disabled; });
    press('Enter');
    await waitFor('the paying screen', () => button('^Cancel sale$'));
    // The sale on the counter names its reference, so the bench looks up that one record, not every one.
    const onCounter = await window.pos.sales.current();
    await globalThis.__benchPay(onCounter ? onCounter.reference : null);
    await waitFor('the verified result', () => button('^New sale$'));
    button('^New sale$').click();
    await waitFor('the sale screen again', () => button('^Charge'));
    times.push(performance.now() - start);
  }
  } catch (error) {
    // The sales so far still count: the heap is read after them, and the error says why the loop stopped,
    // with what main says of the sale on screen (so a screen that missed an update shows as such).
    let main = '';
    try {
      const current = await window.pos.sales.current();
      main = current ? '; main says the sale is ' + current.status + ' (updated ' + current.updatedAt + ')' : '; main has no current sale';
    } catch (failure) {
      main = '; asking main failed: ' + String(failure && failure.message || failure);
    }
    return { times, error: String(error && error.message || error) + main + ' (asked at ' + new Date().toISOString() + ')' };
  }
  return { times, error: null };
}`;
