// `window.pos` without the contract's schemas: `pos.<group>.<method>(input)` invokes '<group>.<method>'
// on the transport and rejects with a PosError, without a list of names (shared/call-tree.ts's lazy
// tree). That list lives beside every zod schema of the contract (~90 KB of the bundle, parsed and run
// before the cashier's first screen); a name outside the contract is refused by TypeScript first, then by
// main or the browser-mode server ('unknown_call').
import { buildCallTree } from '../../shared/call-tree.ts';
import type { PosApi, PosTransport } from '../../shared/pos-api.ts';
import { PosError } from '../../shared/pos-error.ts';

export function buildPosProxy(transport: PosTransport): PosApi {
  const tree = buildCallTree({
    async invoke(name, input) {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new PosError(result.error.code, result.error.message);
      return result.value;
    },
    subscribe: (event, listener) => transport.subscribe(event, listener),
  });
  return tree as unknown as PosApi;
}
