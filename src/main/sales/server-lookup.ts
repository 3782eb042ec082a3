// Asking KS Pay about a sale: its record by txnId or by reference, and what a KS Pay error means for a sale.
import type { Sale } from '../../shared/domain.ts';
import { checkoutUrlFromOrder } from '../checkout/index.ts';
import { isKsPayError } from '../kspay/index.ts';
import type { KsPayClient, KsPayErrorCode, Transaction } from '../kspay/index.ts';
import type { ServerRecord } from './sale-machine.ts';

export type Finding =
  { kind: 'found'; record: ServerRecord } | { kind: 'absent' } | { kind: 'failed'; error: unknown };

/** How far back a reference is searched: wide enough for any clock difference between terminal and server. */
const REFERENCE_SEARCH_SLACK_MS = 24 * 60 * 60 * 1000;

/** Codes that mean KS Pay did nothing with the request; anything else may have been committed. */
const NOTHING_DONE: ReadonlySet<KsPayErrorCode> = new Set([
  'auth',
  'forbidden',
  'invalid',
  'not_found',
  'rate_limited',
]);

export function ksPayErrorCode(error: unknown): KsPayErrorCode | undefined {
  return isKsPayError(error) ? error.code : undefined;
}

/** True only when the server certainly did not act on the request, so the sale can fail without a look-up. */
export function certainlyRefused(error: unknown): boolean {
  const code = ksPayErrorCode(error);
  return code !== undefined && NOTHING_DONE.has(code);
}

/** True when the connection failed before KS Pay sent any reply (a 5xx or an unreadable reply is an answer). */
export function noReplyAtAll(error: unknown): boolean {
  const code = ksPayErrorCode(error);
  return code === 'network' || code === 'timeout';
}

/** The error's own plain words (the client writes them for cashiers), or a generic sentence. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '')
    return error.message.trim().replace(/([^.!?])$/, '$1.');
  return 'KS Pay could not be reached.';
}

/** Identifiers longer than this are not kept: no real ID is, and a sale snapshot must stay small. */
const MAX_ID_LENGTH = 200;
const keep = (id: string | undefined): id is string =>
  id !== undefined && id !== '' && id.length <= MAX_ID_LENGTH;

export function toServerRecord(txn: Transaction): ServerRecord {
  const checkoutUrl = txn.checkoutLinks ? checkoutUrlFromOrder(txn.checkoutLinks) : null;
  return {
    txnId: txn.txnId,
    referenceNumber: txn.referenceNumber,
    amountMinor: txn.amountMinor,
    currency: txn.currency,
    status: txn.status,
    ...(keep(txn.providerOrderId) ? { providerOrderId: txn.providerOrderId } : {}),
    ...(keep(txn.providerPaymentId) ? { providerPaymentId: txn.providerPaymentId } : {}),
    ...(checkoutUrl ? { checkoutUrl } : {}),
  };
}

/**
 * Finds a sale's transaction: by txnId when the sale has one, else by its reference. Several records with one
 * reference would mean a double charge; the settled one wins and the caller logs it.
 */
export async function findOnServer(client: KsPayClient, sale: Sale, signal?: AbortSignal): Promise<Finding> {
  try {
    if (sale.txnId !== undefined)
      return { kind: 'found', record: toServerRecord(await client.transaction(sale.txnId, signal)) };
    const from = new Date(Date.parse(sale.createdAt) - REFERENCE_SEARCH_SLACK_MS).toISOString();
    const matches = (await client.transactions({ referenceNumber: sale.reference, from }, signal)).filter(
      (txn) => txn.referenceNumber === sale.reference,
    );
    if (matches.length === 0) return { kind: 'absent' };
    const best = matches.find((txn) => txn.status === 'succeeded') ?? matches[0];
    return best ? { kind: 'found', record: toServerRecord(best) } : { kind: 'absent' };
  } catch (error) {
    if (ksPayErrorCode(error) === 'not_found') return { kind: 'absent' };
    return { kind: 'failed', error };
  }
}
