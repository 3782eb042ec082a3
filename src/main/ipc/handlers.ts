// The shape every contract handler must have: one per call in `calls`, typed from its schemas,
// so a call added to the contract without a handler is a compile error in the composition.
import type { z } from 'zod';
import type { CallName, CallOutput, calls } from '../../shared/contract.ts';
import type { Role } from '../../shared/domain.ts';
import type { SessionId } from '../deps.ts';

export type Transport = 'ipc' | 'http';

/** What a handler knows about who called: the transport, the session, and its role at the moment of the call. */
export interface CallContext {
  transport: Transport;
  session: SessionId;
  role: Role;
}

/** The validated input of a call (zod defaults applied). */
export type HandlerInput<N extends CallName> = z.infer<(typeof calls)[N]['input']>;

export type Handler<N extends CallName> = (
  input: HandlerInput<N>,
  ctx: CallContext,
) => Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };
