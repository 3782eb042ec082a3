// The customer's return from the payment page: which sale it is about, and the check with KS Pay that alone
// settles it (a redirect's own word is never enough). A duplicate return waits for the check already running.
import type { Sale } from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import { parseRedirect } from '../checkout/index.ts';
import type { RedirectPaymentStatus } from '../checkout/index.ts';
import type { KsPayClient } from '../kspay/index.ts';
import type { EngineContext } from './engine-context.ts';
import { mismatches } from './sale-machine.ts';
import type { SaleEvent, ServerRecord } from './sale-machine.ts';
import { saleErrors } from './sale-messages.ts';
import { ksPayErrorCode, reasonOf, toServerRecord } from './server-lookup.ts';

export interface RedirectVerifier {
  /** The sale a redirect was about, after checking it with KS Pay; null when it was refused or matched no sale. */
  handleRedirect(url: string): Promise<Sale | null>;
  /** True when `url` is a return address this terminal gave one of its sales (its token names a sale). */
  ownsRedirect(url: string): boolean;
  /** The `verify` effect: reads the payment `txnId` names on KS Pay and applies what it says. */
  verify(
    saleId: string,
    txnId: string,
    redirectSaid: RedirectPaymentStatus | undefined,
    fromRedirect: boolean,
  ): Promise<void>;
}

/** A verification GET a redirect started early, taken by the verify step of the same sale and payment. */
interface Prefetch {
  txnId: string;
  reply: ReturnType<KsPayClient['transaction']>;
}

/**
 * Resolves once a request started just now has gone out on its socket. The client's token check is a promise
 * step, then fetch (undici) holds a request for an idle keep-alive socket until a setImmediate of its own has
 * seen the socket still open; a second turn of the event loop comes after that. Only a matter of speed: work
 * started before then (the redirect's journal record, checked and serialised) would make the GET wait for it.
 */
function requestLeaves(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

export function createRedirectVerifier(ctx: EngineContext): RedirectVerifier {
  const { journal, redirectUrl, log } = ctx.settings;
  const { dispatch, nowIso } = ctx;
  /** Verifications under way, so a duplicate redirect can wait for the one already running. */
  const verifications = new Map<string, Promise<void>>();
  const prefetched = new Map<string, Prefetch>();

  function saleWithToken(returnToken: string): Sale | undefined {
    return journal.sales().find((sale) => sale.returnToken === returnToken);
  }

  async function handleRedirect(url: string): Promise<Sale | null> {
    const parsed = parseRedirect(url, redirectUrl());
    if (!parsed.ok) {
      log.warn('sales: redirect ignored', { refusal: parsed.refusal });
      return null;
    }
    const { kspayId, paymentStatus, returnToken } = parsed.redirect;
    // Only the sale's own token names a sale: a return without one moves nothing (the poll still finds the payment).
    const target = returnToken !== undefined ? saleWithToken(returnToken) : undefined;
    if (!target) {
      log.warn('sales: redirect names no sale of this terminal', {
        kspayId,
        withToken: returnToken !== undefined,
      });
      return null;
    }
    // The check's GET goes out now, beside the journal write of the redirect rather than after it. Safe, as
    // the order that matters is kept: the GET is a read with no effect on KS Pay, and its answer is only
    // applied (journalled, then shown) by the verify step, which runs after the redirect's record is on disk
    // (dispatch journals under the sale's lock first). A crash before that record is written loses only a
    // read; the customer's return is then picked up by the poll or the next reconcile, like any return the terminal missed.
    let early: Prefetch | undefined;
    if (!isFinalSaleStatus(target.status) && (target.txnId === undefined || target.txnId === kspayId)) {
      const reply = ctx.client().transaction(kspayId);
      reply.catch(() => undefined);
      early = { txnId: kspayId, reply };
      prefetched.set(target.id, early);
      await requestLeaves();
    }
    const after = await dispatch(target.id, { type: 'redirect', at: nowIso(), kspayId, paymentStatus });
    // Not used (the redirect was refused, or a verification already ran): drop it.
    if (early && prefetched.get(target.id) === early) prefetched.delete(target.id);
    // A duplicate arrives while the first is being checked: answer with that check's outcome.
    const running = verifications.get(target.id);
    if (after.status === 'verifying' && running) await running.catch(() => undefined);
    return journal.sale(target.id) ?? after;
  }

  function verify(
    saleId: string,
    txnId: string,
    redirectSaid: RedirectPaymentStatus | undefined,
    fromRedirect: boolean,
  ): Promise<void> {
    const running = verifyOnce(saleId, txnId, redirectSaid, fromRedirect).finally(() => {
      if (verifications.get(saleId) === running) verifications.delete(saleId);
    });
    verifications.set(saleId, running);
    return running;
  }

  async function verifyOnce(
    saleId: string,
    txnId: string,
    redirectSaid: RedirectPaymentStatus | undefined,
    fromRedirect: boolean,
  ): Promise<void> {
    let event: SaleEvent;
    try {
      const early = prefetched.get(saleId);
      if (early?.txnId === txnId) prefetched.delete(saleId);
      const reply = early?.txnId === txnId ? await early.reply : await ctx.client().transaction(txnId);
      const record: ServerRecord = toServerRecord(reply);
      const sale = journal.sale(saleId);
      if (fromRedirect && sale) {
        const mismatch = mismatches(sale, record);
        if (mismatch)
          log.warn("sales: a return from the payment page named a payment that is not this sale's; ignored", {
            saleId,
            kspayId: txnId,
            flags: mismatch.flags.join(','),
          });
      }
      event = {
        type: 'server_record',
        at: nowIso(),
        record,
        ...(redirectSaid !== undefined ? { redirectSaid } : {}),
        ...(fromRedirect ? { fromRedirect } : {}),
      };
    } catch (error) {
      const message =
        ksPayErrorCode(error) === 'not_found'
          ? 'KS Pay does not know the payment the payment page named.'
          : reasonOf(error);
      event = { type: 'check_failed', at: nowIso(), error: saleErrors.unreachable(message) };
    }
    await dispatch(saleId, event);
  }

  return {
    handleRedirect,
    ownsRedirect(url) {
      const parsed = parseRedirect(url, redirectUrl());
      return (
        parsed.ok &&
        parsed.redirect.returnToken !== undefined &&
        saleWithToken(parsed.redirect.returnToken) !== undefined
      );
    },
    verify,
  };
}
