import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { KsPayError } from './errors.ts';
import { createTokenManager, jwtLifetimeMs } from './tokens.ts';
import type { TokenPair, TokenSource } from './tokens.ts';

function jwt(claims: Record<string, number>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
}

/** A token source that counts its calls and can be told what to do next. */
function scriptedSource() {
  let n = 0;
  const calls = { generate: 0, refresh: 0, refreshedWith: [] as string[] };
  let gate: Promise<void> = Promise.resolve();
  const behaviour: { refresh?: () => Promise<TokenPair>; generate?: () => Promise<TokenPair> } = {};
  const source: TokenSource = {
    async generate() {
      calls.generate += 1;
      await gate;
      if (behaviour.generate) return behaviour.generate();
      n += 1;
      return { accessToken: `at-${n}`, refreshToken: `rt-${n}` };
    },
    async refresh(refreshToken) {
      calls.refresh += 1;
      calls.refreshedWith.push(refreshToken);
      await gate;
      if (behaviour.refresh) return behaviour.refresh();
      n += 1;
      return { accessToken: `at-${n}`, refreshToken: `rt-${n}` };
    },
  };
  return {
    source,
    calls,
    behaviour,
    hold() {
      let open = (): void => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return () => {
        open();
        gate = Promise.resolve();
      };
    },
  };
}

function setup(tokenTtlMs = 60_000) {
  let now = 1_000_000;
  const scripted = scriptedSource();
  const tokens = createTokenManager({
    source: scripted.source,
    clock: { now: () => now },
    log: silentLogger,
    tokenTtlMs,
  });
  return { tokens, ...scripted, advance: (ms: number) => (now += ms) };
}

describe('tokens: single flight', () => {
  it('generates once from the keys for 50 calls that arrive together before any token exists', async () => {
    const { tokens, calls, hold } = setup();
    const release = hold();
    const waiting = Array.from({ length: 50 }, () => tokens.current());
    release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['at-1']));
    expect(calls).toMatchObject({ generate: 1, refresh: 0 });
  });

  it('refreshes exactly once for 50 calls that arrive together after expiry', async () => {
    const { tokens, calls, advance, hold } = setup(60_000);
    await tokens.current();
    advance(60_001);
    const release = hold();
    const waiting = Array.from({ length: 50 }, () => tokens.current());
    release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['at-2']));
    expect(calls).toMatchObject({ generate: 1, refresh: 1, refreshedWith: ['rt-1'] });
  });

  it('renews once for 50 calls refused with the same token, and not again for a late one', async () => {
    const { tokens, calls, hold } = setup();
    const stale = await tokens.current();
    const release = hold();
    const waiting = Array.from({ length: 50 }, () => tokens.renewAfterRejection(stale));
    release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['at-2']));
    await expect(tokens.renewAfterRejection(stale)).resolves.toBe('at-2');
    expect(calls.refresh).toBe(1);
  });

  it('keeps the shared renewal going when one waiting caller aborts', async () => {
    const { tokens, calls, hold } = setup();
    const release = hold();
    const controller = new AbortController();
    const quitter = tokens.current(controller.signal);
    const stayer = tokens.current();
    controller.abort(new Error('left'));
    await expect(quitter).rejects.toThrow('left');
    release();
    await expect(stayer).resolves.toBe('at-1');
    expect(calls.generate).toBe(1);
  });
});

describe('tokens: expiry', () => {
  it('renews a little before the JWT exp, using exp − iat so a skewed clock does not matter', async () => {
    const { tokens, calls, behaviour, advance } = setup(3_600_000);
    let issued = 0;
    behaviour.generate = async () => {
      issued += 1;
      // iat far in the past: only the 900 s lifetime counts, not our clock's idea of exp.
      return { accessToken: jwt({ iat: 1_000 + issued, exp: 1_900 + issued }), refreshToken: undefined };
    };
    await tokens.current();
    advance(840_000 - 1);
    await tokens.current();
    expect(calls.generate).toBe(1);
    advance(2);
    await tokens.current();
    expect(calls.generate).toBe(2);
  });

  it('uses the configured lifetime when the token is not a JWT', async () => {
    const { tokens, calls, advance } = setup(10_000);
    await tokens.current();
    advance(7_999);
    await tokens.current();
    expect(calls.generate + calls.refresh).toBe(1);
    advance(2);
    await tokens.current();
    expect(calls.refresh).toBe(1);
  });

  it('keeps using an unexpired token when renewing early fails on the network', async () => {
    const { tokens, behaviour, advance } = setup(10_000);
    await tokens.current();
    advance(9_000);
    behaviour.refresh = () => Promise.reject(new KsPayError('network', 'down'));
    await expect(tokens.current()).resolves.toBe('at-1');
    advance(1_001);
    await expect(tokens.current()).rejects.toMatchObject({ code: 'network' });
  });
});

