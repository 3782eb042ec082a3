// The reports service's one error class: a `code` a program can switch on, a message a manager can act on.

import { CodedError } from '../../shared/coded-error.ts';

export type ReportsErrorCode = 'day_unresolved' | 'day_closed' | 'invalid' | 'not_found' | 'chain_broken';

export class ReportsError extends CodedError<ReportsErrorCode> {
  override readonly name = 'ReportsError';
  /** For `day_unresolved` over sales with no final outcome: how many (absent over unreviewed reversals). */
  readonly unresolved: number | undefined;

  constructor(code: ReportsErrorCode, message: string, unresolved?: number) {
    super(code, message);
    this.unresolved = unresolved;
  }
}
