// The error for an update the terminal refuses to install: a code a program can switch on, and a
// message that says what happened and what to do next.

import { CodedError } from '../../shared/coded-error.ts';

export type UpdateErrorCode =
  'unsigned' | 'bad_signature' | 'other_host' | 'bad_metadata' | 'wrong_publisher';

export class UpdateError extends CodedError<UpdateErrorCode> {
  override readonly name = 'UpdateError';
}
