// The types of `window.pos` from the contract: names become nested methods ('sales.start' →
// pos.sales.start(input)). Types only: renderer/bridge/pos-proxy.ts builds it over a transport.
import type { CallName, CallInput, CallOutput, CallResult, EventName, EventPayload } from './contract.ts';

/** 'sales.start' → 'sales'. */
export type CallNamespace<N> = N extends `${infer NS}.${string}` ? NS : never;
/** 'sales.start' in the namespace 'sales' → 'start'. */
export type CallMethod<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never;

type Fn<N extends CallName> =
  undefined extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<CallOutput<N>>
    : (input: CallInput<N>) => Promise<CallOutput<N>>;

export type PosCalls = {
  [NS in CallNamespace<CallName>]: { [M in CallMethod<CallName, NS>]: Fn<Extract<`${NS}.${M}`, CallName>> };
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
