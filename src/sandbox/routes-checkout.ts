// The hosted checkout: GET /checkout/:txnId shows the page; POST /checkout/:txnId/(pay|decline|cancel) settles the
// transaction and answers 303 to the shop's redirectUrl with payment_status, kspay_id and provider_payment_id.
import type { CheckoutOutcome } from './checkout-outcome.ts';
import { settleCheckout } from './checkout-outcome.ts';
import { renderCheckoutPage, renderNotFoundPage } from './checkout-page.ts';
import type { Handler, Reply, SandboxContext } from './context.ts';
import type { TxnRecord } from './transactions.ts';

const OUTCOME_OF: Record<string, CheckoutOutcome> = {
  pay: 'success',
  decline: 'failed',
  cancel: 'cancelled',
};

function page(ctx: SandboxContext, record: TxnRecord, status: number): Reply {
  const expiresAt = new Date(Date.parse(record.createdAt) + ctx.checkoutTtlSec * 1000).toISOString();
  return {
    kind: 'html',
    status,
    html: renderCheckoutPage({ record, merchantName: ctx.merchantName, expiresAt }),
  };
}

export const showCheckout: Handler = (ctx, { params }) => {
  const txnId = params.txnId ?? '';
  const record = ctx.store.get(txnId);
  if (!record) return { kind: 'html', status: 404, html: renderNotFoundPage(txnId) };
  return page(ctx, record, 200);
};

export const actOnCheckout: Handler = (ctx, { params }) => {
  const txnId = params.txnId ?? '';
  const outcome = OUTCOME_OF[params.action ?? ''];
  const record = ctx.store.get(txnId);
  if (!record || !outcome) return { kind: 'html', status: 404, html: renderNotFoundPage(txnId) };
  // A second press (or a reloaded form) finds the payment final: show it again instead of redirecting.
  if (record.status !== 'INITIATED') return page(ctx, record, 409);
  const { redirectUrl } = settleCheckout(ctx.checkoutDeps, txnId, outcome);
  return { kind: 'redirect', location: redirectUrl };
};
