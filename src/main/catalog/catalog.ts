// Currencies and payment methods, asked of KS Pay once per connection and kept, so the cashier never
// waits for them twice; the last currency and method used come first in the lists.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../../node-shared/index.ts';
import type { Currency, PaymentMethod } from '../../shared/domain.ts';
import type { Logger } from '../deps.ts';
import type { KsPayClient } from '../kspay/index.ts';

const LastUsed = z.object({ currencyId: z.string().min(1).max(100), methodId: z.string().min(1).max(100) });
export type LastUsed = z.infer<typeof LastUsed>;

export interface Catalog {
  currencies(): Promise<Currency[]>;
  methods(currencyId: string): Promise<PaymentMethod[]>;
  /** The method's name as KS Pay lists it, or null when the currency does not offer it. */
  methodName(currencyId: string, methodId: string): Promise<string | null>;
  /** Remembers what a sale used, so the next sale starts with it. */
  remember(choice: LastUsed): Promise<void>;
  /** Fetches the currencies now (Charge should not wait for them); failures are only logged. */
  warm(): Promise<void>;
}

export interface CatalogOptions {
  client: Pick<KsPayClient, 'currencies' | 'paymentMethods'>;
  /** A small JSON file in the profile's folder. */
  lastUsedPath: string;
  log: Logger;
}

function firstWhere<T>(items: T[], matches: (item: T) => boolean): T[] {
  const index = items.findIndex(matches);
  if (index <= 0) return items;
  return [items[index]!, ...items.slice(0, index), ...items.slice(index + 1)];
}

export function createCatalog({ client, lastUsedPath, log }: CatalogOptions): Catalog {
  let currencies: Promise<Currency[]> | null = null;
  const methods = new Map<string, Promise<PaymentMethod[]>>();
  let lastUsed: Promise<LastUsed | null> | null = null;

  /** One request however many callers wait; a failure is not kept, so the next call asks again. */
  function once<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
    const pending = load();
    pending.catch(forget);
    return pending;
  }

  function loadCurrencies(): Promise<Currency[]> {
    currencies ??= once(
      () => client.currencies(),
      () => (currencies = null),
    );
    return currencies;
  }

  function loadMethods(currencyId: string): Promise<PaymentMethod[]> {
    let pending = methods.get(currencyId);
    if (!pending) {
      pending = once(
        () => client.paymentMethods(currencyId),
        () => methods.delete(currencyId),
      );
      methods.set(currencyId, pending);
    }
    return pending;
  }

  function readLastUsed(): Promise<LastUsed | null> {
    lastUsed ??= readFile(lastUsedPath, 'utf8')
      .then(
        (text) => LastUsed.safeParse(JSON.parse(text)).data ?? null,
        () => null,
      )
      .catch(() => null);
    return lastUsed;
  }

  return {
    async currencies() {
      const [list, last] = await Promise.all([loadCurrencies(), readLastUsed()]);
      return firstWhere([...list], (currency) => currency.id === last?.currencyId);
    },
    async methods(currencyId) {
      const [list, last] = await Promise.all([loadMethods(currencyId), readLastUsed()]);
      return last?.currencyId === currencyId
        ? firstWhere([...list], (method) => method.id === last.methodId)
        : [...list];
    },
    async methodName(currencyId, methodId) {
      const list = await loadMethods(currencyId);
      return list.find((method) => method.id === methodId)?.name ?? null;
    },
    async remember(choice) {
      lastUsed = Promise.resolve(choice);
      try {
        await writeFileDurably(lastUsedPath, `${JSON.stringify(choice)}\n`);
      } catch (error) {
        // Only a convenience: a sale never fails because its choice could not be remembered.
        log.warn('catalog: could not remember the last currency and method', {
          error: (error as Error).message,
        });
      }
    },
    async warm() {
      try {
        await loadCurrencies();
      } catch (error) {
        log.info('catalog: currencies not loaded ahead of the first sale', {
          code: (error as { code?: unknown }).code,
        });
      }
    },
  };
}
