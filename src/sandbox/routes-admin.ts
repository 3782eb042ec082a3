// The fault-injection endpoint, only routed when the sandbox starts with `--admin` / `admin: true`.
// Replies are plain JSON (not KS Pay's envelope); admin requests are never counted in stats nor hit by faults.
//
//   GET  /__admin/faults         → { faults }                       the current SandboxFaults
//   POST /__admin/faults         body Partial<SandboxFaults> → { faults }   (unknown fields: 400)
//   POST /__admin/reset          → { faults, stats }   faults back to the start options, stats to zero
//   POST /__admin/expire-tokens  body { includeRefreshTokens?: boolean } → { expired: true }
//   GET  /__admin/stats          → SandboxStats
//   GET  /__admin/transactions   ?referenceNumber= → { items: SandboxTransactionRecord[] } (the true records)
//   POST /__admin/pay            body { txnId, outcome: 'success'|'failed'|'cancelled' } → PayResult
//   POST /__admin/variant        body { variant: 's2s'|'npm' } → { variant }
//   POST /__admin/hostile        body { hostile: boolean | HostileBehaviour[] } → { hostile: HostileBehaviour[] }
import { z } from 'zod';
import { settleCheckout } from './checkout-outcome.ts';
import type { Handler } from './context.ts';
import { plain } from './context.ts';
import { FaultsPatch } from './faults.ts';
import { HostileBehaviour } from './hostile.ts';
import { HttpError, readBodyObject } from './http-io.ts';
import type { Route } from './router.ts';
import type { SandboxTransactionRecord, ShapeVariant } from './types.ts';

export interface AdminControls {
  setVariant(variant: ShapeVariant): void;
  setHostile(hostile: boolean | HostileBehaviour[]): void;
  records(): SandboxTransactionRecord[];
}

const ExpireBody = z.object({ includeRefreshTokens: z.boolean().optional() }).strict();
const PayBody = z
  .object({ txnId: z.string().min(1), outcome: z.enum(['success', 'failed', 'cancelled']) })
  .strict();
const VariantBody = z.object({ variant: z.enum(['s2s', 'npm']) }).strict();
const HostileBody = z.object({ hostile: z.union([z.boolean(), z.array(HostileBehaviour)]) }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `${where}${issue?.message ?? 'body is not valid'}`);
  }
  return parsed.data;
}

export function adminRoutes(controls: AdminControls): Route<Handler>[] {
  return [
    { method: 'GET', pattern: '/__admin/faults', handler: (ctx) => plain(200, { faults: ctx.faults.get() }) },
    {
      method: 'POST',
      pattern: '/__admin/faults',
      handler: async (ctx, { req }) => {
        ctx.faults.set(parse(FaultsPatch, await readBodyObject(req)));
        return plain(200, { faults: ctx.faults.get() });
      },
    },
    {
      method: 'POST',
      pattern: '/__admin/reset',
      handler: (ctx) => {
        ctx.faults.reset();
        ctx.stats.reset();
        return plain(200, { faults: ctx.faults.get(), stats: ctx.stats.get() });
      },
    },
    {
      method: 'POST',
      pattern: '/__admin/expire-tokens',
      handler: async (ctx, { req }) => {
        ctx.auth.expireAll(parse(ExpireBody, await readBodyObject(req)));
        return plain(200, { expired: true });
      },
    },
    { method: 'GET', pattern: '/__admin/stats', handler: (ctx) => plain(200, ctx.stats.get()) },
    {
      method: 'GET',
      pattern: '/__admin/transactions',
      handler: (_ctx, { query }) => {
        const reference = query.get('referenceNumber');
        const items = controls.records().filter((r) => reference === null || r.referenceNumber === reference);
        return plain(200, { items });
      },
    },
    {
      method: 'POST',
      pattern: '/__admin/pay',
      handler: async (ctx, { req }) => {
        const { txnId, outcome } = parse(PayBody, await readBodyObject(req));
        if (!ctx.store.get(txnId)) throw new HttpError(404, `Transaction ${txnId} was not found.`);
        return plain(200, settleCheckout(ctx.checkoutDeps, txnId, outcome));
      },
    },
    {
      method: 'POST',
      pattern: '/__admin/variant',
      handler: async (_ctx, { req }) => {
        const { variant } = parse(VariantBody, await readBodyObject(req));
        controls.setVariant(variant);
        return plain(200, { variant });
      },
    },
    {
      method: 'POST',
      pattern: '/__admin/hostile',
      handler: async (ctx, { req }) => {
        controls.setHostile(parse(HostileBody, await readBodyObject(req)).hostile);
        return plain(200, { hostile: [...ctx.hostile()] });
      },
    },
  ];
}
