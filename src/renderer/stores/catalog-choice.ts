// Which currency the sale screen opens on: the one the last sale used (main's journal remembers it
// across restarts), else the manager's default, else the first active one. Kept apart from the catalog
// store so the start-up prefetch (bridge/boot.ts) can ask for that currency's methods before React runs.
import type { Currency } from '../../shared/domain.ts';

export function chooseCurrency(
  active: readonly Currency[],
  lastUsed: string | undefined,
  preferred: string | undefined,
): Currency | undefined {
  return active.find((c) => c.code === lastUsed) ?? active.find((c) => c.code === preferred) ?? active[0];
}
