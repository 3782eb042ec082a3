// The sale engine's one error type: a code programs switch on and a message a cashier can act on.

import { CodedError } from '../../shared/coded-error.ts';

export type SalesErrorCode = 'not_found' | 'busy' | 'invalid' | 'not_saved' | 'not_finished';

export class SalesError extends CodedError<SalesErrorCode> {
  override readonly name = 'SalesError';
}
