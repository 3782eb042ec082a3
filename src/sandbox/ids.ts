// Random identifiers in KS Pay's styles (tx_UOVynlQ0j, order_P4sEpHDzofjQwV, hex signatures).
import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` base-62 characters from the OS random source (rejection sampling keeps them uniform). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export const newTxnId = (): string => `tx_${randomBase62(9)}`;
export const newProviderOrderId = (): string => `order_${randomBase62(14)}`;
export const newProviderPaymentId = (): string => `pay_${randomBase62(14)}`;
/** Opaque signatures and refresh tokens: 32 random bytes as hex, like the guide's `7b452bc7f5adfe1d65e...`. */
export const newOpaqueSecret = (): string => randomBytes(32).toString('hex');

/** Secrets are kept (and persisted) only as hashes, so a state file never holds a usable token. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
