// Builds the typed `window.pos` object from the contract over any transport (Electron IPC or
// browser-mode HTTP). Names become nested methods: 'sales.start' → pos.sales.start(input).
import { callNames, eventNames, type CallName, type CallInput, type CallOutput, type CallResult, type EventName, type EventPayload } from './contract.ts';
import { PosError } from './pos-error.ts';

type Namespace<N> = N extends `${infer NS}.${string}` ? NS : never;
type Method<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never;
type Fn<N extends CallName> = undefined extends CallInput<N>
  ? (input?: CallInput<N>) => Promise<CallOutput<N>>
  : (input: CallInput<N>) => Promise<CallOutput<N>>;

export type PosCalls = {
  [NS in Namespace<CallName>]: { [M in Method<CallName, NS>]: Fn<Extract<`${NS}.${M}`, CallName>> };
};

export interface PosEvents {
  /** Subscribes to an event main pushes; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export type PosApi = PosCalls & PosEvents;

export interface PosTransport {
  invoke(name: CallName, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

// Defined apart (no zod there) and re-exported here, so it is one class wherever it is imported from.
export { PosError };

export function buildPosApi(transport: PosTransport): PosApi {
  const api: Record<string, unknown> = {};
  for (const name of callNames) {
    const [ns, method] = name.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[method] = async (input?: unknown) => {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new PosError(result.error.code, result.error.message);
      return result.value;
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new PosError('invalid', `Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return api as unknown as PosApi;
}
