// The journal's one error type: a code programs switch on and a message a person can act on.

import { CodedError } from '../../shared/coded-error.ts';

export type JournalErrorCode = 'write_failed' | 'invalid_record' | 'closed';

export class JournalError extends CodedError<JournalErrorCode> {
  override readonly name = 'JournalError';
}
