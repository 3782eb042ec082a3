// Turns parsed KS Pay records into the app's types: currencies, methods, transactions and their status.
import { Currency, PaymentMethod } from '../../shared/domain.ts';
import { currencyExponent, isIsoCurrency } from '../../shared/money.ts';
import type { Logger } from '../deps.ts';
import { serverAmountToMinor } from './amounts.ts';
import { KsPayError, messages } from './errors.ts';
import { CurrencyEntry, MethodEntry, TransactionRecord } from './schemas.ts';
import { checkoutLinksOf } from './checkout-links.ts';
import type { Order, Transaction, TransactionStatus } from './types.ts';

const STATUS: Readonly<Record<string, TransactionStatus>> = {
  COMPLETED: 'succeeded',
  SUCCESS: 'succeeded',
  CAPTURED: 'succeeded',
  PAID: 'succeeded',
  FAILED: 'failed',
  DECLINED: 'failed',
  CANCELLED: 'cancelled',
  CANCELED: 'cancelled',
  EXPIRED: 'expired',
};

/** Server status → ours. INITIATED, PENDING, CREATED and anything unknown stay `pending`: only the server's word settles a sale. */
export function normaliseStatus(status: string): TransactionStatus {
  return STATUS[status.trim().toUpperCase()] ?? 'pending';
}

let displayNames: Intl.DisplayNames | undefined;

function currencyName(code: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' });
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Each entry read on its own: a malformed one or a non-ISO code is dropped and logged, never fatal. */
export function normaliseCurrencies(entries: readonly unknown[], log: Logger): Currency[] {
  const out: Currency[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const parsed = CurrencyEntry.safeParse(entry);
    if (!parsed.success) {
      log.warn('KS Pay listed a currency in an unknown shape; it is left out', { index });
      continue;
    }
    const { id, name, symbol, isActive } = parsed.data;
    const code = parsed.data.code.trim().toUpperCase();
    if (!isIsoCurrency(code)) {
      log.warn('KS Pay listed a currency whose code is not ISO 4217; it is left out', {
        id,
        code: parsed.data.code,
      });
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const currency = Currency.safeParse({
      id,
      code,
      name: name?.trim() || currencyName(code),
      ...(symbol ? { symbol } : {}),
      exponent: currencyExponent(code),
      active: isActive ?? true,
    });
    if (currency.success) out.push(currency.data);
    else log.warn('KS Pay listed a currency the terminal cannot use; it is left out', { id, code });
  }
  return out;
}

export function normaliseMethods(entries: readonly unknown[], log: Logger): PaymentMethod[] {
  const out: PaymentMethod[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const parsed = MethodEntry.safeParse(entry);
    if (!parsed.success) {
      log.warn('KS Pay listed a payment method in an unknown shape; it is left out', { index });
      continue;
    }
    if (seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    out.push(
      PaymentMethod.parse({
        id: parsed.data.id,
        name: parsed.data.name,
        active: parsed.data.isActive ?? true,
      }),
    );
  }
  return out;
}

function withCheckoutLinks(record: unknown): { checkoutLinks?: Order } {
  const checkoutLinks = checkoutLinksOf(record);
  return checkoutLinks ? { checkoutLinks } : {};
}

/** A transaction record → Transaction; any doubt about its money or identity is a `bad_response`, never a guess. */
export function normaliseTransaction(record: unknown): Transaction {
  const parsed = TransactionRecord.safeParse(record);
  if (!parsed.success) {
    throw new KsPayError(
      'bad_response',
      messages.badResponse('a transaction without its id, reference, amount, currency or status'),
    );
  }
  const r = parsed.data;
  if (!isIsoCurrency(r.currency)) {
    throw new KsPayError(
      'bad_response',
      messages.badResponse(`transaction ${r.txnId} has an unknown currency`),
    );
  }
  const amountMinor = serverAmountToMinor(r.amount, r.currency);
  if (amountMinor === null) {
    throw new KsPayError(
      'bad_response',
      messages.badResponse(`transaction ${r.txnId} has an amount that is not a valid ${r.currency} amount`),
    );
  }
  return {
    txnId: r.txnId,
    referenceNumber: r.referenceNumber,
    amountMinor,
    currency: r.currency,
    status: normaliseStatus(r.status),
    ...(r.method ? { method: r.method } : {}),
    ...(r.providerOrderId ? { providerOrderId: r.providerOrderId } : {}),
    ...(r.providerPaymentId ? { providerPaymentId: r.providerPaymentId } : {}),
    ...(r.createdAt ? { createdAt: r.createdAt } : {}),
    ...withCheckoutLinks(record),
  };
}
