// The single door for every call from any transport: known name → access → input → handler →
// output, each checked; whatever happens, the caller gets a CallResult it can show.
import { calls, type CallName, type CallResult } from '../../shared/contract.ts';
import type { Role, UserError } from '../../shared/domain.ts';
import type { Logger, SessionId } from '../deps.ts';
import type { CallContext, Handlers, Transport } from './handlers.ts';
import { DISPLAY_ONLY_MESSAGE, isDisplaySession } from './display-session.ts';
import { describeInputError } from './input-errors.ts';
import { toUserError, userError } from './user-error.ts';

/** Who is at the terminal right now; the staff service and app status answer it. */
export interface AccessGate {
  /** False on first run (no keys, no Demo): only `any` calls are allowed. */
  isSetUp(): boolean;
  /** The caller's own role: the manager role belongs to the session that entered the PIN. */
  role(session: SessionId): Role;
  /** A problem that stops the terminal (an invalid machine policy): every call but the status gets it. */
  stopped?(): UserError | null;
  /**
   * Manager activity for the idle lock. Only the manager's own calls (those only a manager may make)
   * count: the cashier screen's polling must never keep a forgotten desk open.
   */
  touch?(session: SessionId): void;
}

export interface DispatchOptions {
  handlers: Handlers;
  gate: AccessGate;
  log: Logger;
  /** Replaces known secrets in text; see toUserError. */
  scrub?: (text: string) => string;
}

/** Who is calling: the transport, and the session it vouches for (see CallContext). */
export interface Caller {
  transport: Transport;
  session: SessionId;
}

export type Dispatch = (name: string, rawInput: unknown, caller: Caller) => Promise<CallResult<unknown>>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

export function createDispatch({ handlers, gate, log, scrub }: DispatchOptions): Dispatch {
  return async (name, rawInput, caller) => {
    if (!isCallName(name)) {
      log.warn('ipc: unknown call refused', { call: name.slice(0, 80), transport: caller.transport });
      return { ok: false, error: userError('unknown_call') };
    }
    const spec = calls[name];
    // A customer display's session makes its own calls and nothing else, whatever the terminal's state.
    if (isDisplaySession(caller.session) && spec.access !== 'display') {
      log.warn('ipc: a customer display call refused', { call: name, transport: caller.transport });
      return { ok: false, error: userError('display_only', DISPLAY_ONLY_MESSAGE) };
    }
    const stopped = name === 'setup.status' ? null : (gate.stopped?.() ?? null);
    if (stopped) return { ok: false, error: stopped };
    const role = gate.role(caller.session);
    if (spec.access !== 'any' && spec.access !== 'display' && !gate.isSetUp())
      return { ok: false, error: userError('not_set_up') };
    if (spec.access === 'manager' && role !== 'manager') return { ok: false, error: userError('locked') };

    const input = spec.input.safeParse(rawInput);
    if (!input.success) {
      log.info('ipc: input refused', {
        call: name,
        fields: input.error.issues.map((issue) => issue.path.join('.')),
      });
      return { ok: false, error: userError('invalid', describeInputError(input.error)) };
    }
    if (spec.access === 'manager') gate.touch?.(caller.session);

    let value: unknown;
    try {
      value = await (handlers[name] as AnyHandler)(input.data, { ...caller, role });
    } catch (error) {
      const mapped = toUserError(error, scrub);
      if (mapped.code === 'internal')
        log.error('ipc: handler failed', { call: name, error: describeThrown(error) });
      else log.warn('ipc: call ended with an error', { call: name, code: mapped.code });
      return { ok: false, error: mapped };
    }

    // The output schema strips any field it does not name, so nothing extra (a key, a token) leaves main.
    const output = spec.output.safeParse(value);
    if (!output.success) {
      log.error('ipc: handler returned a value outside the contract', {
        call: name,
        fields: output.error.issues.map((issue) => issue.path.join('.')),
      });
      return { ok: false, error: userError('internal') };
    }
    return { ok: true, value: output.data };
  };
}

function describeThrown(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { value: typeof error };
}
