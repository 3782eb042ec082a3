// The sale engine: runs the state machine's effects through KS Pay and the journal, watches open sales,
// reconciles with the server, and tells listeners about every step. Every step is on disk before it acts.
import type { ReconcileIssue, ReconcileReport, Sale, SaleTimelineEntry } from '../../shared/domain.ts';
import { isFinalSaleStatus } from '../../shared/domain.ts';
import { StartSaleInput } from '../../shared/contract.ts';
import { isReferenceOf } from '../../shared/terminal-of.ts';
import type { Clock, Logger } from '../deps.ts';
import { checkoutUrlFromOrder, parseRedirect, returnUrlFor } from '../checkout/index.ts';
import type { RedirectPaymentStatus } from '../checkout/index.ts';
import type { Journal } from '../journal/index.ts';
import type { KsPayClient, Order } from '../kspay/index.ts';
import { flagIssues, isStillPending, serverOnlyIssue, stillPendingIssue, terminalOnlyIssue } from './issues.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { awaitsServer, hasServerEvidence, mismatches, transition } from './sale-machine.ts';
import type { SaleEffect, SaleEvent, ServerRecord } from './sale-machine.ts';
import { REFERENCE_PATTERN } from './sale-ids.ts';
import type { SaleIds } from './sale-ids.ts';
import { saleErrors } from './sale-messages.ts';
import { SalesError } from './sales-error.ts';
import { certainlyRefused, findOnServer, ksPayErrorCode, reasonOf, toServerRecord } from './server-lookup.ts';
import type { Finding } from './server-lookup.ts';

export interface PollOptions {
  /** First wait after the page is shown. */
  initialMs: number;
  /** Longest wait between two checks (the wait doubles up to here). */
  maxMs: number;
  /** After this long a waiting sale becomes `unknown` and the cashier is asked to check or cancel. */
  maxTotalMs: number;
}

export interface TerminalInfo {
  referencePrefix: string;
  terminalName: string;
  cashier?: string;
}

export interface SalesEngineOptions {
  journal: Journal;
  /** Asked on every use, so new keys or a new server take effect at the next step. */
  kspay: () => KsPayClient;
  clock: Clock;
  ids: SaleIds;
  terminal: () => TerminalInfo;
  /**
   * Where the hosted page sends the customer back (a setting, read when a sale starts and when a return arrives);
   * handed to `handleRedirect`. Each sale adds its return token.
   */
  redirectUrl: () => string;
  demo: boolean;
  log: Logger;
  poll?: Partial<PollOptions>;
  /** Waits between polls; must settle (resolve or reject) when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A sale KS Pay has no record of this long after it started is failed as never received. Default 2 min. */
  notFoundGraceMs?: number;
  /** How long cancel waits to hear whether the sale was paid already. Default 5 s. */
  cancelCheckMs?: number;
  /** Non-final sales older than this are listed as still pending. Default 10 min. */
  stillPendingAfterMs?: number;
  /** How far back reconcile reads the server's list for records it does not know. Default 48 h. */
  reconcileWindowMs?: number;
  /**
   * A sale KS Pay answered for (signature, order, checkout URL) but that has no txnId is looked up by its reference
   * on every reconcile for this long after it started; later, only the list can still settle it. Read at each
   * reconcile (a setting). Default 24 h.
   */
  evidenceLookupMs?: () => number;
}

export type SaleListener = (sale: Sale) => void;

export interface SalesEngine {
  /** Resolves once the sale waits for the customer (with `checkoutUrl`), or failed, or is unknown. */
  start(input: StartSaleInput): Promise<Sale>;
  cancel(saleId: string): Promise<Sale>;
  retryVerify(saleId: string): Promise<Sale>;
  /** The sale a redirect was about, after checking it with KS Pay; null when it was refused or matched no sale. */
  handleRedirect(url: string): Promise<Sale | null>;
  /** True when `url` is a return address this terminal gave one of its sales (its token names a sale). */
  ownsRedirect(url: string): boolean;
  /** The sale the cashier screen shows: the newest one not dismissed. */
  current(): Sale | null;
  dismiss(saleId: string): void;
  /** Newest first. */
  list(limit: number): Sale[];
  /** Sales not final, oldest first. */
  pending(): Sale[];
  get(saleId: string): { sale: Sale; timeline: SaleTimelineEntry[] };
  /** Every sale, in the order they were started (folded history: see `Journal.history`). */
  all(): Sale[];
  reconcile(): Promise<ReconcileReport>;
  issues(): ReconcileIssue[];
  markReviewed(issueId: string, note: string, actor: string): Promise<void>;
  onUpdate(listener: SaleListener): () => void;
  /** On start: reads the journal (unless it was read already), picks every open sale up again and reconciles. */
  resume(): Promise<void>;
  /** Stops every poll. In-flight requests finish; nothing new starts. */
  close(): void;
}

