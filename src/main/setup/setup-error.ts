// Setup's one error type: a code programs switch on and a message the person setting up can act on.

import { CodedError } from '../../shared/coded-error.ts';

export type SetupErrorCode =
  | 'invalid'
  | 'locked'
  | 'live_active'
  | 'not_configured'
  | 'test_failed'
  | 'keys_elsewhere'
  | 'set_by_policy';

export class SetupError extends CodedError<SetupErrorCode> {
  override readonly name = 'SetupError';
}
