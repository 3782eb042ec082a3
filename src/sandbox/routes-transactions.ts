// POST /transaction/initiate and /transaction/process, GET /transaction/txnId/:txnId and GET /transaction.
//
// Initiate, S2S flow: `x-signature` from generate-signature (no token); optional redirectUrl.
//   reply 201 result { pe_txnId, providerOrderId, amount, currency }
// Initiate, checkout/NPM flow: `Authorization: Bearer <access token>`, body also has appId and redirectUrl.
//   reply 201: s2s variant result { signature, pe_txnId, providerOrderId, amount, currency };
//              npm variant { status, message, signature } exactly as the guide prints it.
//   The signature belongs to that one transaction. (x-signature wins when a request carries both.)
// Process: `x-signature` = the transaction's signature (checkout flow), or an app signature from
//   generate-signature plus `pe_txnId` (or `txnId`) in the body (S2S flow).
//   reply 201 { order } (inside `result` for s2s); processing an open transaction again returns the same order.
import { z } from 'zod';
import type { Handler, SandboxContext } from './context.ts';
import { ok, okList } from './context.ts';
import { hostileOrder, hostileRecord } from './hostile.ts';
import { header, HttpError, readBodyObject } from './http-io.ts';
import { newProviderOrderId, newTxnId } from './ids.ts';
import { parseInitiateBody } from './initiate-input.ts';
import type { TxnRecord } from './transactions.ts';
import { DEFAULT_PAGE_LIMIT, decimalAmount, MAX_PAGE_LIMIT, toApiTransaction } from './transactions.ts';
import { TxnStatus } from './types.ts';

export const initiateTransaction: Handler = async (ctx, { req }) => {
  const signature = header(req, 'x-signature');
  const flow = signature !== undefined ? 's2s' : 'checkout';
  const appId =
    flow === 's2s' ? appOfSignature(ctx, signature) : ctx.auth.verifyAccess(header(req, 'authorization'));
  const input = parseInitiateBody(await readBodyObject(req), flow);
  if (input.appId !== undefined && input.appId !== appId) {
    throw new HttpError(400, `appId ${input.appId} does not match the app of these credentials (${appId}).`);
  }
  const record = ctx.store.create({
    txnId: newTxnId(),
    referenceNumber: input.referenceNumber,
    amountMinor: input.amountMinor,
    currency: input.currency.code,
    currencyId: input.currency.id,
    paymentMethodId: input.method.id,
    paymentMethodName: input.method.name,
    providerOrderId: newProviderOrderId(),
    appId,
    redirectUrl: input.redirectUrl ?? null,
  });
  ctx.stats.count('transactionsInitiated');
  const summary = {
    pe_txnId: record.txnId,
    providerOrderId: record.providerOrderId,
    amount: decimalAmount(record.amountMinor, record.currency),
    currency: record.currency,
  };
  if (flow === 's2s') return ok(ctx, 201, summary);
  const txnSignature = ctx.auth.issueTxnSignature(appId, record.txnId);
  return ok(
    ctx,
    201,
    ctx.variant() === 'npm' ? { signature: txnSignature } : { signature: txnSignature, ...summary },
  );
};

function appOfSignature(ctx: SandboxContext, signature: string | undefined): string {
  const grant = ctx.auth.resolveSignature(signature);
  if (grant.kind !== 'app') {
    throw new HttpError(
      403,
      'This x-signature belongs to one transaction: get one from /auth/generate-signature.',
    );
  }
  return grant.appId;
}

export const processTransaction: Handler = async (ctx, { req }) => {
  const grant = ctx.auth.resolveSignature(header(req, 'x-signature'));
  const body = await readBodyObject(req);
  let txnId: string;
  if (grant.kind === 'txn') {
    txnId = grant.txnId;
  } else {
    const given = body.pe_txnId ?? body.txnId;
    if (typeof given !== 'string' || given === '') {
      throw new HttpError(400, 'pe_txnId is required when x-signature comes from /auth/generate-signature.');
    }
    txnId = given;
  }
  const record = ctx.store.get(txnId);
  if (!record || record.appId !== grant.appId)
    throw new HttpError(404, `Transaction ${txnId} was not found.`);
  if (record.status !== 'INITIATED') {
    throw new HttpError(409, `Transaction ${txnId} is already ${record.status}: start a new payment.`);
  }
  ctx.store.markProcessed(txnId);
  const order = orderOf(ctx, record);
  if (ctx.faults.get().orderWithoutTxnId) {
    delete order.pe_txnId;
    delete order.txnId;
  }
  return ok(ctx, 201, { order: hostileOrder(order, ctx.hostile()) }, true);
};

