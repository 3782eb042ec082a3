import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/domain.ts';
import { KsPayError, type KsPayClient } from '../kspay/index.ts';
import { CONNECTION_MESSAGES, createConnectionTracker } from './connection-tracker.ts';

const clock = { now: () => Date.parse('2026-11-29T09:00:00.000Z') };

function tracked() {
  const changes: ConnectionState[] = [];
  const tracker = createConnectionTracker({ clock, onChange: (state) => void changes.push(state) });
  return { tracker, changes };
}

/** A client whose every request does what `next` says. */
function scriptedClient(next: () => Promise<unknown>): KsPayClient & { resets: number } {
  const client = {
    resets: 0,
    currencies: next,
    paymentMethods: next,
    initiate: next,
    process: next,
    transaction: next,
    transactions: next,
    warmUp: next,
    reset() {
      client.resets += 1;
    },
  };
  return client as unknown as KsPayClient & { resets: number };
}

describe('connection tracker', () => {
  it('lets a slow call that started before KS Pay went away not turn the light back on', async () => {
    const { tracker } = tracked();
    tracker.reset('live');
    let answerSlowCall: (value: unknown) => void = () => undefined;
    const replies = [
      new Promise((resolve) => (answerSlowCall = resolve)),
      Promise.reject(new KsPayError('network', 'KS Pay cannot be reached.')),
    ];
    const client = tracker.observe(scriptedClient(() => replies.shift()!));
    const slow = client.currencies();
    await expect(client.paymentMethods('INR')).rejects.toThrow('KS Pay cannot be reached.');
    expect(tracker.get().state).toBe('offline');
    answerSlowCall([]);
    await slow;
    expect(tracker.get().state).toBe('offline');
    // A call started after the failure is news again.
    replies.push(Promise.resolve([]));
    await client.currencies();
    expect(tracker.get().state).toBe('online');
  });

  it('starts not configured, and takes the state of the profile it is reset to', () => {
    const { tracker, changes } = tracked();
    expect(tracker.get()).toEqual({ state: 'not_configured', message: CONNECTION_MESSAGES.notConfigured });
    tracker.reset('demo');
    tracker.reset('live');
    expect(changes.map((change) => change.state)).toEqual(['demo', 'online']);
    expect(tracker.get()).toEqual({
      state: 'online',
      message: 'Connected to KS Pay.',
      checkedAt: '2026-11-29T09:00:00.000Z',
    });
  });

  it("goes offline with KS Pay's plain reason when a request cannot reach it, and back online on the next answer", async () => {
    const { tracker, changes } = tracked();
    tracker.reset('live');
    let fail = true;
    const client = tracker.observe(
      scriptedClient(async () => {
        if (fail)
          throw new KsPayError(
            'network',
            'Could not reach KS Pay: connection refused. Check the network connection.',
          );
        return [];
      }),
    );
    await expect(client.currencies()).rejects.toMatchObject({ code: 'network' });
    expect(tracker.get()).toMatchObject({
      state: 'offline',
      message: 'Could not reach KS Pay: connection refused. Check the network connection.',
    });
    fail = false;
    await client.transactions();
    expect(changes.map((change) => change.state)).toEqual(['online', 'offline', 'online']);
  });

  it('counts a refusal that KS Pay answered (invalid, not found) as reachable, and keys it refuses as not', async () => {
    const { tracker } = tracked();
    tracker.reset('live');
    const refused = tracker.observe(
      scriptedClient(() => Promise.reject(new KsPayError('invalid', 'KS Pay rejected the request.'))),
    );
    await expect(refused.initiate({} as never)).rejects.toThrow();
    expect(tracker.get().state).toBe('online');
    const badKeys = tracker.observe(
      scriptedClient(() => Promise.reject(new KsPayError('auth', 'KS Pay did not accept the API keys.'))),
    );
    await expect(badKeys.warmUp()).rejects.toThrow();
    expect(tracker.get()).toMatchObject({ state: 'offline', message: 'KS Pay did not accept the API keys.' });
  });

  it('ignores a request the caller aborted, and passes reset through', async () => {
    const { tracker, changes } = tracked();
    tracker.reset('demo');
    const inner = scriptedClient(() =>
      Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    );
    const client = tracker.observe(inner);
    await expect(client.transaction('tx_1')).rejects.toThrow('aborted');
    client.reset();
    expect(changes).toHaveLength(1);
    expect(inner.resets).toBe(1);
  });

  it('emits a change only when the state or its message changes', async () => {
    const { tracker, changes } = tracked();
    tracker.reset('demo');
    const client = tracker.observe(scriptedClient(async () => []));
    await client.currencies();
    await client.currencies();
    expect(changes).toHaveLength(1);
  });
});
