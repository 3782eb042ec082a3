// What Pending says when Reconcile could not compare with KS Pay's whole list: why, what Reconcile did
// instead, and what to do next.
import type { UserError } from '../../shared/domain.ts';
import { duration, type ListCut } from '../kspay/index.ts';

const TRY_AGAIN =
  'Press Reconcile to try again; if it keeps happening, check the server address under Settings → Connection.';

/** The list could not be read at all: each open sale was looked up on its own. */
export function listUnread(error: unknown): UserError {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'list_unread',
    message: `Reconcile could not read KS Pay's transaction list: ${reason} It looked each open sale up on its own instead, so payments this terminal never recorded were not checked for. Press Reconcile to try again.`,
  };
}

/** Reading stopped before the list ended: the records read were compared, nothing was concluded from the rest. */
export function listStopped(cut: ListCut): UserError {
  const count = cut.kept.toLocaleString('en-US');
  const why =
    cut.reason === 'records'
      ? `KS Pay listed more than ${count} transactions, so Reconcile compared the newest ${count}`
      : `KS Pay took longer than ${duration(cut.deadlineMs)} to send its transactions, so Reconcile stopped reading and compared the ${count} that had arrived`;
  return {
    code: 'list_cut',
    message: `${why}. It concluded nothing about sales missing from them; open sales it did not find were looked up on their own. ${cut.reason === 'deadline' ? TRY_AGAIN : 'Look older payments up in the KS Pay dashboard.'}`,
  };
}
