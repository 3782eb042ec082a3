// Closing the day with a Z report: over unresolved sales, or sales KS Pay reversed after they were paid
// that nobody has reviewed, it takes the manager PIN again (with its lockout), not just the open manager
// desk, and records the reason given.
import type { CallInput } from '../../shared/contract.ts';
import type { SessionId } from '../deps.ts';
import type { Reports } from '../reports/index.ts';
import type { Staff } from '../staff/index.ts';

export async function closeDay(
  deps: { reports: Pick<Reports, 'closeDay'>; staff: Pick<Staff, 'verifyPin'> },
  session: SessionId,
  { overridePin, reason }: CallInput<'reports.closeDay'>,
  actor: string,
): ReturnType<Reports['closeDay']> {
  if (!overridePin) return deps.reports.closeDay({ actor });
  await deps.staff.verifyPin(session, overridePin);
  return deps.reports.closeDay({ actor, overrideReason: reason ?? '' });
}
