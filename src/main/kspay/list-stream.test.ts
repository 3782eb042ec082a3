import { describe, expect, it } from 'vitest';
import { KsPayError } from './errors.ts';
import { MAX_BYTES_BETWEEN_RECORDS, readTransactionList } from './list-stream.ts';

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size);
}

async function read(text: string, size = 64 * 1024) {
  const records: unknown[] = [];
  const summary = await readTransactionList(chunked(text, size), (record) => records.push(record));
  return { records, summary };
}

async function refusal(promise: Promise<unknown>): Promise<KsPayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KsPayError);
  return error as KsPayError;
}

const A = { txnId: 'tx_a', amount: 1.5, note: 'a "quoted" ✓ [x] {y}' };
const B = { txnId: 'tx_b', amount: 2, nested: { items: [1, 2], result: [3] } };

describe('readTransactionList', () => {
  it.each([
    ['a bare array', [A, B], { paged: false }],
    [
      'an envelope whose result is the array',
      { status: 200, message: 'success', result: [A, B] },
      { paged: false },
    ],
    [
      'a page inside result',
      { status: 200, result: { items: [A, B], page: 1, limit: 2, total: 9, hasMore: true } },
      { paged: true, page: 1, limit: 2, total: 9, hasMore: true },
    ],
    [
      'a page at the top level (npm)',
      { status: 200, message: 'success', items: [A, B], page: 3, limit: 50, total: 102, hasMore: false },
      { paged: true, page: 3, limit: 50, total: 102, hasMore: false },
    ],
    ['an envelope inside result', { result: { result: [A, B] } }, { paged: false }],
  ])('reads %s, split at every byte or whole, in order', async (_name, body, summary) => {
    for (const size of [1, 3, 1 << 20]) {
      const { records, summary: got } = await read(JSON.stringify(body), size);
      expect(records).toEqual([A, B]);
      expect(got).toEqual({ ...summary, count: 2 });
    }
  });

  it('reads an empty list and an empty page', async () => {
    expect((await read('[]')).summary).toEqual({ paged: false, count: 0 });
    expect((await read('{"result":{"items":[],"total":0}}')).summary).toMatchObject({
      paged: true,
      count: 0,
    });
  });

  it('hands each record on before the rest of the reply has arrived', async () => {
    const seen: unknown[] = [];
    async function* slow(): AsyncGenerator<Uint8Array> {
      const encode = (text: string) => new TextEncoder().encode(text);
      yield encode('{"result":[{"txnId":"tx_1"},');
      expect(seen).toEqual([{ txnId: 'tx_1' }]);
      yield encode('{"txnId":"tx_2"}]}');
    }
    await readTransactionList(slow(), (record) => seen.push(record));
    expect(seen).toHaveLength(2);
  });

  it('ends with the error onRecord throws, without reading further', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunked(JSON.stringify([A, B, A, B]), 8)) {
        pulled += 1;
        yield chunk;
      }
    }
    const refused = new KsPayError('bad_response', 'record 2 is bad');
    const error = await refusal(
      readTransactionList(counted(), (_record, index) => {
        if (index === 1) throw refused;
      }),
    );
    expect(error).toBe(refused);
    expect(pulled).toBeLessThan(Math.ceil(JSON.stringify([A, B, A, B]).length / 8));
  });

  it.each([
    ['', /an empty reply/],
    ['  \n ', /an empty reply/],
    ['<html><body>502 Bad Gateway</body></html>', /not JSON/],
    ['[{"txnId":"tx_1"},{"txnId":"tx_2"', /ended before it was complete/],
    ['{"result":[', /ended before it was complete/],
    ['[{"txnId":"tx_1"}] trailing', /not valid JSON/],
    ['{"status":401,"message":"Unauthorized"}', /the transaction list is missing/],
    ['{"result":"oops"}', /the transaction list is missing/],
    ['{"result":{"items":[],"page":"one"}}', /the transaction list is missing/],
    ['{"items":[{"txnId":"tx_1"}],"result":[{"txnId":"tx_2"}]}', /listed in two places/],
    ['{"items":[{"txnId":"tx_1"}],"result":{}}', /the transaction list is missing/],
  ])('calls %j a bad_response that says what was wrong', async (text, message) => {
    const error = await refusal(read(text, 5));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Try again/);
  });

  it('stops a reply that goes on for more than 16 MiB without a record', async () => {
    // Counted from the chunk after the last record: a little over the cap, whatever the chunk size.
    const filler = 'x'.repeat(MAX_BYTES_BETWEEN_RECORDS + 256 * 1024);
    const error = await refusal(read(`{"message":"${filler}","result":[]}`));
    expect(error.message).toMatch(/a reply far too large/);
    const record = await refusal(read(`[{"txnId":"tx_1"},{"txnId":"${filler}"}]`));
    expect(record.message).toMatch(/a transaction record far too large/);
  });

  it('passes a broken connection on as it is', async () => {
    const broken = new TypeError('terminated');
    async function* cut(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('[{"txnId":"tx_1"},');
      throw broken;
    }
    const records: unknown[] = [];
    await expect(readTransactionList(cut(), (record) => records.push(record))).rejects.toBe(broken);
    expect(records).toHaveLength(1);
  });
});

describe('readTransactionList: nesting', () => {
  it('refuses a list nested deeper than any KS Pay reply before the parser builds it', async () => {
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`;
    const error = await refusal(read(deep, 4096));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/does not understand \(a reply nested deeper than any KS Pay reply\)/);
  });

  it('reads brackets inside strings and records a few levels deep as usual', async () => {
    const record = { txnId: 'tx_a', note: '[[[[[[[[[[{{{{{{{{', meta: { a: { b: { c: [[[1]]] } } } };
    expect((await read(JSON.stringify([record]), 1)).records).toEqual([record]);
  });
});
