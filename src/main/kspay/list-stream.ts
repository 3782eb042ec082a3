// Reads a GET /transaction reply as it arrives: each record is handed on the moment it is complete and then
// dropped by the parser, so memory holds the records the caller keeps, never the reply's text or raw array.
import { JSONParser } from '@streamparser/json';
import { KsPayError, messages } from './errors.ts';
import { createDepthGauge, TOO_DEEP } from './json-depth.ts';
import { listOf, rawRecordOf, TransactionPageReply } from './schemas.ts';

/** What the reply said besides its records: whether it was a page, and its paging fields. */
export interface ListReplySummary {
  paged: boolean;
  /** Records handed on. */
  count: number;
  page?: number | undefined;
  limit?: number | undefined;
  total?: number | undefined;
  hasMore?: boolean | undefined;
  /**
   * Reading stopped before the reply ended, the rest unread: it held more records than the caller would keep
   * (`records`), or its deadline passed while it was still arriving (`deadline`). The records read are kept.
   */
  cut?: 'records' | 'deadline';
}

/**
 * The root (emitted last, as a skeleton once its records are taken out) and every place the guide's shapes put
 * the records: a bare array, `result`, `items`, `result.items` and `result.result` (see `TransactionPageReply`).
 */
const PATHS = ['$', '$.*', '$.result.*', '$.items.*', '$.result.items.*', '$.result.result.*'];

/**
 * Bytes read without a record completing: more than any one transaction could take,
 * so a reply that is not a list, or one endless record, cannot fill memory.
 */
export const MAX_BYTES_BETWEEN_RECORDS = 16 * 1024 * 1024;

/** Thrown out of the parser when one record more than the caller keeps has arrived. */
const ENOUGH = Symbol('enough records');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function bad(what: string, cause?: unknown): KsPayError {
  return new KsPayError('bad_response', messages.badResponse(what), cause === undefined ? {} : { cause });
}

/**
 * Parses `chunks` as one JSON reply of GET /transaction in any documented shape and calls `onRecord` with each
 * record in order. Whatever `onRecord` throws ends the reading with that error. Everything else that is wrong
 * (not JSON, cut short, not a list, records in two places) is a `bad_response`. Chunks that end because `stopped`
 * was aborted (the reply's deadline passed) are no error: the records read so far stand, as with `maxRecords`.
 */
export async function readTransactionList(
  chunks: AsyncIterable<Uint8Array>,
  onRecord: (record: unknown, index: number) => void,
  maxRecords = Number.POSITIVE_INFINITY,
  stopped?: AbortSignal,
): Promise<ListReplySummary> {
  const parser = new JSONParser({ paths: PATHS, keepStack: false });
  const depth = createDepthGauge();
  let root: unknown;
  let list: unknown[] | undefined;
  let count = 0;
  let sinceRecord = 0;
  let started = false;

  // What onRecord or the shape check threw, told apart from the parser's own errors as it comes back out of write().
  let refused: unknown;
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 0) {
      root = value;
      return;
    }
    if (typeof key !== 'number' || !Array.isArray(parent)) return;
    // The parser keeps what its root will emit; taking the record out is what keeps memory flat.
    if (parent[parent.length - 1] === value) parent.pop();
    try {
      if (list === undefined) list = parent;
      else if (list !== parent) throw bad('transactions listed in two places');
      sinceRecord = 0;
      if (count >= maxRecords) throw ENOUGH;
      onRecord(value, count);
    } catch (error) {
      refused = error;
      throw error;
    }
    count += 1;
  };

  // Errors of `chunks` itself (the connection, the caller's abort) pass through untouched.
  for await (const chunk of chunks) {
    if (!started) started = chunk.some((byte) => !isWhitespace(byte));
    sinceRecord += chunk.byteLength;
    // Gauged before the parser sees the bytes: it would build every level of `[[[[…` first.
    if (!depth.feed(chunk)) throw bad(TOO_DEEP);
    try {
      parser.write(chunk);
    } catch (error) {
      // Leaving the loop cancels the rest of the reply, so an endless list is read no further.
      if (refused === ENOUGH) return { paged: false, count, cut: 'records' };
      if (refused !== undefined) throw refused;
      throw bad(count === 0 ? 'not JSON' : 'the transaction list is not valid JSON', error);
    }
    if (sinceRecord > MAX_BYTES_BETWEEN_RECORDS) {
      throw bad(count === 0 ? 'a reply far too large' : 'a transaction record far too large');
    }
  }
  // Whatever the reply was becoming, the records it completed before its deadline are whole and checked.
  if (stopped?.aborted) return { paged: false, count, cut: 'deadline' };
  if (!started) throw bad('an empty reply');
  if (!parser.isEnded) throw bad('the transaction list ended before it was complete');

  const parsed = TransactionPageReply.safeParse(root);
  if (!parsed.success) throw bad('the transaction list is missing');
  // The records must have come from the very list the schema reads, not from some other array in the reply.
  const chosen = listOf(rawRecordOf(root));
  const items = Array.isArray(chosen) ? chosen : isRecord(chosen) ? chosen.items : undefined;
  if (list !== undefined && list !== items) throw bad('the transaction list is missing');
  const { paged } = parsed.data;
  if (!paged) return { paged, count };
  const { page, limit, total, hasMore } = parsed.data;
  return { paged, count, page, limit, total, hasMore };
}
