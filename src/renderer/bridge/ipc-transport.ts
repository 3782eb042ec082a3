// Electron's transport: the preload's `window.posIpc` named methods, wrapped as a PosTransport.
import type { PosIpcBridge } from '../../shared/ipc-channels.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import type { CallResult } from '../../shared/contract.ts';
import { messages } from '../lib/messages.ts';

export function createIpcTransport(bridge: PosIpcBridge): PosTransport {
  const groups = bridge as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<CallResult<unknown>>>
  >;
  return {
    invoke(name, input) {
      const [ns, method] = name.split('.') as [string, string];
      const call = groups[ns]?.[method];
      if (!call) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'unknown_call',
            message: messages.bridge.outOfStep,
          },
        });
      }
      return call(input);
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  };
}
