// The calls the first screen makes, started together at page start instead of one after another
// (status, then the catalog and the sale, then the methods): App.tsx asks for the status, the sale
// screen for the sale, pending and recent sales and the catalog, the catalog for the methods of the
// currency it opens on. Their answers wait in the transport for those identical calls.
import type { CallResult } from '../../shared/contract.ts';
import type { AppStatus, Currency, Sale } from '../../shared/domain.ts';
import { chooseCurrency, RECENT_LIMIT } from '../stores/index.ts';
import type { PrefetchingTransport } from './prefetch.ts';

export function prefetchStartupCalls(transport: PrefetchingTransport): Promise<void> {
  const status = transport.prefetch('setup.status') as Promise<CallResult<AppStatus>>;
  void transport.prefetch('sales.current');
  void transport.prefetch('sales.pending');
  void transport.prefetch('sales.list', { limit: RECENT_LIMIT });
  const currencies = transport.prefetch('catalog.currencies') as Promise<CallResult<Currency[]>>;
  const last = transport.prefetch('sales.list', { limit: 1 }) as Promise<CallResult<Sale[]>>;
  // The methods need the currency, which needs all three answers (stores/catalog.ts chooses the same way).
  return Promise.all([status, currencies, last]).then(([status, currencies, last]) => {
    if (!status.ok || !currencies.ok) return;
    const active = currencies.value.filter((c) => c.active);
    const lastUsed = last.ok ? last.value[0]?.currency : undefined;
    const currency = chooseCurrency(active, lastUsed, status.value.settings.defaultCurrency);
    if (currency) void transport.prefetch('catalog.methods', { currencyId: currency.id });
  });
}