describe('tokens: refresh and rotation', () => {
  it('uses the rotated refresh token next time, never the old one', async () => {
    const { tokens, calls } = setup();
    const first = await tokens.current();
    const second = await tokens.renewAfterRejection(first);
    await tokens.renewAfterRejection(second);
    expect(calls.refreshedWith).toEqual(['rt-1', 'rt-2']);
  });

  it('keeps the refresh token when a refresh reply carries none', async () => {
    const { tokens, calls, behaviour } = setup();
    const first = await tokens.current();
    behaviour.refresh = async () => ({ accessToken: 'at-x' });
    const second = await tokens.renewAfterRejection(first);
    behaviour.refresh = undefined;
    await tokens.renewAfterRejection(second);
    expect(calls.refreshedWith).toEqual(['rt-1', 'rt-1']);
  });

  it('generates anew from the keys when the refresh token is refused', async () => {
    for (const code of ['auth', 'forbidden', 'invalid', 'not_found'] as const) {
      const { tokens, calls, behaviour } = setup();
      const first = await tokens.current();
      behaviour.refresh = () => Promise.reject(new KsPayError(code, 'refused'));
      await expect(tokens.renewAfterRejection(first)).resolves.toBe('at-2');
      expect(calls).toMatchObject({ generate: 2, refresh: 1 });
    }
  });

  it('does not burn the keys on a refresh that failed for a network reason', async () => {
    const { tokens, calls, behaviour } = setup();
    const first = await tokens.current();
    behaviour.refresh = () => Promise.reject(new KsPayError('server', 'down'));
    await expect(tokens.renewAfterRejection(first)).rejects.toMatchObject({ code: 'server' });
    expect(calls.generate).toBe(1);
  });

  it('forgets everything when the keys are refused, and starts from the keys next time', async () => {
    const { tokens, calls, behaviour } = setup();
    const first = await tokens.current();
    behaviour.refresh = () => Promise.reject(new KsPayError('auth', 'refused'));
    behaviour.generate = () => Promise.reject(new KsPayError('auth', 'bad keys'));
    await expect(tokens.renewAfterRejection(first)).rejects.toMatchObject({ code: 'auth' });
    behaviour.generate = undefined;
    behaviour.refresh = undefined;
    await expect(tokens.current()).resolves.toBe('at-2');
    expect(calls).toMatchObject({ generate: 3, refresh: 1 });
  });

  it('does not let a renewal that started before clear() put its token back', async () => {
    const { tokens, calls, hold } = setup();
    const release = hold();
    const before = tokens.current();
    tokens.clear();
    release();
    await before;
    await tokens.current();
    expect(calls.generate).toBe(2);
  });
});

describe('jwtLifetimeMs', () => {
  it('reads exp − iat, or exp from now, and nothing from junk', () => {
    expect(jwtLifetimeMs(jwt({ iat: 100, exp: 1_000 }), 0)).toBe(900_000);
    expect(jwtLifetimeMs(jwt({ exp: 2_000 }), 1_000_000)).toBe(1_000_000);
    expect(jwtLifetimeMs(jwt({ exp: 10 }), 1_000_000)).toBeUndefined();
    expect(jwtLifetimeMs('opaque-token', 0)).toBeUndefined();
    expect(jwtLifetimeMs('a.!!!.c', 0)).toBeUndefined();
    expect(jwtLifetimeMs(`x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`, 0)).toBeUndefined();
  });
});
