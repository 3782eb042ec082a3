import { describe, expect, it } from 'vitest';
import { createManagerSessions } from './manager-sessions.ts';

function sessions(idleMinutes = 5) {
  let now = 1_000_000;
  const managers = createManagerSessions({ clock: { now: () => now }, idleLockMinutes: () => idleMinutes });
  return { managers, advance: (ms: number) => (now += ms) };
}

describe('manager sessions', () => {
  it('gives the manager role only to the session that opened it', () => {
    const { managers } = sessions();
    managers.open('desk');
    expect(managers.role('desk')).toBe('manager');
    expect(managers.role('other-page')).toBe('cashier');
    managers.close('desk');
    expect(managers.role('desk')).toBe('cashier');
  });

  it("idles each session out on its own clock: one manager's activity keeps no other desk open", () => {
    const { managers, advance } = sessions(5);
    managers.open('a');
    managers.open('b');
    advance(4 * 60_000);
    managers.touch('a');
    managers.touch('c'); // a cashier's call: opens nothing
    advance(60_000);
    expect(managers.role('b')).toBe('cashier');
    expect(managers.role('a')).toBe('manager');
    expect(managers.role('c')).toBe('cashier');
    advance(3 * 60_000);
    expect(managers.expireIdle()).toBe(false);
    advance(60_000);
    expect(managers.expireIdle()).toBe(true);
    expect(managers.role('a')).toBe('cashier');
  });

  it('never idles out with the idle lock set to 0', () => {
    const { managers, advance } = sessions(0);
    managers.open('desk');
    advance(24 * 60 * 60_000);
    expect(managers.expireIdle()).toBe(false);
    expect(managers.role('desk')).toBe('manager');
  });
});
