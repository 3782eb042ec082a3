// Seeds a realistic history: N transactions over the last 30 days, mixed statuses, currencies, methods and amounts.
// Deterministic for a given seed number, so a seeded sandbox is the same on every run.
import { CURRENCIES, methodsOf } from './catalog.ts';
import type { TxnRecord } from './transactions.ts';
import type { TxnStatus } from './types.ts';
import { prng } from '../shared/prng.ts';

export interface SeedOptions {
  count: number;
  appId: string;
  /** Milliseconds since the epoch: the history ends here. */
  now: number;
  checkoutTtlSec: number;
  seed?: number;
}

/** A sampler over weighted values: cumulative weights computed once, one random number per draw. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (random: () => number) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) cumulative.push((total += weight));
  return (random) => {
    const roll = random() * total;
    let index = 0;
    while (index < cumulative.length - 1 && roll >= (cumulative[index] ?? total)) index++;
    return values[index] as T;
  };
}

/** Currency share of a busy Indian counter with tourists, and the typical price range in major units. */
const CURRENCY_MIX: readonly (readonly [string, number])[] = [
  ['INR', 55],
  ['USD', 14],
  ['EUR', 10],
  ['GBP', 8],
  ['JPY', 7],
  ['KWD', 6],
];
const PRICE_RANGE: Record<string, { min: number; max: number; exponent: number }> = {
  INR: { min: 20, max: 25_000, exponent: 2 },
  USD: { min: 1, max: 600, exponent: 2 },
  EUR: { min: 1, max: 500, exponent: 2 },
  GBP: { min: 1, max: 450, exponent: 2 },
  JPY: { min: 100, max: 80_000, exponent: 0 },
  KWD: { min: 0.5, max: 180, exponent: 3 },
};
const SETTLED_MIX: readonly (readonly [TxnStatus, number])[] = [
  ['COMPLETED', 82],
  ['FAILED', 8],
  ['CANCELLED', 5],
  ['EXPIRED', 5],
];
/** Within the checkout TTL some customers are still paying; none can have expired yet. */
const OPEN_MIX: readonly (readonly [TxnStatus, number])[] = [
  ['INITIATED', 50],
  ['COMPLETED', 40],
  ['FAILED', 5],
  ['CANCELLED', 5],
];
/** Counters are busiest at lunch and in the evening; nearly idle at night. */
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, hour) => [
  hour,
  hour < 7 ? 0.3 : hour < 11 ? 3 : hour < 15 ? 8 : hour < 18 ? 5 : hour < 22 ? 9 : 2,
]);

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DAY_MS = 24 * 60 * 60 * 1000;

export function seedTransactions(options: SeedOptions): TxnRecord[] {
  const random = prng(options.seed ?? 20240803);
  const text = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE62[Math.floor(random() * 62)];
    return out;
  };
  const pickCurrency = weighted(CURRENCY_MIX);
  const pickHour = weighted(HOUR_WEIGHTS);
  const pickSettled = weighted(SETTLED_MIX);
  const pickOpen = weighted(OPEN_MIX);
  const byCode = new Map(
    CURRENCIES.map((currency) => {
      const methods = methodsOf(currency.id).filter((method) => method.isActive);
      // Earlier methods (UPI, cards) are used more than later ones.
      return [
        currency.code,
        { currency, pickMethod: weighted(methods.map((m, i) => [m, methods.length - i] as const)) },
      ];
    }),
  );
  const startOfToday = options.now - (options.now % DAY_MS);
  const ttlMs = options.checkoutTtlSec * 1000;

  // Creation times first, sorted, so the records come out in time order and the store need not sort them.
  const times = new Float64Array(options.count);
  for (let index = 0; index < options.count; index++) {
    const day = Math.floor(random() * 30);
    const created =
      startOfToday - day * DAY_MS + pickHour(random) * 3_600_000 + Math.floor(random() * 3_600_000);
    times[index] = created > options.now ? options.now - Math.floor(random() * 6 * 3_600_000) : created;
  }
  times.sort();

  const usedIds = new Set<string>();
  const records: TxnRecord[] = new Array<TxnRecord>(options.count);
  for (let index = 0; index < options.count; index++) {
    const created = times[index] ?? options.now;
    const code = pickCurrency(random);
    const { currency, pickMethod } = byCode.get(code)!;
    const method = pickMethod(random);
    const range = PRICE_RANGE[code]!;
    // Log-uniform prices, rounded like shelf prices: whole units most of the time, cents otherwise.
    const major = Math.exp(Math.log(range.min) + random() * (Math.log(range.max) - Math.log(range.min)));
    const unit = 10 ** range.exponent;
    const amountMinor = Math.max(1, random() < 0.6 ? Math.round(major) * unit : Math.round(major * unit));

    const status: TxnStatus = options.now - created < ttlMs ? pickOpen(random) : pickSettled(random);
    const settledAfter = status === 'EXPIRED' ? ttlMs : 20_000 + Math.floor(random() * 280_000);
    const updated = status === 'INITIATED' ? created : Math.min(options.now, created + settledAfter);

    let txnId = `tx_${text(9)}`;
    while (usedIds.has(txnId)) txnId = `tx_${text(9)}`;
    usedIds.add(txnId);
    const createdAt = new Date(created).toISOString();
    records[index] = {
      txnId,
      referenceNumber: `SEED-${createdAt.slice(0, 4)}${createdAt.slice(5, 7)}${createdAt.slice(8, 10)}-${String(index).padStart(6, '0')}`,
      amountMinor,
      currency: code,
      currencyId: currency.id,
      paymentMethodId: method.id,
      paymentMethodName: method.name,
      status,
      providerOrderId: `order_${text(14)}`,
      providerPaymentId: status === 'COMPLETED' || status === 'FAILED' ? `pay_${text(14)}` : null,
      createdAt,
      updatedAt: updated === created ? createdAt : new Date(updated).toISOString(),
      appId: options.appId,
      redirectUrl: null,
      processed: true,
    };
  }
  return records;
}
