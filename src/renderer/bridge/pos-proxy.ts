// `window.pos` without the contract's schemas: `pos.<group>.<method>(input)` invokes '<group>.<method>'
// on the transport and rejects with a PosError, exactly as shared/pos-api.ts's buildPosApi does, but
// without its list of names. That list lives beside every zod schema of the contract (~90 KB of the
// bundle, parsed and run before the cashier's first screen); a name outside the contract is refused by
// TypeScript first, then by main or the browser-mode server ('unknown_call').
import type { CallName, EventName } from '../../shared/contract.ts';
import type { PosApi, PosTransport } from '../../shared/pos-api.ts';
import { PosError } from '../../shared/pos-error.ts';

type Method = (input?: unknown) => Promise<unknown>;

/** Keys that must not look like groups: a `then` would make `await pos` treat window.pos as a promise. */
const NOT_GROUPS = new Set(['then', 'toJSON', 'constructor']);

export function buildPosProxy(transport: PosTransport): PosApi {
  const groups = new Map<string, Record<string, Method>>();

  function call(name: CallName): Method {
    return async (input?: unknown) => {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new PosError(result.error.code, result.error.message);
      return result.value;
    };
  }

  function group(ns: string): Record<string, Method> {
    let found = groups.get(ns);
    if (!found) {
      // Each method is made once, so `pos.sales.start === pos.sales.start` (tests can spy on it).
      const methods = new Map<string, Method>();
      found = new Proxy({} as Record<string, Method>, {
        get(target, method) {
          if (typeof method !== 'string' || NOT_GROUPS.has(method)) return Reflect.get(target, method);
          let fn = methods.get(method);
          if (!fn) methods.set(method, (fn = call(`${ns}.${method}` as CallName)));
          return fn;
        },
      });
      groups.set(ns, found);
    }
    return found;
  }

  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) =>
    transport.subscribe(event, listener);

  return new Proxy({} as PosApi, {
    get(target, key) {
      if (key === 'on') return on;
      if (typeof key !== 'string' || NOT_GROUPS.has(key)) return Reflect.get(target, key);
      return group(key);
    },
  });
}