function orderOf(ctx: SandboxContext, record: TxnRecord): Record<string, unknown> {
  const checkoutUrl = `${ctx.baseUrl()}/checkout/${encodeURIComponent(record.txnId)}`;
  const expiresAt = new Date(Date.parse(record.createdAt) + ctx.checkoutTtlSec * 1000).toISOString();
  return {
    id: record.providerOrderId,
    providerOrderId: record.providerOrderId,
    pe_txnId: record.txnId,
    txnId: record.txnId,
    referenceNumber: record.referenceNumber,
    amount: decimalAmount(record.amountMinor, record.currency),
    currency: record.currency,
    currencyId: record.currencyId,
    paymentMethodId: record.paymentMethodId,
    paymentMethodName: record.paymentMethodName,
    status: 'created',
    checkoutUrl,
    short_url: checkoutUrl,
    redirectUrl: record.redirectUrl,
    merchantName: ctx.merchantName,
    createdAt: record.createdAt,
    expiresAt,
  };
}

export const getTransaction: Handler = (ctx, { req, params }) => {
  const appId = ctx.auth.verifyAccess(header(req, 'authorization'));
  const txnId = params.txnId ?? '';
  const record = ctx.store.get(txnId);
  if (!record || record.appId !== appId) throw new HttpError(404, `Transaction ${txnId} was not found.`);
  return ok(ctx, 200, hostileRecord({ ...toApiTransaction(record) }, ctx.hostile()), true);
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoParam(name: string) {
  const message = `${name} must be an ISO 8601 time, e.g. 2024-08-03T11:57:59Z.`;
  return z
    .string()
    .regex(ISO_TIME, message)
    .refine((value) => !Number.isNaN(Date.parse(value)), message)
    .transform((value) => new Date(value).toISOString())
    .optional();
}

function intParam(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number from ${min} to ${max}.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${name} must be a whole number from ${min} to ${max}.`)
    .optional()
    .transform((value) => value ?? fallback);
}

/** Paging and filters of GET /transaction; the format is described at the top of transactions.ts. */
const ListQuery = z.object({
  page: intParam('page', 1, 1_000_000, 1),
  limit: intParam('limit', 1, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT),
  from: isoParam('from'),
  to: isoParam('to'),
  status: z
    .enum(TxnStatus.options, { error: `status must be one of ${TxnStatus.options.join(', ')}.` })
    .optional(),
  referenceNumber: z.string().min(1).max(64).optional(),
});

export const listTransactions: Handler = (ctx, { req, query }) => {
  const appId = ctx.auth.verifyAccess(header(req, 'authorization'));
  const parsed = ListQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success)
    throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Query parameters are not valid.');
  const hostile = ctx.hostile();
  const lagging = ctx.faults.get().listLagging === true;
  if (ctx.paging() === 'unpaged') {
    // The guide's plain list: page and limit are not read; every match goes out in one array, newest first.
    const { items } = ctx.store.list({ appId, ...parsed.data, page: 1, limit: Number.MAX_SAFE_INTEGER });
    return okList(ctx, lagging ? [] : items, (record) =>
      hostileRecord({ ...toApiTransaction(record) }, hostile),
    );
  }
  const listed = ctx.store.list({ appId, ...parsed.data });
  const page = lagging ? { ...listed, items: [], total: 0, hasMore: false } : listed;
  return ok(
    ctx,
    200,
    { ...page, items: page.items.map((record) => hostileRecord({ ...toApiTransaction(record) }, hostile)) },
    true,
  );
};
