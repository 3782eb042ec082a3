import { describe, expect, it } from 'vitest';
import type { CallName, CallResult, EventName } from '../../shared/contract.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import { PREFETCH_TTL_MS, withPrefetch } from './prefetch.ts';

/** A transport that answers each call with a counter (so a repeated call is visible) and records calls. */
function recordingTransport(
  answer: (name: CallName, n: number) => CallResult<unknown> = (_, n) => ({ ok: true, value: n }),
) {
  const calls: Array<{ name: CallName; input: unknown }> = [];
  const listeners = new Map<EventName, (payload: unknown) => void>();
  const transport: PosTransport = {
    async invoke(name, input) {
      calls.push({ name, input });
      return answer(name, calls.length);
    },
    subscribe(event, listener) {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { transport, calls, push: (event: EventName, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('withPrefetch', () => {
  it("hands a prefetched answer to the app's first identical call without asking main again", async () => {
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport);
    await transport.prefetch('sales.list', { limit: 5 });
    await expect(transport.invoke('sales.list', { limit: 5 })).resolves.toEqual({ ok: true, value: 1 });
    expect(inner.calls).toEqual([{ name: 'sales.list', input: { limit: 5 } }]);
  });

  it('uses it once: a second identical call, or one with another input, goes to main', async () => {
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport);
    void transport.prefetch('sales.list', { limit: 5 });
    await transport.invoke('sales.list', { limit: 5 });
    await expect(transport.invoke('sales.list', { limit: 5 })).resolves.toEqual({ ok: true, value: 2 });
    await expect(transport.invoke('sales.list', { limit: 1 })).resolves.toEqual({ ok: true, value: 3 });
    expect(inner.calls).toHaveLength(3);
  });

  it('waits for a prefetch still on its way instead of asking twice', async () => {
    let release: (value: CallResult<unknown>) => void = () => undefined;
    const calls: CallName[] = [];
    const transport = withPrefetch({
      invoke: (name) => {
        calls.push(name);
        return new Promise((resolve) => (release = resolve));
      },
      subscribe: () => () => undefined,
    });
    void transport.prefetch('setup.status');
    const answer = transport.invoke('setup.status', undefined);
    release({ ok: true, value: 'status' });
    await expect(answer).resolves.toEqual({ ok: true, value: 'status' });
    expect(calls).toEqual(['setup.status']);
  });

  it('never hands out a failed answer: the call is made again', async () => {
    const inner = recordingTransport((_, n) =>
      n === 1
        ? { ok: false, error: { code: 'not_set_up', message: 'Set up first.' } }
        : { ok: true, value: n },
    );
    const transport = withPrefetch(inner.transport);
    await transport.prefetch('catalog.currencies');
    await expect(transport.invoke('catalog.currencies', undefined)).resolves.toEqual({ ok: true, value: 2 });
  });

  it(`asks main again once the answer is older than ${PREFETCH_TTL_MS} ms`, async () => {
    let now = 0;
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport, () => now);
    await transport.prefetch('sales.current');
    now = PREFETCH_TTL_MS + 1;
    await expect(transport.invoke('sales.current', undefined)).resolves.toEqual({ ok: true, value: 2 });
  });

  it('drops every prefetched answer when main pushes an event (something changed since)', async () => {
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport);
    const seen: unknown[] = [];
    transport.subscribe('sale.updated', (payload) => seen.push(payload));
    await transport.prefetch('sales.current');
    inner.push('sale.updated', { id: 's1' });
    expect(seen).toEqual([{ id: 's1' }]);
    await expect(transport.invoke('sales.current', undefined)).resolves.toEqual({ ok: true, value: 2 });
  });

  it('drops every prefetched answer once the app makes a call that was not prefetched (start-up is over)', async () => {
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport);
    await transport.prefetch('sales.current');
    await transport.invoke('sales.start', { amountMinor: 100 });
    await expect(transport.invoke('sales.current', undefined)).resolves.toEqual({ ok: true, value: 3 });
    expect(inner.calls.map((c) => c.name)).toEqual(['sales.current', 'sales.start', 'sales.current']);
  });

  it('hands an answer that came with the page to the identical call, once, without asking main', async () => {
    const inner = recordingTransport();
    const transport = withPrefetch(inner.transport);
    await transport.seed('sales.current', undefined, { ok: true, value: 'with the page' });
    await expect(transport.invoke('sales.current', undefined)).resolves.toEqual({
      ok: true,
      value: 'with the page',
    });
    expect(inner.calls).toEqual([]);
    await expect(transport.invoke('sales.current', undefined)).resolves.toEqual({ ok: true, value: 1 });
  });
});
