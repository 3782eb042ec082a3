// The renderer's state: one small store per concern, and the wiring to main's events.
export { useAppStatus } from './app-status.ts';
export { useAmount } from './amount.ts';
export { useCatalog, selectCurrentMethods, type CatalogPreference } from './catalog.ts';
export { chooseCurrency } from './catalog-choice.ts';
export { useSale, SALE_RESYNC_MS } from './sale.ts';
export { usePending } from './pending.ts';
export { useRecent, RECENT_LIMIT } from './recent.ts';
export { subscribeToPos } from './subscribe.ts';
