// The journal's one error type: a code programs switch on and a message a person can act on.

export type JournalErrorCode = 'write_failed' | 'invalid_record' | 'closed';

export class JournalError extends Error {
  readonly code: JournalErrorCode;

  constructor(code: JournalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalError';
    this.code = code;
  }
}
