// The sale engine's one error type: a code programs switch on and a message a cashier can act on.

export type SalesErrorCode = 'not_found' | 'busy' | 'invalid' | 'not_saved';

export class SalesError extends Error {
  readonly code: SalesErrorCode;

  constructor(code: SalesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SalesError';
    this.code = code;
  }
}
