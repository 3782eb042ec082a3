// The reports service's one error class: a `code` a program can switch on, a message a manager can act on.

import { CodedError } from '../../shared/coded-error.ts';

/**
 * What holds a day open until the manager overrides: sales with no final outcome (`day_unresolved`), payments
 * KS Pay reversed after they were paid that nobody reviewed (`day_reversed`), or both (`day_unresolved_reversed`).
 */
export type DayBlockedCode = 'day_unresolved' | 'day_reversed' | 'day_unresolved_reversed';

export type ReportsErrorCode = DayBlockedCode | 'day_closed' | 'invalid' | 'not_found' | 'chain_broken';

export class ReportsError extends CodedError<ReportsErrorCode> {
  override readonly name = 'ReportsError';
  /** For a day held open by sales with no final outcome: how many (absent when only reversals hold it). */
  readonly unresolved: number | undefined;

  constructor(code: ReportsErrorCode, message: string, unresolved?: number) {
    super(code, message);
    this.unresolved = unresolved;
  }
}