/** A verification older than this is presumed stuck, and the poll checks the sale itself. */
const VERIFY_STUCK_MS = 30_000;

const DEFAULT_POLL: PollOptions = { initialMs: 2_000, maxMs: 15_000, maxTotalMs: 20 * 60_000 };

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function stringField(order: Order, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = order[name];
    if (typeof value === 'string' && value !== '' && value.length <= 200) return value;
  }
  return undefined;
}

export function createSalesEngine(options: SalesEngineOptions): SalesEngine {
  const { journal, kspay, clock, ids, terminal, redirectUrl, demo, log } = options;
  const poll: PollOptions = { ...DEFAULT_POLL, ...options.poll };
  const sleep = options.sleep ?? defaultSleep;
  const notFoundGraceMs = options.notFoundGraceMs ?? 2 * 60_000;
  const cancelCheckMs = options.cancelCheckMs ?? 5_000;
  const stillPendingAfterMs = options.stillPendingAfterMs ?? 10 * 60_000;
  const reconcileWindowMs = options.reconcileWindowMs ?? 48 * 3600_000;
  const evidenceLookupMs = options.evidenceLookupMs ?? (() => 24 * 3600_000);

  const locks = createKeyedLock();
  const listeners = new Set<SaleListener>();
  const watchers = new Map<string, AbortController>();
  const dismissed = new Set<string>();
  /** Signatures of sales whose process call had no clear answer: kept in memory only, for one more try. */
  const signatures = new Map<string, string>();
  /** Verifications under way, so a duplicate redirect can wait for the one already running. */
  const verifications = new Map<string, Promise<void>>();
  let references: Set<string> | null = null;
  let reconciling: Promise<ReconcileReport> | null = null;
  let closed = false;

  const nowIso = (): string => new Date(clock.now()).toISOString();

  /** A verification GET a redirect started early, taken by the verify step of the same sale and payment. */
  interface Prefetch {
    txnId: string;
    reply: ReturnType<KsPayClient['transaction']>;
  }
  const prefetched = new Map<string, Prefetch>();

  /** Sales this run changed: never taken for history settled before the start. */
  const touched = new Set<string>();

  function emit(sale: Sale): void {
    touched.add(sale.id);
    for (const listener of listeners) {
      try {
        listener(sale);
      } catch (error) {
        log.error('sales: an update listener threw', { error: String(error) });
      }
    }
  }

  function requireSale(saleId: string): Sale {
    const sale = journal.sale(saleId);
    if (!sale) throw new SalesError('not_found', 'This sale is not on this terminal. Refresh the list and pick it again.');
    return sale;
  }

  /** Applies one event under the sale's lock: journal (fsync) first, then the other effects, in order. */
  async function dispatch(saleId: string, event: SaleEvent, draft?: Sale): Promise<Sale> {
    const { sale, effects } = await locks.run(saleId, async () => {
      const current = journal.sale(saleId) ?? draft;
      if (!current) throw new SalesError('not_found', 'This sale is not on this terminal. Refresh the list and pick it again.');
      const result = transition(current, event);
      if (!result.accepted) {
        log.debug('sales: event refused', { saleId, event: event.type, status: current.status, reason: result.reason });
        return { sale: current, effects: [] as SaleEffect[] };
      }
      const rest: SaleEffect[] = [];
      for (const effect of result.effects) {
        if (effect.type !== 'journal') {
          rest.push(effect);
          continue;
        }
        await journal.append({ kind: 'sale', at: result.state.updatedAt, sale: result.state, note: effect.note });
        log.info('sales: step', { saleId, reference: result.state.reference, status: result.state.status, note: effect.note });
        emit(result.state);
      }
      return { sale: result.state, effects: rest };
    });
    for (const effect of effects) await runEffect(sale, effect);
    return journal.sale(saleId) ?? sale;
  }

  async function runEffect(sale: Sale, effect: SaleEffect): Promise<void> {
    switch (effect.type) {
      case 'journal':
        return;
      case 'initiate':
        return initiate(sale);
      case 'process':
        return processSale(sale, effect.signature);
      case 'lookup':
        return lookup(sale.id);
      case 'verify':
        return verify(sale.id, effect.txnId, effect.redirectSaid, effect.fromRedirect === true);
      case 'watch':
        watch(sale.id);
        return;
      case 'stop_watching':
        unwatch(sale.id);
        return;
    }
  }

  function client(): KsPayClient {
    return kspay();
  }

  async function initiate(sale: Sale): Promise<void> {
    let outcome: SaleEvent;
    try {
      const result = await client().initiate({
        currencyId: sale.currencyId,
        paymentMethodId: sale.methodId,
        amountMinor: sale.amountMinor,
        currency: sale.currency,
        referenceNumber: sale.reference,
        redirectUrl: sale.returnToken !== undefined ? returnUrlFor(redirectUrl(), sale.returnToken) : redirectUrl(),
      });
      outcome = {
        type: 'initiated',
        at: nowIso(),
        signature: result.signature,
        ...(result.txnId !== undefined ? { txnId: result.txnId } : {}),
        ...(result.providerOrderId !== undefined ? { providerOrderId: result.providerOrderId } : {}),
      };
    } catch (error) {
      log.warn('sales: initiate failed', { saleId: sale.id, code: ksPayErrorCode(error) ?? 'other' });
      outcome = certainlyRefused(error)
        ? { type: 'initiate_refused', at: nowIso(), error: saleErrors.refused(reasonOf(error)) }
        : { type: 'initiate_uncertain', at: nowIso(), error: saleErrors.uncertain(reasonOf(error)) };
    }
    await dispatch(sale.id, outcome);
  }

  async function processSale(sale: Sale, signature: string): Promise<void> {
    let outcome: SaleEvent;
    signatures.delete(sale.id);
    try {
      const { order } = await client().process(signature);
      const checkoutUrl = checkoutUrlFromOrder(order);
      const txnId = stringField(order, 'pe_txnId', 'txnId');
      const providerOrderId = stringField(order, 'providerOrderId');
      outcome =
        checkoutUrl === null
          ? { type: 'process_refused', at: nowIso(), error: saleErrors.noCheckoutUrl() }
          : {
              type: 'processed',
              at: nowIso(),
              checkoutUrl,
              ...(txnId !== undefined ? { txnId } : {}),
              ...(providerOrderId !== undefined ? { providerOrderId } : {}),
            };
    } catch (error) {
      log.warn('sales: process failed', { saleId: sale.id, code: ksPayErrorCode(error) ?? 'other' });
      if (certainlyRefused(error)) {
        outcome = { type: 'process_refused', at: nowIso(), error: saleErrors.processRefused(reasonOf(error)) };
      } else {
        outcome = { type: 'process_uncertain', at: nowIso(), error: saleErrors.uncertain(reasonOf(error)) };
        // Only a sale that reached this point in this run may ask once more, after the look-up.
        if (sale.checkoutUrl === undefined) signatures.set(sale.id, signature);
      }
    }
    await dispatch(sale.id, outcome);
  }

  async function find(sale: Sale, signal?: AbortSignal): Promise<Finding> {
    let api: KsPayClient;
    try {
      api = client();
    } catch (error) {
      return { kind: 'failed', error };
    }
    const finding = await findOnServer(api, sale, signal);
    if (finding.kind === 'failed') log.warn('sales: look-up failed', { saleId: sale.id, code: ksPayErrorCode(finding.error) ?? 'other' });
    return finding;
  }

  function findingEvent(sale: Sale, finding: Finding): SaleEvent {
    const at = nowIso();
    switch (finding.kind) {
      case 'found':
        return { type: 'server_record', at, record: finding.record };
      case 'absent':
        return { type: 'not_found', at, giveUp: clock.now() - Date.parse(sale.createdAt) >= notFoundGraceMs };
      case 'failed':
        return { type: 'check_failed', at, error: saleErrors.unreachable(reasonOf(finding.error)) };
    }
  }

  async function lookup(saleId: string): Promise<void> {
    const sale = requireSale(saleId);
    const after = await dispatch(saleId, findingEvent(sale, await find(sale)));
    // The payment is open on KS Pay but its page never arrived: ask once more with the signature still in memory.
    const signature = signatures.get(saleId);
    if (signature === undefined || after.status === 'processing') return;
    if (after.status === 'unknown' && after.txnId !== undefined && after.checkoutUrl === undefined && after.error?.code === 'payment_page_lost') {
      signatures.delete(saleId);
      await dispatch(saleId, { type: 'retry_process', at: nowIso(), signature });
    } else if (!awaitsServer(after)) {
      signatures.delete(saleId);
    }
  }

  function verify(saleId: string, txnId: string, redirectSaid: RedirectPaymentStatus | undefined, fromRedirect: boolean): Promise<void> {
    const running = verifyOnce(saleId, txnId, redirectSaid, fromRedirect).finally(() => {
      if (verifications.get(saleId) === running) verifications.delete(saleId);
    });
    verifications.set(saleId, running);
    return running;
  }

  async function verifyOnce(saleId: string, txnId: string, redirectSaid: RedirectPaymentStatus | undefined, fromRedirect: boolean): Promise<void> {
    let event: SaleEvent;
    try {
      const early = prefetched.get(saleId);
      if (early?.txnId === txnId) prefetched.delete(saleId);
      const reply = early?.txnId === txnId ? await early.reply : await client().transaction(txnId);
      const record: ServerRecord = toServerRecord(reply);
      const sale = journal.sale(saleId);
      if (fromRedirect && sale) {
        const mismatch = mismatches(sale, record);
        if (mismatch) log.warn('sales: a return from the payment page named a payment that is not this sale\'s; ignored', { saleId, kspayId: txnId, flags: mismatch.flags.join(',') });
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

  function watch(saleId: string): void {
    if (closed || watchers.has(saleId)) return;
    const controller = new AbortController();
    watchers.set(saleId, controller);
    void pollLoop(saleId, controller.signal)
      .catch((error: unknown) => log.error('sales: status polling stopped on an error', { saleId, error: String(error) }))
      .finally(() => {
        if (watchers.get(saleId) === controller) watchers.delete(saleId);
      });
  }

  function unwatch(saleId: string): void {
    watchers.get(saleId)?.abort();
    watchers.delete(saleId);
  }

  /** Checks with back-off until the server settles the sale, the time budget runs out, or the watch is stopped. */
  async function pollLoop(saleId: string, signal: AbortSignal): Promise<void> {
    const started = clock.now();
    let wait = poll.initialMs;
    while (!signal.aborted) {
      await sleep(wait, signal).catch(() => undefined);
      if (signal.aborted) return;
      const sale = journal.sale(saleId);
      if (!sale || !awaitsServer(sale)) return;
      // A sale being verified right now is left to that check, unless the check seems stuck.
      if (sale.status === 'verifying' && clock.now() - Date.parse(sale.updatedAt) < VERIFY_STUCK_MS) continue;
      const finding = await find(sale, signal);
      if (signal.aborted) return;
      if (finding.kind !== 'failed') await dispatch(saleId, findingEvent(sale, finding));
      if (clock.now() - started >= poll.maxTotalMs) {
        await dispatch(saleId, { type: 'polling_stopped', at: nowIso() });
        return;
      }
      wait = Math.min(wait * 2, poll.maxMs);
    }
  }

  function knownReferences(): Set<string> {
    references ??= new Set(journal.sales().map((sale) => sale.reference));
    return references;
  }

  function newReference(prefix: string): string {
    const reference = ids.reference(prefix);
    if (!REFERENCE_PATTERN.test(reference) || !reference.startsWith(prefix)) {
      throw new SalesError('invalid', `The reference number "${reference}" does not fit KS Pay's rules. Check the reference prefix in Settings.`);
    }
    if (knownReferences().has(reference)) {
      throw new SalesError('invalid', 'A reference number came out twice, so the sale was not started. Start it again.');
    }
    return reference;
  }

  async function start(input: StartSaleInput): Promise<Sale> {
    const parsed = StartSaleInput.safeParse(input);
    if (!parsed.success) {
      throw new SalesError('invalid', `The sale was not started: ${parsed.error.issues[0]?.message ?? 'its details are not valid'}. Check the amount, currency and payment method.`);
    }
    const { currency, currencyId, methodId, amountMinor, note, methodName } = parsed.data;
    const info = terminal();
    const at = nowIso();
    const draft: Sale = {
      id: ids.saleId(),
      reference: newReference(info.referencePrefix),
      amountMinor,
      currency,
      currencyId,
      methodId,
      methodName: methodName ?? methodId,
      ...(note ? { note } : {}),
      returnToken: ids.returnToken(),
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      ...(info.cashier ? { cashier: info.cashier } : {}),
      flags: [],
      reviewed: false,
      demo,
    };
    knownReferences().add(draft.reference);
    try {
      return await dispatch(draft.id, { type: 'start', at }, draft);
    } catch (error) {
      if (journal.sale(draft.id) === undefined) {
        throw new SalesError('not_saved', `The sale could not be saved, so nothing was sent to KS Pay and nothing was charged. ${reasonOf(error)}`, { cause: error });
      }
      throw new SalesError('not_saved', `A step of this sale could not be saved. ${reasonOf(error)} Restart the app; it will check the sale with KS Pay.`, { cause: error });
    }
  }

  async function cancel(saleId: string): Promise<Sale> {
    const sale = requireSale(saleId);
    if (sale.status === 'initiating' || sale.status === 'processing') {
      throw new SalesError('busy', 'The payment is still being set up. Wait a moment, then cancel.');
    }
    if (!['awaiting_payment', 'verifying', 'unknown'].includes(sale.status)) return sale;
    // Never cancel what the server already reports paid: look first, briefly.
    const finding = await find(sale, AbortSignal.timeout(cancelCheckMs));
    if (finding.kind === 'found') {
      const checked = await dispatch(saleId, { type: 'server_record', at: nowIso(), record: finding.record });
      if (!['awaiting_payment', 'verifying', 'unknown'].includes(checked.status)) return checked;
    }
    return dispatch(saleId, { type: 'cancel', at: nowIso() });
  }

  function saleWithToken(returnToken: string): Sale | undefined {
    return journal.sales().find((sale) => sale.returnToken === returnToken);
  }

  /** A return without a token can only be about a sale started before sales had one. */
  function tokenlessTarget(kspayId: string): Sale | undefined {
    const legacy = journal.sales().filter((sale) => sale.returnToken === undefined);
    const byId = legacy.find((sale) => sale.txnId === kspayId);
    if (byId) return byId;
    // A sale whose initiate gave no txnId can only be matched by the record's reference, after the look-up.
    const waiting = legacy.filter((sale) => sale.txnId === undefined && (sale.status === 'awaiting_payment' || sale.status === 'unknown'));
    return waiting.length === 1 ? waiting[0] : undefined;
  }

  async function handleRedirect(url: string): Promise<Sale | null> {
    const parsed = parseRedirect(url, redirectUrl());
    if (!parsed.ok) {
      log.warn('sales: redirect ignored', { refusal: parsed.refusal });
      return null;
    }
    const { kspayId, paymentStatus, returnToken } = parsed.redirect;
    const target = returnToken !== undefined ? saleWithToken(returnToken) : tokenlessTarget(kspayId);
    if (!target) {
      log.warn('sales: redirect names no sale of this terminal', { kspayId, withToken: returnToken !== undefined });
      return null;
    }
    // The check's GET goes out now, beside the journal write of the redirect rather than after it. Safe, as
    // the order that matters is kept: the GET is a read with no effect on KS Pay, and its answer is only
    // applied (journalled, then shown) by the verify step, which runs after the redirect's record is on disk
    // (dispatch journals under the sale's lock first). A crash before that record is written loses only a
    // read; the customer's return is then picked up by the poll or the next reconcile, as before.
    let early: Prefetch | undefined;
    if (!isFinalSaleStatus(target.status) && (target.txnId === undefined || target.txnId === kspayId)) {
      const reply = client().transaction(kspayId);
      reply.catch(() => undefined);
      early = { txnId: kspayId, reply };
      prefetched.set(target.id, early);
    }
    const after = await dispatch(target.id, { type: 'redirect', at: nowIso(), kspayId, paymentStatus });
    // Not used (the redirect was refused, or a verification already ran): drop it.
    if (early && prefetched.get(target.id) === early) prefetched.delete(target.id);
    // A duplicate arrives while the first is being checked: answer with that check's outcome.
    const running = verifications.get(target.id);
    if (after.status === 'verifying' && running) await running.catch(() => undefined);
    return journal.sale(target.id) ?? after;
  }

  function reviewedIds(): Set<string> {
    return new Set(journal.records('review').map((record) => record.issueId));
  }

  function issues(): ReconcileIssue[] {
    const reviewed = reviewedIds();
    const now = clock.now();
    const out: ReconcileIssue[] = [];
    for (const sale of journal.sales()) {
      out.push(...flagIssues(sale, reviewed));
      if (isStillPending(sale, now, stillPendingAfterMs)) out.push(stillPendingIssue(sale, reviewed));
    }
    const recorded = new Map<string, ReconcileIssue>();
    for (const { issue } of journal.records('issue')) recorded.set(issue.id, { ...issue, reviewed: reviewed.has(issue.id) });
    return [...out, ...recorded.values()];
  }

  async function recordIssue(issue: ReconcileIssue): Promise<void> {
    if (journal.records('issue').some((record) => record.issue.id === issue.id)) return;
    await journal.append({ kind: 'issue', issue });
  }

  /**
   * What reconcile learns of one open sale. Absence from the list proves nothing (it may lag or be cut short): a
   * sale it does not show is looked up by its own txnId or reference. A sale KS Pay answered for is looked up so
   * for `evidenceLookupMs`; after that only the list can settle it (null: nothing learnt, nothing concluded).
   */
  async function reconcileFinding(sale: Sale, listedRecord: ServerRecord | undefined, listRead: boolean): Promise<Finding | null> {
    if (listedRecord) return { kind: 'found', record: listedRecord };
    const pastLookups = hasServerEvidence(sale) && clock.now() - Date.parse(sale.createdAt) >= evidenceLookupMs();
    if (sale.txnId === undefined && listRead && pastLookups) return null;
    return find(sale);
  }

  async function runReconcile(): Promise<ReconcileReport> {
    const now = clock.now();
    const all = journal.sales();
    const open = all.filter(awaitsServer);
    const oldestOpen = open.reduce((min, sale) => Math.min(min, Date.parse(sale.createdAt)), now);
    const from = Math.min(now - reconcileWindowMs, oldestOpen);
    let listed: ServerRecord[] | null = null;
    try {
      listed = (await client().transactions({ from: new Date(from).toISOString() })).map(toServerRecord);
    } catch (error) {
      log.warn('sales: reconcile could not list transactions', { code: ksPayErrorCode(error) ?? 'other' });
    }
    const byReference = new Map<string, ServerRecord>();
    for (const record of listed ?? []) {
      const seen = byReference.get(record.referenceNumber);
      if (seen) log.error('sales: two server transactions share one reference', { reference: record.referenceNumber });
      if (!seen || record.status === 'succeeded') byReference.set(record.referenceNumber, record);
    }

    let settled = 0;
    for (const sale of open) {
      const finding = await reconcileFinding(sale, byReference.get(sale.reference), listed !== null);
      if (finding === null) continue;
      const after = await dispatch(sale.id, findingEvent(sale, finding));
      if (!awaitsServer(after)) settled += 1;
      else if (after.status === 'awaiting_payment' || after.status === 'cancelled') watch(after.id);
    }

    if (listed !== null) {
      // A prefix may hold dashes, so `POS-` also starts `POS-TILL3-…`, another terminal's: `isReferenceOf` tells.
      const ownPrefix = terminal().referencePrefix;
      const known = new Set(all.map((sale) => sale.reference));
      for (const record of listed) {
        if (isReferenceOf(record.referenceNumber, ownPrefix) && !known.has(record.referenceNumber)) await recordIssue(serverOnlyIssue(record));
      }
      // Only sales well inside the listed window: near its edge a clock difference could hide a record.
      const safeFrom = from + 3600_000;
      for (const sale of all) {
        if (sale.status === 'succeeded' && Date.parse(sale.createdAt) >= safeFrom && !byReference.has(sale.reference)) {
          await recordIssue(terminalOnlyIssue(sale));
        }
      }
    }

    const stillPending = open.filter((sale) => {
      const latest = journal.sale(sale.id);
      return latest !== undefined && awaitsServer(latest);
    }).length;
    return { at: nowIso(), checked: open.length, settled, stillPending, issues: issues() };
  }

  return {
    start,
    cancel,
    async retryVerify(saleId) {
      requireSale(saleId);
      return dispatch(saleId, { type: 'check_requested', at: nowIso() });
    },
    handleRedirect,
    ownsRedirect(url) {
      const parsed = parseRedirect(url, redirectUrl());
      return parsed.ok && parsed.redirect.returnToken !== undefined && saleWithToken(parsed.redirect.returnToken) !== undefined;
    },
    current() {
      const sales = journal.sales();
      for (let i = sales.length - 1; i >= 0; i--) {
        const sale = sales[i];
        if (sale && !dismissed.has(sale.id)) return sale;
      }
      return null;
    },
    dismiss(saleId) {
      requireSale(saleId);
      dismissed.add(saleId);
    },
    list(limit) {
      return journal.sales().slice(-Math.max(0, limit)).reverse();
    },
    pending() {
      return journal.sales().filter((sale) => !isFinalSaleStatus(sale.status));
    },
    get(saleId) {
      return { sale: requireSale(saleId), timeline: journal.timeline(saleId) };
    },
    all: () => journal.sales(),
    reconcile() {
      // One reconcile at a time: a second caller shares the running one.
      reconciling ??= runReconcile().finally(() => {
        reconciling = null;
      });
      return reconciling;
    },
    issues,
    async markReviewed(issueId, note, actor) {
      const issue = issues().find((candidate) => candidate.id === issueId);
      if (!issue) throw new SalesError('not_found', 'This issue is not on the list any more. Run reconcile again to refresh it.');
      await journal.append({ kind: 'review', issueId, note, actor });
      const { saleId } = issue;
      if (saleId === undefined) return;
      // The sale counts as reviewed once every issue of it is.
      const open = issues().filter((candidate) => candidate.saleId === saleId && !candidate.reviewed);
      if (open.length > 0) return;
      await locks.run(saleId, async () => {
        const sale = journal.sale(saleId);
        if (!sale || sale.reviewed) return;
        const reviewed: Sale = { ...sale, reviewed: true, updatedAt: nowIso() };
        await journal.append({ kind: 'sale', at: reviewed.updatedAt, sale: reviewed, note: `Reviewed by ${actor}${note ? `: ${note}` : ''}` });
        emit(reviewed);
      });
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async resume() {
      // The composition root may have read the journal already, to serve lists at once; no need twice.
      if (!journal.replayed()) await journal.replay();
      references = null;
      const sales = journal.sales();
      // Sales settled before this start are not shown again on the cashier screen.
      for (const sale of sales) if (isFinalSaleStatus(sale.status)) dismissed.add(sale.id);
      // The folded days' settled sales arrive later (journal.history()); they were settled before this start too.
      const known = new Set(sales.map((sale) => sale.id));
      void journal.history().then(() => {
        references = null;
        for (const sale of journal.sales())
          if (!known.has(sale.id) && isFinalSaleStatus(sale.status) && !touched.has(sale.id)) dismissed.add(sale.id);
      });
      for (const sale of sales) {
        if (!awaitsServer(sale)) continue;
        try {
          await dispatch(sale.id, { type: 'resume', at: nowIso() });
        } catch (error) {
          log.error('sales: could not resume a sale', { saleId: sale.id, error: String(error) });
        }
      }
      await this.reconcile();
    },
    close() {
      closed = true;
      for (const controller of watchers.values()) controller.abort();
      watchers.clear();
    },
  };
}
