// Puts every store back to how it started, so component tests do not leak state into each other.
import { useAmount, useAppStatus, useCatalog, usePending, useRecent, useSale } from '../stores/index.ts';

const initial = {
  amount: useAmount.getState(),
  appStatus: useAppStatus.getState(),
  catalog: useCatalog.getState(),
  pending: usePending.getState(),
  recent: useRecent.getState(),
  sale: useSale.getState(),
};

export function resetStores(): void {
  useAmount.setState(initial.amount, true);
  useAppStatus.setState(initial.appStatus, true);
  useCatalog.setState(initial.catalog, true);
  usePending.setState(initial.pending, true);
  useRecent.setState(initial.recent, true);
  useSale.setState(initial.sale, true);
}
