// The contract's main-process side: handler types, the dispatcher, IPC registration, sender checks, events.
export type { CallContext, Handler, HandlerInput, Handlers, Transport } from './handlers.ts';
export {
  createDispatch,
  isCallName,
  type AccessGate,
  type Caller,
  type Dispatch,
  type DispatchOptions,
} from './dispatch.ts';
export { toUserError, userError, defaultMessage } from './user-error.ts';
export { describeInputError, fieldLabel } from './input-errors.ts';
export { isTrustedSender, originOf, type FrameLike } from './sender.ts';
export {
  registerIpc,
  registerEventChannel,
  preloadArguments,
  ELECTRON_RENDERER_SESSION,
  type IpcMainLike,
  type SenderLike,
  type SenderCheck,
  type SessionOfSender,
} from './register.ts';
export { createEventHub, type EventFilter, type EventHub, type EventSink } from './event-hub.ts';
export { createSessionEvents, type SessionEvents } from './session-events.ts';
export {
  displaySessionId,
  isDisplaySession,
  isDisplayEvent,
  DISPLAY_ONLY_MESSAGE,
} from './display-session.ts';
