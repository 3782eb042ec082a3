// The one mapping from the contract's call names to nested methods ('sales.start' → api.sales.start),
// over any invoke/subscribe transport. Imports types only, so the sandboxed preload can bundle it.
import type { CallName, EventName } from './contract.ts';

export interface CallTreeTransport<R> {
  invoke(name: CallName, input: unknown): R;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Method<R> = (input?: unknown) => R;
type Group<R> = Record<string, Method<R>>;
export type CallTree<R> = Record<string, Group<R> | CallTreeTransport<R>['subscribe']> & {
  on: CallTreeTransport<R>['subscribe'];
};

/** Keys that must not look like groups: a `then` would make `await pos` treat the tree as a promise. */
const NOT_GROUPS = new Set(['then', 'toJSON', 'constructor']);

/**
 * `tree.<group>.<method>(input)` invokes '<group>.<method>'; `tree.on` subscribes.
 * Given the names, a plain object holding exactly those methods (what contextBridge can copy).
 * Without them, a lazy Proxy that answers any name (the renderer's bundle then carries no name list);
 * each method is made once, so `tree.sales.start === tree.sales.start` (tests can spy on it).
 */
export function buildCallTree<R>(transport: CallTreeTransport<R>, names?: readonly string[]): CallTree<R> {
  const method =
    (name: string): Method<R> =>
    (input?: unknown) =>
      transport.invoke(name as CallName, input);
  const on: CallTreeTransport<R>['subscribe'] = (event, listener) => transport.subscribe(event, listener);

  if (names) {
    const tree: Record<string, Group<R>> = {};
    for (const name of names) {
      const [ns, member] = name.split('.') as [string, string];
      (tree[ns] ??= {})[member] = method(name);
    }
    return Object.assign(tree, { on });
  }

  const groups = new Map<string, Group<R>>();
  function group(ns: string): Group<R> {
    let found = groups.get(ns);
    if (!found) {
      const methods = new Map<string, Method<R>>();
      found = new Proxy({} as Group<R>, {
        get(target, key) {
          if (typeof key !== 'string' || NOT_GROUPS.has(key)) return Reflect.get(target, key);
          let fn = methods.get(key);
          if (!fn) methods.set(key, (fn = method(`${ns}.${key}`)));
          return fn;
        },
      });
      groups.set(ns, found);
    }
    return found;
  }
  return new Proxy({} as CallTree<R>, {
    get(target, key) {
      if (key === 'on') return on;
      if (typeof key !== 'string' || NOT_GROUPS.has(key)) return Reflect.get(target, key);
      return group(key);
    },
  });
}
