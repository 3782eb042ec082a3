// The manager desk's lazy entry: the cashier UI loads this chunk when the PIN prompt shows, so the
// sale screen's bundle stays small. Props: { onLock(): void }.
// The shared desk layout first, so each component's own CSS (imported by the component) comes after it.
import './desk-base.css';
import { Desk } from './Desk.tsx';
import { useDeskTransactions } from './stores/index.ts';

export { Desk as ManagerDesk };

/** Asks for what the desk's first screen (Transactions) shows; the sale screen calls it once the PIN is confirmed. */
export function startDesk(): Promise<void> {
  return useDeskTransactions.getState().open();
}
// React.lazy wants a default export; the sale screen maps the named one, either works.
export default Desk;
