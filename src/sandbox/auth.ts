// Keys, access tokens (JWT), rotating refresh tokens and x-signatures: who may call, and for which app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../shared/clock-and-logger.ts';
import { HttpError } from './http-io.ts';
import { hashSecret, newOpaqueSecret, randomBase62 } from './ids.ts';
import { signJwt, verifyJwt } from './jwt.ts';
import type { SandboxCredentials } from './types.ts';

const REFRESH_TTL_MS = 24 * 60 * 60 * 1000;

/** What the state file keeps of the auth state: hashes only, never a usable token or signature. */
export const AuthSnapshot = z.object({
  secret: z.string().regex(/^[0-9a-f]{64}$/),
  generation: z.number().int().nonnegative(),
  refreshTokens: z.array(z.object({ hash: z.string(), appId: z.string(), expiresAt: z.number() })),
  signatures: z.array(
    z.object({
      hash: z.string(),
      appId: z.string(),
      txnId: z.string().optional(),
      expiresAt: z.number().optional(),
    }),
  ),
});
export type AuthSnapshot = z.infer<typeof AuthSnapshot>;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** A signature from generate-signature belongs to an app; one from a checkout-flow initiate to one transaction. */
export type SignatureGrant = { kind: 'app'; appId: string } | { kind: 'txn'; appId: string; txnId: string };

interface SignatureEntry {
  appId: string;
  txnId?: string;
  expiresAt?: number;
}

export interface AuthService {
  /** 401 unless the App ID and both keys are the sandbox's. */
  checkKeys(appId: string, accessKey: unknown, secretKey: unknown): void;
  issueTokens(appId: string): TokenPair;
  /** The app of a valid access token in `Authorization` (with or without `Bearer `); 401 otherwise. */
  verifyAccess(authorization: string | undefined): string;
  /** Swaps a refresh token for a new pair; the used one is refused from then on (rotation). */
  refresh(authorization: string | undefined): TokenPair;
  issueAppSignature(appId: string): string;
  issueTxnSignature(appId: string, txnId: string): string;
  /** 403 unless the x-signature is one the sandbox issued and is still valid. */
  resolveSignature(signature: string | undefined): SignatureGrant;
  /** Every access token (and app signature) issued so far stops working now; refresh tokens too when asked. */
  expireAll(options?: { includeRefreshTokens?: boolean }): void;
  snapshot(): AuthSnapshot;
}

export interface AuthServiceOptions {
  credentials: SandboxCredentials;
  clock: Clock;
  tokenTtlSec: number;
  restored?: AuthSnapshot;
  /** Called after every change, so the state file can be written. */
  onChange?: () => void;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function stripBearer(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  return /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '').trim() : value;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { credentials, clock, tokenTtlSec, restored, onChange } = options;
  const secret = restored ? Buffer.from(restored.secret, 'hex') : randomBytes(32);
  let generation = restored?.generation ?? 0;
  const refreshTokens = new Map<string, { appId: string; expiresAt: number }>(
    (restored?.refreshTokens ?? []).map(({ hash, ...rest }) => [hash, rest]),
  );
  const signatures = new Map<string, SignatureEntry>(
    (restored?.signatures ?? []).map(({ hash, ...rest }) => [hash, rest]),
  );

  function issueTokens(appId: string): TokenPair {
    const iat = Math.floor(clock.now() / 1000);
    const accessToken = signJwt(
      { sub: appId, iat, exp: iat + tokenTtlSec, jti: randomBase62(12), gen: generation },
      secret,
    );
    const refreshToken = `rt_${newOpaqueSecret()}`;
    refreshTokens.set(hashSecret(refreshToken), { appId, expiresAt: clock.now() + REFRESH_TTL_MS });
    onChange?.();
    return { accessToken, refreshToken };
  }

  return {
    checkKeys(appId, accessKey, secretKey) {
      const ok =
        typeof accessKey === 'string' &&
        typeof secretKey === 'string' &&
        sameText(appId, credentials.appId) &&
        sameText(accessKey, credentials.accessKey) &&
        sameText(secretKey, credentials.secretKey);
      if (!ok) {
        throw new HttpError(401, 'Invalid App ID, access key or secret key: check the keys in Settings.');
      }
    },

    issueTokens,

    verifyAccess(authorization) {
      const token = stripBearer(authorization);
      if (!token) throw new HttpError(401, 'Authorization header with a Bearer access token is required.');
      const claims = verifyJwt(token, secret);
      if (!claims || claims.sub !== credentials.appId) {
        throw new HttpError(401, 'Access token is not valid: generate a new token.');
      }
      if (claims.gen !== generation || claims.exp * 1000 <= clock.now()) {
        throw new HttpError(401, 'Access token has expired: refresh it or generate a new one.');
      }
      return claims.sub;
    },

    refresh(authorization) {
      const token = stripBearer(authorization);
      if (!token) throw new HttpError(401, 'Authorization header with the refresh token is required.');
      const hash = hashSecret(token);
      const entry = refreshTokens.get(hash);
      // Rotation: the entry is deleted on use, so a second use of the same token lands here.
      if (!entry || entry.expiresAt <= clock.now()) {
        if (refreshTokens.delete(hash)) onChange?.();
        throw new HttpError(
          401,
          'Refresh token is not valid, already used or expired: generate a new token.',
        );
      }
      refreshTokens.delete(hash);
      return issueTokens(entry.appId);
    },

    issueAppSignature(appId) {
      const signature = newOpaqueSecret();
      signatures.set(hashSecret(signature), { appId, expiresAt: clock.now() + tokenTtlSec * 1000 });
      onChange?.();
      return signature;
    },

    issueTxnSignature(appId, txnId) {
      const signature = newOpaqueSecret();
      signatures.set(hashSecret(signature), { appId, txnId });
      onChange?.();
      return signature;
    },

    resolveSignature(signature) {
      const value = signature?.trim();
      if (!value) throw new HttpError(403, 'x-signature header is required.');
      const entry = signatures.get(hashSecret(value));
      if (!entry) throw new HttpError(403, 'x-signature is not valid: generate a new signature.');
      if (entry.expiresAt !== undefined && entry.expiresAt <= clock.now()) {
        throw new HttpError(403, 'x-signature has expired: generate a new signature.');
      }
      return entry.txnId === undefined
        ? { kind: 'app', appId: entry.appId }
        : { kind: 'txn', appId: entry.appId, txnId: entry.txnId };
    },

    expireAll(expireOptions) {
      generation += 1;
      for (const [hash, entry] of signatures) {
        if (entry.txnId === undefined) signatures.delete(hash);
      }
      if (expireOptions?.includeRefreshTokens) refreshTokens.clear();
      onChange?.();
    },

    snapshot() {
      const now = clock.now();
      return {
        secret: secret.toString('hex'),
        generation,
        refreshTokens: [...refreshTokens]
          .filter(([, entry]) => entry.expiresAt > now)
          .map(([hash, entry]) => ({ hash, ...entry })),
        signatures: [...signatures]
          .filter(([, entry]) => entry.expiresAt === undefined || entry.expiresAt > now)
          .map(([hash, entry]) => ({ hash, ...entry })),
      };
    },
  };
}
