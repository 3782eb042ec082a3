// Tells main the amount the cashier is keying in (and the chosen method), so the customer display shows
// it as typed. One report in flight at a time, the newest sent next: reports never overtake each other.
import type { KeyedAmount } from '../../shared/customer-display.ts';
import { useAmount, useCatalog } from '../stores/index.ts';
import { entryToMinor } from './amount-entry.ts';
import { pos } from './pos.ts';

function keyedNow(): KeyedAmount {
  const { entry, currency } = useAmount.getState();
  const amountMinor = entryToMinor(entry);
  if (!currency || amountMinor <= 0) return null;
  const catalog = useCatalog.getState();
  const currencyId = catalog.currencies.find((c) => c.code === currency)?.id;
  const method = currencyId ? catalog.methods[currencyId]?.find((m) => m.id === catalog.methodId) : undefined;
  return { amountMinor, currency, ...(method ? { methodName: method.name } : {}) };
}

/** Reports now and on every change of the amount or the method; returns the function that stops. */
export function reportKeyedAmount(): () => void {
  let sent: string | null = null;
  let inFlight = false;

  function send(): void {
    const keyed = keyedNow();
    const text = JSON.stringify(keyed);
    if (inFlight || text === sent) return;
    sent = text;
    inFlight = true;
    pos()
      .display.keying(keyed)
      .then(
        () => {
          inFlight = false;
          send();
        },
        () => {
          // Refused (not set up yet) or not delivered: the next change reports again.
          inFlight = false;
          sent = null;
        },
      );
  }

  const stopAmount = useAmount.subscribe(send);
  const stopCatalog = useCatalog.subscribe(send);
  send();
  return () => {
    stopAmount();
    stopCatalog();
  };
}
