// The error every window.pos call rejects with. Its own module, free of the contract's schemas, so the
// renderer can check for it without bundling zod into the cashier's first screen.

import { CodedError } from './coded-error.ts';

/** The error every window.pos call rejects with: a code to switch on and a message to show. */
export class PosError extends CodedError<string> {
  override readonly name = 'PosError';
}
