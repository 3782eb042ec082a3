// Settles a checkout (Pay / Decline / Cancel) and builds the redirect back to the shop, with the redirect faults.
import type { FaultState } from './faults.ts';
import type { HostileSet } from './hostile.ts';
import { newProviderPaymentId } from './ids.ts';
import type { TransactionStore } from './transactions.ts';
import type { PayResult } from './types.ts';

export type CheckoutOutcome = 'success' | 'failed' | 'cancelled';

const STATUS_OF: Record<CheckoutOutcome, 'COMPLETED' | 'FAILED' | 'CANCELLED'> = {
  success: 'COMPLETED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
};

export interface CheckoutOutcomeDeps {
  store: TransactionStore;
  faults: FaultState;
  hostile: () => HostileSet;
  /** The sandbox's own URL: where a transaction without redirectUrl returns to (its page shows the result). */
  baseUrl: () => string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The second delivery of a duplicated redirect: the sandbox requests the redirect URL itself. Only loopback
 * URLs, so the sandbox never reaches out to the internet; a failure is of no interest to anyone.
 */
function deliverAgain(url: string): void {
  const target = new URL(url);
  if (!LOOPBACK_HOSTS.has(target.hostname) || !/^https?:$/.test(target.protocol)) return;
  fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
    .then((response) => response.body?.cancel())
    .catch(() => undefined);
}

export function settleCheckout(
  deps: CheckoutOutcomeDeps,
  txnId: string,
  outcome: CheckoutOutcome,
): PayResult {
  const existing = deps.store.get(txnId);
  // Faults are consumed only by a settlement that happens, not by a refused one.
  const lie =
    existing?.status === 'INITIATED' && (deps.faults.takeLie() || deps.hostile().has('redirect-lie'));
  const status = lie ? 'FAILED' : STATUS_OF[outcome];
  const record = deps.store.settle(txnId, status, status === 'CANCELLED' ? null : newProviderPaymentId());
  const target = new URL(record.redirectUrl ?? `${deps.baseUrl()}/checkout/${encodeURIComponent(txnId)}`);
  target.searchParams.set('payment_status', lie ? 'success' : outcome);
  target.searchParams.set('kspay_id', record.txnId);
  target.searchParams.set('provider_payment_id', record.providerPaymentId ?? '');
  const redirectUrl = target.toString();
  if (deps.faults.takeDuplicate()) {
    deliverAgain(redirectUrl);
    return { redirectUrl, redirectUrls: [redirectUrl, redirectUrl] };
  }
  return { redirectUrl, redirectUrls: [redirectUrl] };
}
