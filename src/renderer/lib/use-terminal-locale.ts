// The locale the counter and the desk format with: the manager's setting, else the terminal's currency's
// (the saved default currency, else the first the catalogue offers, which the cashier sees preselected),
// else the computer's.
import { useAppStatus, useCatalog } from '../stores/index.ts';
import { resolveLocale } from './format.ts';

export function useTerminalLocale(): string {
  const preferred = useAppStatus((s) => s.status?.settings.locale);
  const saved = useAppStatus((s) => s.status?.settings.defaultCurrency);
  const offered = useCatalog((s) => s.currencies[0]?.code);
  return resolveLocale(preferred, saved ?? offered);
}
