// Setup's one error type: a code programs switch on and a message the person setting up can act on.

export type SetupErrorCode =
  | 'invalid'
  | 'locked'
  | 'live_active'
  | 'not_configured'
  | 'test_failed'
  | 'keys_elsewhere'
  | 'set_by_policy';

export class SetupError extends Error {
  readonly code: SetupErrorCode;
  constructor(code: SetupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
    this.code = code;
  }
}
