// The KS Pay client: the guide's endpoints over http.ts, with tokens, signatures and normalised replies.
import { silentLogger, systemClock } from '../deps.ts';
import type { Currency, PaymentMethod } from '../../shared/domain.ts';
import { untilAborted, defaultSleep } from './abortable.ts';
import { amountLiteral, jsonWithDecimals } from './amounts.ts';
import { KsPayError, messages } from './errors.ts';
import { createClientAuth, JSON_HEADERS, parseReply } from './client-auth.ts';
import { createHttp } from './http.ts';
import type { Deadline } from './http.ts';
import { checkEcho, createAppSignatureBook } from './initiate-checks.ts';
import { readTransactionList } from './list-stream.ts';
import type { ListReplySummary } from './list-stream.ts';
import { normaliseCurrencies, normaliseMethods, normaliseTransaction } from './normalise.ts';
import { createRedactingLogger, createSecretRegistry } from './redact.ts';
import { EntryList, InitiateReply, ProcessReply, rawRecordOf } from './schemas.ts';
import type {
  InitiateInput,
  InitiateResult,
  KsPayClient,
  KsPayClientOptions,
  Order,
  Transaction,
  TransactionsQuery,
} from './types.ts';

const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * One listing, all its pages, first byte to last: the bench lists 500,000 unpaged records in 14 s on a quiet machine
 * and 75 s on a loaded one, so 1,000,000 (the most a listing keeps) takes up to about 150 s; twice that.
 */
const DEFAULT_LIST_DEADLINE_MS = 5 * 60_000;
/** Used when the access token is not a JWT with `exp`; the guide only says it is "short-lived". */
const DEFAULT_TOKEN_TTL_MS = 5 * 60_000;
const DEFAULT_GET_ATTEMPTS = 3;
const DEFAULT_PAGE_SIZE = 200;
/** A server that never stops paging is cut off here (400,000 transactions at the default page size). */
const DEFAULT_MAX_PAGES = 2_000;
/** Records one listing keeps, paged or not: twice the 500,000 the bench lists (about 330 MB held, measured). */
const DEFAULT_MAX_LIST_RECORDS = 1_000_000;

