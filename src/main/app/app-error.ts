// Errors the composition itself raises (a sale with no payment page to open, a method not offered,
// another cashier's sale):
// a code programs switch on and a message the cashier can act on.

import { CodedError } from '../../shared/coded-error.ts';

export type PosAppErrorCode =
  'invalid' | 'not_available' | 'not_your_sale' | 'prefix_in_use' | 'kspay_unreachable';

export class PosAppError extends CodedError<PosAppErrorCode> {
  override readonly name = 'PosAppError';
}
