// Access tokens in memory: renewed ahead of expiry, one renewal at a time however many calls wait (single flight).
import type { Clock, Logger } from '../deps.ts';
import { untilAborted } from './abortable.ts';
import { isKsPayError } from './errors.ts';
import { withinJsonDepth } from './json-depth.ts';
import { JwtTimes } from './schemas.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken?: string | undefined;
}

export interface TokenSource {
  /** From the keys: POST /auth/generate-token/{appId}. */
  generate(): Promise<TokenPair>;
  /** POST /auth/refresh-token with the refresh token. */
  refresh(refreshToken: string): Promise<TokenPair>;
}

export interface TokenManagerOptions {
  source: TokenSource;
  clock: Clock;
  log: Logger;
  /** Lifetime assumed when the access token is not a JWT with `exp`. */
  tokenTtlMs: number;
}

export interface TokenManager {
  /** A token believed valid; renews first (shared with every other waiting call) when missing or near expiry. */
  current(signal?: AbortSignal): Promise<string>;
  /** After the server refused `rejected` (401): renews unless another call already did, then gives the new token. */
  renewAfterRejection(rejected: string, signal?: AbortSignal): Promise<string>;
  /** Forgets every token, e.g. after the keys change. */
  clear(): void;
}

interface TokenState {
  accessToken: string;
  refreshToken: string | undefined;
  /** When the server stops accepting the token, on our clock. */
  expiresAt: number;
  /** When we renew, a little before expiry so a call never sets out with a token about to lapse. */
  renewAt: number;
}

const MAX_RENEW_AHEAD_MS = 60_000;

/** The token's lifetime from its JWT claims, without verifying (we are not the audience that checks it). */
export function jwtLifetimeMs(token: string, now: number): number | undefined {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || payload === undefined) return undefined;
  let claims: unknown;
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  if (!withinJsonDepth(text)) return undefined;
  try {
    claims = JSON.parse(text);
  } catch {
    return undefined;
  }
  const times = JwtTimes.safeParse(claims);
  if (!times.success || times.data.exp === undefined) return undefined;
  const { exp, iat } = times.data;
  // exp − iat is the server's own idea of the lifetime, so a skewed local clock cannot shorten or stretch it.
  if (iat !== undefined && exp > iat) return (exp - iat) * 1000;
  const left = exp * 1000 - now;
  return left > 0 ? left : undefined;
}

/** A refused refresh token (as opposed to a network or server failure) means: start again from the keys. */
function isRefusal(error: unknown): boolean {
  return (
    isKsPayError(error, 'auth') ||
    isKsPayError(error, 'forbidden') ||
    isKsPayError(error, 'invalid') ||
    isKsPayError(error, 'not_found')
  );
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { source, clock, log } = options;
  let state: TokenState | undefined;
  let renewal: Promise<TokenState> | undefined;
  /** Bumped by clear(), so a renewal that was under way when the keys changed cannot put its token back. */
  let epoch = 0;

  function toState(pair: TokenPair, previousRefresh: string | undefined): TokenState {
    const now = clock.now();
    const lifetime = jwtLifetimeMs(pair.accessToken, now) ?? options.tokenTtlMs;
    const ahead = Math.min(MAX_RENEW_AHEAD_MS, lifetime / 5);
    return {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken ?? previousRefresh,
      expiresAt: now + lifetime,
      renewAt: now + lifetime - ahead,
    };
  }

  async function renewNow(): Promise<TokenState> {
    const startedIn = epoch;
    const before = state;
    let next: TokenState;
    if (before?.refreshToken !== undefined) {
      try {
        // A rotated refresh token comes back with the pair; keep the old one only if the server sent none.
        next = toState(await source.refresh(before.refreshToken), before.refreshToken);
        log.info('KS Pay access token refreshed');
      } catch (error) {
        if (!isRefusal(error)) throw error;
        log.info('KS Pay refused the refresh token; generating a new token from the keys');
        next = toState(await source.generate(), undefined);
        log.info('KS Pay access token generated');
      }
    } else {
      next = toState(await source.generate(), undefined);
      log.info('KS Pay access token generated');
    }
    // One assignment swaps token, refresh token and times together: no call ever sees half a renewal.
    if (startedIn === epoch) state = next;
    return next;
  }

  function renew(): Promise<TokenState> {
    renewal ??= renewNow()
      .catch((error: unknown) => {
        if (isKsPayError(error, 'auth')) state = undefined;
        throw error;
      })
      .finally(() => {
        renewal = undefined;
      });
    return renewal;
  }

  return {
    async current(signal) {
      signal?.throwIfAborted();
      const held = state;
      const now = clock.now();
      if (held !== undefined && now < held.renewAt) return held.accessToken;
      try {
        return (await untilAborted(renew(), signal)).accessToken;
      } catch (error) {
        // Renewing early failed on the network, yet the token we hold has not expired: use it while it lasts.
        if (
          held !== undefined &&
          state === held &&
          clock.now() < held.expiresAt &&
          !isKsPayError(error, 'auth') &&
          !signal?.aborted
        ) {
          log.warn('Could not renew the KS Pay token early; using the current one until it expires');
          return held.accessToken;
        }
        throw error;
      }
    },

    async renewAfterRejection(rejected, signal) {
      signal?.throwIfAborted();
      if (renewal === undefined && state !== undefined && state.accessToken !== rejected)
        return state.accessToken;
      return (await untilAborted(renew(), signal)).accessToken;
    },

    clear() {
      epoch += 1;
      state = undefined;
    },
  };
}
