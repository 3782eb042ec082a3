// The zod shapes of every KS Pay reply, accepting each variant the guide documents (S2S and NPM sections).
import { z } from 'zod';
import { withinJsonDepth } from './json-depth.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The record a reply carries: `result` when the envelope has one (S2S), otherwise the body itself (NPM puts the
 * fields at the top level). Top-level fields stay visible under the result's, so `signature` is found in either.
 */
export function recordOf(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const { result, ...top } = body;
  if (isRecord(result)) return { ...top, ...result };
  return body;
}

/** The server's record as it came: the envelope's `result`, or the body when there is no envelope. */
export function rawRecordOf(body: unknown): unknown {
  return isRecord(body) && isRecord(body.result) ? body.result : body;
}

/** A list reply: a bare array (NPM) or an envelope whose `result` is one (S2S). */
export function listOf(body: unknown): unknown {
  return isRecord(body) && Array.isArray(body.result) ? body.result : body;
}

const Id = z.string().trim().min(1).max(256);
/** Names, references and provider ids: a few hundred characters at most; anything longer is not a real record. */
const Short = z.string().max(256);
const Secret = z.string().trim().min(1).max(16_384);
const Optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);

// ── Auth ────────────────────────────────────────────────────────────────────────────────────────────────

/** Our own settings may spell the access key either way the guide does; we always send `accessKey`. */
export const Credentials = z
  .union([
    z.object({ accessKey: z.string(), secretKey: z.string() }),
    z.object({ accesskey: z.string(), secretKey: z.string() }),
  ])
  .transform((keys) => ({
    accessKey: ('accessKey' in keys ? keys.accessKey : keys.accesskey).trim(),
    secretKey: keys.secretKey.trim(),
  }));
export type Credentials = z.infer<typeof Credentials>;

/** generate-token and refresh-token: `{ result: { accessToken, refreshToken } }` or the two at the top level. */
export const TokenReply = z.preprocess(
  recordOf,
  z.object({ accessToken: Secret, refreshToken: Optional(Secret) }),
);
export type TokenReply = z.infer<typeof TokenReply>;

/** generate-signature: `result.signature`, `signature`, or a bare string `result`. */
export const SignatureReply = z.union([
  z.preprocess(recordOf, z.object({ signature: Secret })).transform((reply) => reply.signature),
  z.object({ result: Secret }).transform((reply) => reply.result),
]);

/** JWT claims we read (without verifying: only to know when to renew). */
export const JwtTimes = z.object({
  exp: z.number().finite().optional(),
  iat: z.number().finite().optional(),
});

// ── Catalog ─────────────────────────────────────────────────────────────────────────────────────────────

const Active = Optional(z.boolean());

/** S2S `{ id, code, name, symbol, isActive }` or NPM `{ currencyId, name }` (where `name` is the ISO code). */
export const CurrencyEntry = z.union([
  z
    .object({ id: Id, code: Short, name: Optional(Short), symbol: Optional(Short), isActive: Active })
    .transform((c) => ({ id: c.id, code: c.code, name: c.name, symbol: c.symbol, isActive: c.isActive })),
  z.object({ currencyId: Id, name: Short, symbol: Optional(Short), isActive: Active }).transform((c) => ({
    id: c.currencyId,
    code: c.name,
    name: undefined,
    symbol: c.symbol,
    isActive: c.isActive,
  })),
]);
export type CurrencyEntry = z.infer<typeof CurrencyEntry>;

/** S2S `{ id, name, isActive }` or NPM `{ paymentMethodId, name }`. */
export const MethodEntry = z.union([
  z.object({ id: Id, name: Short.trim().min(1), isActive: Active }),
  z
    .object({ paymentMethodId: Id, name: Short.trim().min(1), isActive: Active })
    .transform((m) => ({ id: m.paymentMethodId, name: m.name, isActive: m.isActive })),
]);
export type MethodEntry = z.infer<typeof MethodEntry>;

export const EntryList = z.preprocess(listOf, z.array(z.unknown()));

// ── Transactions ────────────────────────────────────────────────────────────────────────────────────────

const Amount = z.union([z.number().finite(), z.string().trim().min(1).max(64)]);

/** initiate: S2S `result: { pe_txnId, providerOrderId, amount, currency }`; checkout flow `{ signature, ... }`. */
export const InitiateReply = z.preprocess(
  recordOf,
  z
    .object({
      signature: Optional(Secret),
      pe_txnId: Optional(Id),
      txnId: Optional(Id),
      providerOrderId: Optional(Id),
      amount: Optional(Amount),
      currency: Optional(Short),
    })
    .transform((r) => ({
      signature: r.signature,
      txnId: r.pe_txnId ?? r.txnId,
      providerOrderId: r.providerOrderId,
      amount: r.amount,
      currency: r.currency,
    })),
);

/** process: `{ order }` at the top level or inside `result`; an order sent as JSON text is read too. */
export const ProcessReply = z.preprocess(
  recordOf,
  z.object({
    order: z.preprocess(
      (order) => {
        // Text inside a reply is not gauged with the reply: an order too deep stays text, which the schema refuses.
        if (typeof order !== 'string' || !withinJsonDepth(order)) return order;
        try {
          return JSON.parse(order) as unknown;
        } catch {
          return order;
        }
      },
      z.record(z.string(), z.unknown()),
    ),
  }),
);

/**
 * One transaction record (GET /transaction/txnId/{id} and the items of GET /transaction). Checked once per
 * record of a whole history (100,000 and more), so its optional fields are plain `.nullish()` and the one
 * transform at the end turns null into undefined: a transform per field (`Optional`) made it three times slower.
 */
export const TransactionRecord = z
  .object({
    txnId: Id.nullish(),
    pe_txnId: Id.nullish(),
    referenceNumber: Short,
    amount: Amount,
    currency: z.string().trim().min(1).max(16),
    status: z.string().max(64),
    paymentMethodName: Short.nullish(),
    paymentMethod: Short.nullish(),
    paymentMethodId: Short.nullish(),
    providerOrderId: Short.nullish(),
    providerPaymentId: Short.nullish(),
    createdAt: z.string().max(64).nullish(),
  })
  .refine((r) => (r.txnId ?? r.pe_txnId) != null, { message: 'txnId is missing' })
  .transform((r) => ({
    txnId: (r.txnId ?? r.pe_txnId) as string,
    referenceNumber: r.referenceNumber,
    amount: r.amount,
    currency: r.currency.toUpperCase(),
    status: r.status,
    method: r.paymentMethodName ?? r.paymentMethod ?? r.paymentMethodId ?? undefined,
    providerOrderId: r.providerOrderId ?? undefined,
    providerPaymentId: r.providerPaymentId ?? undefined,
    createdAt: r.createdAt ?? undefined,
  }));
export type TransactionRecord = z.infer<typeof TransactionRecord>;

/**
 * GET /transaction: `result: { items, page, limit, total, hasMore }` (S2S), the same at the top level (NPM),
 * or a plain array with no paging at all (then that one reply is every page).
 */
export const TransactionPage = z.union([
  z.array(z.unknown()).transform((items) => ({ items, paged: false as const })),
  z
    .object({
      items: z.array(z.unknown()),
      page: Optional(z.number().int()),
      limit: Optional(z.number().int().positive()),
      total: Optional(z.number().int().nonnegative()),
      hasMore: Optional(z.boolean()),
    })
    .transform((p) => ({ ...p, paged: true as const })),
]);
export type TransactionPage = z.infer<typeof TransactionPage>;

export const TransactionPageReply = z.preprocess((body) => listOf(rawRecordOf(body)), TransactionPage);
