// The reports service's one error class: a `code` a program can switch on, a message a manager can act on.

export type ReportsErrorCode = 'day_unresolved' | 'day_closed' | 'invalid' | 'not_found' | 'chain_broken';

export class ReportsError extends Error {
  readonly code: ReportsErrorCode;
  /** For `day_unresolved`: how many sales of the day have no final outcome. */
  readonly unresolved: number | undefined;

  constructor(code: ReportsErrorCode, message: string, unresolved?: number) {
    super(message);
    this.name = 'ReportsError';
    this.code = code;
    this.unresolved = unresolved;
  }
}
