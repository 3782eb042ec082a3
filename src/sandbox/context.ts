// What every route handler gets: the sandbox's services, and the reply type handlers return to the server.
import type { Clock } from '../shared/clock-and-logger.ts';
import type { AuthService } from './auth.ts';
import type { CheckoutOutcomeDeps } from './checkout-outcome.ts';
import { listEnvelope, successBody } from './envelope.ts';
import type { FaultState } from './faults.ts';
import type { HostileSet } from './hostile.ts';
import type { JsonList } from './http-io.ts';
import { hostileMessage } from './hostile.ts';
import type { RouteContext } from './router.ts';
import type { StatsRecorder } from './stats.ts';
import type { TransactionStore } from './transactions.ts';
import type { ListPaging, SandboxCredentials, ShapeVariant } from './types.ts';

export interface SandboxContext {
  clock: Clock;
  auth: AuthService;
  store: TransactionStore;
  faults: FaultState;
  stats: StatsRecorder;
  credentials: SandboxCredentials;
  merchantName: string;
  checkoutTtlSec: number;
  variant(): ShapeVariant;
  paging(): ListPaging;
  hostile(): HostileSet;
  /** http://127.0.0.1:PORT, known once the server listens. */
  baseUrl(): string;
  checkoutDeps: CheckoutOutcomeDeps;
}

/** Handlers return what to send; the server sends it (or, under a fault, does not). */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** A JSON array written item by item, never held whole as text (http-io.ts `sendJsonList`). */
  | ({ kind: 'json-list' } & JsonList)
  | { kind: 'html'; status: number; html: string }
  | { kind: 'redirect'; location: string };

export type Handler = (ctx: SandboxContext, route: RouteContext) => Promise<Reply> | Reply;

/**
 * A success reply in the current shape variant (envelope.ts). `mayBeHuge` marks the replies whose message the
 * huge-strings hostile behaviour inflates (process and the transaction records).
 */
export function ok(ctx: SandboxContext, status: 200 | 201, result: unknown, mayBeHuge = false): Reply {
  const body = successBody(ctx.variant(), status, result);
  const message = mayBeHuge ? hostileMessage(ctx.hostile()) : undefined;
  if (message !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    return { kind: 'json', status, body: { ...body, message } };
  }
  return { kind: 'json', status, body };
}

/** A success reply whose result is `items`, each shown by `render` as it is written, in the current shape variant. */
export function okList<T>(ctx: SandboxContext, items: readonly T[], render: (item: T) => unknown): Reply {
  const { open, close } = listEnvelope(ctx.variant(), 200, hostileMessage(ctx.hostile()));
  const item = (index: number): unknown => {
    const found = items[index];
    return found === undefined ? null : render(found);
  };
  return { kind: 'json-list', status: 200, open, close, count: items.length, item };
}

/** A plain JSON reply, for the admin endpoint (not KS Pay's envelope). */
export function plain(status: number, body: unknown): Reply {
  return { kind: 'json', status, body };
}
