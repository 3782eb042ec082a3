// The currencies and methods the Settings screen offers as defaults: the active ones in the catalog,
// the methods of the chosen currency only.
import { useEffect, useState } from 'react';
import type { Currency, PaymentMethod } from '../../../../shared/domain.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { pos } from '../../../lib/pos.ts';

export interface CatalogChoices {
  currencies: Currency[];
  methods: PaymentMethod[];
  error: string | null;
}

export function useCatalogChoices(currencyCode: string): CatalogChoices {
  const [currencies, setCurrencies] = useState<Currency[]>([]);
  const [methods, setMethods] = useState<PaymentMethod[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    pos()
      .catalog.currencies()
      .then(
        (list) => setCurrencies(list.filter((c) => c.active)),
        (e: unknown) => setError(errorMessage(e)),
      );
  }, []);

  const currencyId = currencies.find((c) => c.code === currencyCode)?.id;
  useEffect(() => {
    if (!currencyId) return;
    let live = true;
    pos()
      .catalog.methods({ currencyId })
      .then(
        (list) => live && setMethods(list.filter((m) => m.active)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [currencyId]);

  return { currencies, methods: currencyId ? methods : [], error };
}

/** The options, plus the saved value when the catalog does not offer it (offline, or since removed). */
export function withCurrent(options: string[], value: string): string[] {
  return value === '' || options.includes(value) ? options : [value, ...options];
}
