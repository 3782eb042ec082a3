// What the desk says of a server listing that stopped before KS Pay's list ended: why, what is shown, what to do.
import { duration, type ListCut } from '../kspay/index.ts';

export function listCutMessage(cut: ListCut): string {
  const count = cut.kept.toLocaleString('en-US');
  if (cut.reason === 'records')
    return `KS Pay sent more than ${count} records; the newest ${count} are shown. Look older ones up in the KS Pay dashboard.`;
  return `KS Pay took longer than ${duration(cut.deadlineMs)} to send its records, so the terminal stopped reading; the newest ${count} read are shown. Press Reconcile to load them again, and look older ones up in the KS Pay dashboard; if it keeps happening, check the server address under Settings → Connection.`;
}
