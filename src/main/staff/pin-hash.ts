// Hashing and checking PINs with scrypt: random salt, cost parameters stored beside the hash so they
// can be raised later without breaking PINs already set, and a constant-time comparison.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const ScryptParams = z.object({
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keylen: z.number().int().min(16).max(128),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

/**
 * About 32 MiB and 100–200 ms per check: slow enough to make a stolen file costly to search,
 * quick enough for a manager at the counter. The lockout, not the hash, stops guessing at the terminal.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

export const PinHash = ScryptParams.extend({
  algorithm: z.literal('scrypt'),
  salt: z.base64(),
  hash: z.base64(),
});
export type PinHash = z.infer<typeof PinHash>;

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p, keylen } = params;
  // scrypt needs 128·N·r bytes; give it twice that so the default 32 MiB ceiling never refuses our own cost.
  const maxmem = 256 * N * r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scryptCallback(pin.normalize('NFKC'), salt, keylen, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
