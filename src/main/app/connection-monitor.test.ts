import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/domain.ts';
import { createConnectionMonitor, recheckWaits } from './connection-monitor.ts';

/** A clock moved only by the monitor's own waits, and a KS Pay that answers from a given check on. */
function harness(initial: ConnectionState['state'], answersFromCheck: number) {
  let now = Date.parse('2026-12-07T10:00:00.000Z');
  let light: ConnectionState = { state: initial, message: '', checkedAt: new Date(now).toISOString() };
  const waits: number[] = [];
  const checks: number[] = [];
  let onIdle: () => void = () => undefined;
  const idle = new Promise<void>((resolve) => {
    onIdle = resolve;
  });
  const monitor = createConnectionMonitor({
    state: () => light,
    clock: { now: () => now },
    async check() {
      checks.push(now);
      const answered = checks.length >= answersFromCheck;
      light = {
        state: answered ? 'online' : 'offline',
        message: answered ? 'Connected to KS Pay.' : 'Could not reach KS Pay.',
        checkedAt: new Date(now).toISOString(),
      };
      monitor.changed();
    },
    async sleep(ms, signal) {
      waits.push(ms);
      if (waits.length >= 12) {
        onIdle();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        return;
      }
      now += ms;
    },
  });
  return { monitor, waits, checks, idle };
}

describe('the connection monitor', () => {
  it('backs off 2 s, 4 s, 8 s, … up to 30 s while KS Pay does not answer', () => {
    const next = recheckWaits(2_000, 30_000);
    expect(Array.from({ length: 7 }, next)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('asks KS Pay again by itself while the light is red, and turns it green when KS Pay answers', async () => {
    const { monitor, waits, checks, idle } = harness('offline', 4);
    monitor.start();
    await idle;
    monitor.close();
    // Three failed checks, then the fourth answers: after that one check per 20 s quiet spell (the last is
    // still being waited out when the harness stops).
    expect(waits.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(waits.slice(4).every((ms) => ms === 20_000)).toBe(true);
    expect(checks).toHaveLength(4 + (waits.length - 4 - 1));
  });

  it('checks a quiet live connection, so a drop turns the light red before anyone presses Charge', async () => {
    const { monitor, waits, checks, idle } = harness('online', Number.POSITIVE_INFINITY);
    monitor.start();
    await idle;
    monitor.close();
    // Quiet for 20 s: one light call finds KS Pay gone; from then on the back-off.
    expect(waits.slice(0, 5)).toEqual([20_000, 2_000, 4_000, 8_000, 16_000]);
    expect(checks.length).toBeGreaterThanOrEqual(5);
  });

  it('asks nothing in Demo mode or before the terminal is set up', async () => {
    for (const state of ['demo', 'not_configured'] as const) {
      const { monitor, checks, idle } = harness(state, 1);
      monitor.start();
      await idle;
      monitor.close();
      expect(checks).toEqual([]);
    }
  });
});
