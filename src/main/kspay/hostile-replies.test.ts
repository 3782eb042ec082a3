// The client against a hostile KS Pay (a proxy in front of the sandbox): replies nested without end, lists that
// never end and replies that trickle in. Each must end in a plain-words error or a bounded list, quickly.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { createKsPayClient } from './client.ts';
import { failure } from './testing/ks-pay-failure.ts';
import { startHostileServer } from './testing/hostile-server.ts';
import type { HostileReply, HostileServer } from './testing/hostile-server.ts';
import type { KsPayClientOptions } from './types.ts';

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((open) => open.close()));
});

async function hostile(reply: HostileReply | null, options: Partial<KsPayClientOptions> = {}) {
  const sandbox: Sandbox = await startSandbox({});
  closing.push(sandbox);
  const server: HostileServer = await startHostileServer(sandbox.url, reply);
  closing.unshift(server);
  const client = createKsPayClient({
    baseUrl: server.url,
    appId: sandbox.credentials.appId,
    credentials: async () => ({
      accessKey: sandbox.credentials.accessKey,
      secretKey: sandbox.credentials.secretKey,
    }),
    sleep: async () => {},
    random: () => 0,
    timeoutMs: 2_000,
    ...options,
  });
  return { sandbox, server, client };
}

describe('a hostile KS Pay: nesting without end', () => {
  it('refuses a 16 MB record of [[[[… at once, as a reply it does not understand, without building it', async () => {
    const { client } = await hostile({ kind: 'deep-record', depth: 8 * 1024 * 1024 });
    const heapBefore = process.memoryUsage().heapUsed;
    // Refused while reading (the depth gauge), not after parsing: the heap never holds the nesting.
    const error = await failure(client.transaction('tx_Whatever01'));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/a reply this terminal does not understand \(a reply nested deeper/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('a hostile KS Pay: a list that trickles in', () => {
  it('ends a list of `[` and a space every 200 ms at the list deadline, and lists again once the server recovers', async () => {
    const { client, server } = await hostile(
      { kind: 'trickle-list', gapMs: 200 },
      { timeoutMs: 1_000, listDeadlineMs: 1_500, maxGetAttempts: 1 },
    );
    // Without the deadline this never ends (a byte every 200 ms resets any idle timeout) and the test times out.
    const error = await failure(client.transactions());
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/without finishing it, so the terminal stopped waiting/);
    server.set(null);
    await expect(client.transactions()).resolves.toEqual([]);
  });
});

describe('a hostile KS Pay: a list that arrives too slowly', () => {
  it('keeps the newest records read when the listing deadline passes, stops reading, and says so', async () => {
    const { client, server } = await hostile(
      { kind: 'slow-list', gapMs: 100 },
      { timeoutMs: 1_000, listDeadlineMs: 1_500, maxGetAttempts: 1 },
    );
    const cuts: unknown[] = [];
    const listed = await client.transactions({}, undefined, undefined, (cut) => cuts.push(cut));
    expect(listed.length).toBeGreaterThan(3);
    expect(listed[0]?.referenceNumber).toBe('ENDLESS-0');
    expect(listed.map((t) => t.referenceNumber)).toEqual(listed.map((_, i) => `ENDLESS-${i}`));
    expect(cuts).toEqual([{ kept: listed.length, reason: 'deadline', deadlineMs: 1_500 }]);
    // Reading stopped: the connection was given up, so the server writes no more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = server.recordsSent();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.recordsSent()).toBe(sent);
  });
});

describe('a hostile KS Pay: a list that never ends', () => {
  it('keeps the newest records a listing keeps, stops reading past them, and says it was cut', async () => {
    const { client, server } = await hostile({ kind: 'endless-list' }, { maxListRecords: 5_000 });
    const cuts: number[] = [];
    const listed = await client.transactions({}, undefined, undefined, ({ kept }) => cuts.push(kept));
    expect(listed).toHaveLength(5_000);
    expect(listed[0]?.referenceNumber).toBe('ENDLESS-0');
    expect(cuts).toEqual([5_000]);
    // Reading stopped: the server stops writing once the socket backs up.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = server.recordsSent();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.recordsSent()).toBe(sent);
    expect(sent).toBeLessThan(1_000_000);
  });
});

describe('a KS Pay the network cannot reach', () => {
  it('drop: every request ends in a plain-words network error and reaches nothing; set(null) brings it back', async () => {
    const { client, sandbox, server } = await hostile({ kind: 'drop' });
    const error = await failure(client.currencies());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/^Could not reach KS Pay: /);
    expect(sandbox.stats().requests).toBe(0);
    server.set(null);
    expect((await client.currencies()).length).toBeGreaterThan(0);
  });

  it('drop-writes: reads pass until the first write, which is dropped unsent, and so is everything after it', async () => {
    const { client, sandbox, server } = await hostile(null);
    // The token is a write too: fetched first, as a terminal that has been running has it already.
    await client.warmUp();
    server.set({ kind: 'drop-writes' });
    const [currency] = await client.currencies();
    if (!currency) throw new Error('the sandbox lists no currency');
    const [method] = await client.paymentMethods(currency.id);
    if (!method) throw new Error('the sandbox lists no method');
    const started = client.initiate({
      currencyId: currency.id,
      paymentMethodId: method.id,
      amountMinor: 3_300,
      currency: currency.code,
      referenceNumber: 'POS-DROPPED-1',
      redirectUrl: 'http://127.0.0.1:9/return',
    });
    expect((await failure(started)).code).toBe('network');
    expect((await failure(client.currencies())).code).toBe('network');
    expect(sandbox.transactions()).toEqual([]);
    expect(server.hostileReplies()).toBeGreaterThanOrEqual(2);
  });
});
