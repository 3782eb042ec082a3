import { describe, expect, it } from 'vitest';
import type { CallName, CallResult } from '../../shared/contract.ts';
import { CURRENCIES, makeSale, makeStatus } from '../test/fake-pos.ts';
import { RECENT_LIMIT } from '../stores/index.ts';
import type { PrefetchingTransport } from './prefetch.ts';
import { prefetchStartupCalls } from './startup-calls.ts';

type Answers = Partial<Record<CallName, CallResult<unknown>>>;

function prefetchRecorder(answers: Answers) {
  const prefetched: Array<{ name: CallName; input: unknown }> = [];
  const seeded: Array<{ name: CallName; input: unknown }> = [];
  const transport: PrefetchingTransport = {
    async prefetch(name, input) {
      prefetched.push({ name, input });
      return answers[name] ?? { ok: true, value: null };
    },
    async seed(name, input, result) {
      seeded.push({ name, input });
      return result;
    },
    invoke: async () => ({ ok: true, value: null }),
    subscribe: () => () => undefined,
  };
  return { transport, prefetched, seeded };
}

const ok = (value: unknown): CallResult<unknown> => ({ ok: true, value });

describe('prefetchStartupCalls', () => {
  it("asks for the status, the sale, pending and recent sales and the catalog at once, then the opening currency's methods", async () => {
    const { transport, prefetched } = prefetchRecorder({
      'setup.status': ok(makeStatus()),
      'catalog.currencies': ok(CURRENCIES),
      'sales.list': ok([makeSale({ currency: 'KWD' })]),
    });
    const done = prefetchStartupCalls(transport);
    // All of these before any answer is in.
    expect(prefetched).toEqual([
      { name: 'setup.status', input: undefined },
      { name: 'sales.current', input: undefined },
      { name: 'sales.pending', input: undefined },
      { name: 'sales.list', input: { limit: RECENT_LIMIT } },
      { name: 'catalog.currencies', input: undefined },
      { name: 'sales.list', input: { limit: 1 } },
    ]);
    await done;
    // The last sale's currency, as the catalog store opens on it.
    expect(prefetched.at(-1)).toEqual({ name: 'catalog.methods', input: { currencyId: 'cur_kwd' } });
  });

  it("without a last sale asks for the manager's default currency's methods, else the first active one's", async () => {
    const withDefault = prefetchRecorder({
      'setup.status': ok(makeStatus({ settings: { defaultCurrency: 'JPY' } })),
      'catalog.currencies': ok(CURRENCIES),
      'sales.list': ok([]),
    });
    await prefetchStartupCalls(withDefault.transport);
    expect(withDefault.prefetched.at(-1)).toEqual({
      name: 'catalog.methods',
      input: { currencyId: 'cur_jpy' },
    });

    const inactiveDefault = prefetchRecorder({
      'setup.status': ok(makeStatus({ settings: { defaultCurrency: 'CHF' } })),
      'catalog.currencies': ok(CURRENCIES),
      'sales.list': { ok: false, error: { code: 'locked', message: 'Sign in first.' } },
    });
    await prefetchStartupCalls(inactiveDefault.transport);
    expect(inactiveDefault.prefetched.at(-1)).toEqual({
      name: 'catalog.methods',
      input: { currencyId: 'cur_inr' },
    });
  });

  it('asks for no methods before the terminal is set up (the catalog calls are refused then)', async () => {
    const refused: CallResult<unknown> = {
      ok: false,
      error: { code: 'not_set_up', message: 'Set up first.' },
    };
    const { transport, prefetched } = prefetchRecorder({
      'setup.status': ok(makeStatus({ mode: 'first-run' })),
      'catalog.currencies': refused,
      'sales.list': refused,
    });
    await prefetchStartupCalls(transport);
    expect(prefetched.map((p) => p.name)).not.toContain('catalog.methods');
  });

  it('takes the answers that came with the page and asks main only for the others', async () => {
    const { transport, prefetched, seeded } = prefetchRecorder({ 'sales.pending': ok([]) });
    await prefetchStartupCalls(transport, [
      { name: 'setup.status', result: ok(makeStatus()) },
      { name: 'sales.current', result: ok(null) },
      { name: 'sales.list', input: { limit: RECENT_LIMIT }, result: ok([]) },
      { name: 'catalog.currencies', result: ok(CURRENCIES) },
      { name: 'sales.list', input: { limit: 1 }, result: ok([makeSale({ currency: 'JPY' })]) },
      { name: 'catalog.methods', input: { currencyId: 'cur_jpy' }, result: ok([]) },
    ]);
    expect(prefetched).toEqual([{ name: 'sales.pending', input: undefined }]);
    expect(seeded.map((s) => s.name)).toEqual([
      'setup.status',
      'sales.current',
      'sales.list',
      'catalog.currencies',
      'sales.list',
      'catalog.methods',
    ]);
    expect(seeded.at(-1)).toEqual({ name: 'catalog.methods', input: { currencyId: 'cur_jpy' } });
  });
});