export function createKsPayClient(options: KsPayClientOptions): KsPayClient {
  const secrets = createSecretRegistry();
  const log = createRedactingLogger(options.log ?? silentLogger, secrets);
  const clock = options.clock ?? systemClock;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxListRecords = options.maxListRecords ?? DEFAULT_MAX_LIST_RECORDS;
  const listDeadlineMs = options.listDeadlineMs ?? DEFAULT_LIST_DEADLINE_MS;
  const appId = options.appId.trim();
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    streamDeadlineMs: listDeadlineMs,
    clock,
    log,
    secrets,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    maxGetAttempts: options.maxGetAttempts ?? DEFAULT_GET_ATTEMPTS,
  });

  const { tokens, withToken, authorised, generateSignature } = createClientAuth({
    appId,
    credentials: options.credentials,
    http,
    secrets,
    log,
    clock,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
  });

  let currenciesInFlight: Promise<Currency[]> | undefined;
  const appSignatures = createAppSignatureBook();

  async function fetchCurrencies(): Promise<Currency[]> {
    const reply = await withToken(
      { method: 'GET', path: '/currencies', route: 'GET /currencies' },
      undefined,
    );
    return normaliseCurrencies(parseReply(EntryList, reply, 'the currency list is missing'), log);
  }

  /**
   * One page, or the whole list from a server that does not page, read as it arrives: each record is normalised
   * the moment it is complete, so memory holds Transactions, never the reply's text. A record the terminal cannot
   * read refuses the whole list, with the record's place in the log: a list with a hole in it would under-count
   * the day and hide a sale from reconcile.
   */
  function fetchPage(
    query: TransactionsQuery,
    page: number,
    signal: AbortSignal | undefined,
    keep: number,
    deadline: Deadline,
  ): Promise<{ summary: ListReplySummary; transactions: Transaction[] }> {
    const params = new URLSearchParams({ page: String(page), limit: String(pageSize) });
    if (query.from !== undefined) params.set('from', query.from);
    if (query.to !== undefined) params.set('to', query.to);
    if (query.referenceNumber !== undefined) params.set('referenceNumber', query.referenceNumber);
    const request = {
      method: 'GET',
      path: `/transaction?${params.toString()}`,
      route: 'GET /transaction',
    } as const;
    return authorised(request, signal, (sending) =>
      http.stream(
        sending,
        async (chunks, stopped) => {
          // Afresh on every try, so a retried reply never adds to one that broke off.
          const transactions: Transaction[] = [];
          const summary = await readTransactionList(
            chunks,
            (record, index) => {
              try {
                transactions.push(normaliseTransaction(record));
              } catch (error) {
                log.warn('KS Pay listed a transaction the terminal cannot read; the list is refused', {
                  page,
                  index,
                });
                throw error;
              }
            },
            keep,
            stopped,
          );
          return { summary, transactions };
        },
        deadline,
      ),
    );
  }

  return {
    currencies(signal) {
      // Every caller shares one request; each may still stop waiting through its own signal.
      currenciesInFlight ??= fetchCurrencies().finally(() => {
        currenciesInFlight = undefined;
      });
      return untilAborted(currenciesInFlight, signal);
    },

    async paymentMethods(currencyId, signal): Promise<PaymentMethod[]> {
      const reply = await withToken(
        {
          method: 'GET',
          path: `/${encodeURIComponent(currencyId)}/payment-methods`,
          route: 'GET /:currencyId/payment-methods',
        },
        signal,
      );
      return normaliseMethods(parseReply(EntryList, reply, 'the payment method list is missing'), log);
    },

    async initiate(input: InitiateInput, signal): Promise<InitiateResult> {
      let amount;
      try {
        amount = amountLiteral(input.amountMinor, input.currency);
      } catch (error) {
        throw new KsPayError(
          'invalid',
          messages.invalid('the amount or currency is not valid for a payment'),
          { cause: error },
        );
      }
      const body = jsonWithDecimals([
        ['currencyId', input.currencyId],
        ['paymentMethodId', input.paymentMethodId],
        ['amount', amount],
        ['referenceNumber', input.referenceNumber],
        ['appId', appId],
        ['redirectUrl', input.redirectUrl],
      ]);
      // Checkout flow: Bearer token, appId and redirectUrl in the body, so KS Pay sends the customer back to
      // an address the terminal catches (docs/architecture.md, "KS Pay").
      const reply = await withToken(
        {
          method: 'POST',
          path: '/transaction/initiate',
          route: 'POST /transaction/initiate',
          headers: JSON_HEADERS,
          body,
        },
        signal,
      );
      const result = parseReply(InitiateReply, reply, 'the initiate reply has an unknown shape');
      if (result.signature !== undefined) secrets.add(result.signature);
      checkEcho(result, input);
      // The S2S flow's initiate carries no signature: the generate-signature endpoint gives one. Such a signature
      // belongs to the app, not the transaction, so process must name the transaction too.
      let signature = result.signature;
      if (signature === undefined) {
        signature = await generateSignature(signal);
        secrets.add(signature);
        if (result.txnId !== undefined) appSignatures.remember(signature, result.txnId);
      }
      log.info('KS Pay transaction initiated', {
        referenceNumber: input.referenceNumber,
        txnId: result.txnId,
      });
      return {
        signature,
        ...(result.txnId === undefined ? {} : { txnId: result.txnId }),
        ...(result.providerOrderId === undefined ? {} : { providerOrderId: result.providerOrderId }),
      };
    },

    async process(signature, signal): Promise<{ order: Order }> {
      secrets.add(signature);
      const txnId = appSignatures.txnOf(signature);
      const reply = await http.send({
        method: 'POST',
        path: '/transaction/process',
        route: 'POST /transaction/process',
        headers: { ...JSON_HEADERS, 'x-signature': signature },
        body: JSON.stringify(txnId === undefined ? {} : { pe_txnId: txnId }),
        ...(signal ? { signal } : {}),
      });
      return { order: parseReply(ProcessReply, reply, 'the process reply has no order').order };
    },

    async transaction(txnId, signal): Promise<Transaction> {
      const reply = await withToken(
        {
          method: 'GET',
          path: `/transaction/txnId/${encodeURIComponent(txnId)}`,
          route: 'GET /transaction/txnId/:id',
        },
        signal,
      );
      return normaliseTransaction(rawRecordOf(reply.body));
    },

    async transactions(query = {}, signal, onPage, onCut): Promise<Transaction[]> {
      const byId = new Map<string, Transaction>();
      // One deadline for the whole listing, so a server that sends each page slowly cannot hold it for ever either.
      const deadline: Deadline = { at: performance.now() + listDeadlineMs, ms: listDeadlineMs };
      for (let page = 1; ; page += 1) {
        if (page > maxPages) {
          throw new KsPayError(
            'bad_response',
            messages.badResponse(`the transaction list did not end after ${maxPages} pages`),
          );
        }
        const { summary: reply, transactions } = await fetchPage(
          query,
          page,
          signal,
          maxListRecords - byId.size,
          deadline,
        );
        const before = byId.size;
        // Newest first with offset paging: a sale made while we read shifts an item onto the next page too.
        for (const transaction of transactions) byId.set(transaction.txnId, transaction);
        await onPage?.(transactions);
        if (reply.cut === 'records') {
          log.warn('KS Pay listed more transactions than a listing keeps; the rest were not read', {
            kept: byId.size,
          });
          onCut?.({ kept: byId.size, reason: 'records' });
          break;
        }
        if (reply.cut === 'deadline') {
          // Nothing read is nothing to show: the listing failed, as a reply that never began would.
          if (byId.size === 0) throw new KsPayError('timeout', messages.deadline(listDeadlineMs));
          log.warn('KS Pay was still listing transactions at the listing deadline; the rest were not read', {
            kept: byId.size,
            deadlineMs: listDeadlineMs,
          });
          onCut?.({ kept: byId.size, reason: 'deadline', deadlineMs: listDeadlineMs });
          break;
        }
        if (!reply.paged || reply.count === 0) break;
        if (byId.size === before) {
          throw new KsPayError(
            'bad_response',
            messages.badResponse('the transaction list repeats the same page'),
          );
        }
        const limit = reply.limit ?? pageSize;
        if (reply.hasMore !== undefined) {
          if (!reply.hasMore) break;
        } else if (reply.total !== undefined) {
          // A server that ignores `limit` sends everything on page 1: asking for page 2 would only repeat it.
          if (page * limit >= reply.total || byId.size >= reply.total) break;
        } else if (reply.count !== limit) {
          // A short page is the last; a longer one than asked for means the server does not page at all.
          break;
        }
      }
      return [...byId.values()];
    },

    async warmUp(signal) {
      await tokens.current(signal);
    },

    reset() {
      tokens.clear();
    },
  };
}
