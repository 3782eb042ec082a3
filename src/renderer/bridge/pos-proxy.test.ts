import { describe, expect, it } from 'vitest';
import { callNames, type CallName } from '../../shared/contract.ts';
import type { PosTransport } from '../../shared/pos-api.ts';
import { PosError } from '../../shared/pos-error.ts';
import { buildPosProxy } from './pos-proxy.ts';

function echoTransport(): PosTransport & { invoked: Array<{ name: CallName; input: unknown }> } {
  const invoked: Array<{ name: CallName; input: unknown }> = [];
  return {
    invoked,
    async invoke(name, input) {
      invoked.push({ name, input });
      return { ok: true, value: { name, input: input ?? null } };
    },
    subscribe: () => () => undefined,
  };
}

/** `pos.a.b` for the call name 'a.b'. */
function methodOf(api: object, name: CallName): (input?: unknown) => Promise<unknown> {
  const [ns, method] = name.split('.') as [string, string];
  return (api as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[ns]![method]!;
}

describe('buildPosProxy', () => {
  it('invokes every call of the contract by its name with its input and resolves with its value', async () => {
    const transport = echoTransport();
    const proxy = buildPosProxy(transport);
    for (const name of callNames) {
      const input = { probe: name };
      expect(await methodOf(proxy, name)(input)).toEqual({ name, input });
    }
    expect(transport.invoked).toEqual(callNames.map((name) => ({ name, input: { probe: name } })));
  });

  it("rejects with a PosError that keeps main's code and message", async () => {
    const api = buildPosProxy({
      invoke: async () => ({
        ok: false,
        error: { code: 'not_found', message: 'That sale could not be found.' },
      }),
      subscribe: () => () => undefined,
    });
    const error = await api.sales.cancel({ saleId: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PosError);
    expect(error).toMatchObject({ code: 'not_found', message: 'That sale could not be found.' });
  });

  it('gives the same function for the same method every time (so it can be spied on)', () => {
    const api = buildPosProxy(echoTransport());
    expect(api.sales.start).toBe(api.sales.start);
    expect(api.sales).toBe(api.sales);
    expect(api.sales.start).not.toBe(api.sales.cancel);
  });

  it('subscribes through the transport and returns its unsubscribe', () => {
    const subscribed: string[] = [];
    const stop = () => undefined;
    const api = buildPosProxy({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (event) => {
        subscribed.push(event);
        return stop;
      },
    });
    expect(api.on('sale.updated', () => undefined)).toBe(stop);
    expect(subscribed).toEqual(['sale.updated']);
  });

  it('is not mistaken for a promise when awaited or returned from an async function', async () => {
    const transport = echoTransport();
    const api = buildPosProxy(transport);
    await expect(Promise.resolve(api)).resolves.toBe(api);
    expect(transport.invoked).toEqual([]);
  });
});
