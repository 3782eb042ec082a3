// Sale IDs and reference numbers: time-ordered, unique, and short enough for KS Pay's referenceNumber.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../deps.ts';

export interface SaleIds {
  saleId(): string;
  /** `PREFIX-` + 9 base-36 time digits + 8 random characters: only [A-Z0-9-], at most 24 characters. */
  reference(prefix: string): string;
  /** 24 random bytes, base64url: the secret in a sale's return address. */
  returnToken(): string;
}

/** What a reference must look like whoever made it: the API's safe alphabet and length. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9-]{1,30}$/;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createSaleIds({
  clock,
  random = randomBytes,
}: {
  clock: Clock;
  random?: (size: number) => Uint8Array;
}): SaleIds {
  let last = 0;
  /** Never the same or an earlier instant twice, even if the wall clock steps back or two sales share a millisecond. */
  function tick(): string {
    last = Math.max(clock.now(), last + 1);
    return last.toString(36).toUpperCase().padStart(9, '0');
  }
  function noise(length: number): string {
    const bytes = random(length);
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
    return out;
  }
  return {
    saleId: () => `S${tick()}${noise(10)}`,
    reference: (prefix) => `${prefix}-${tick()}${noise(8)}`,
    returnToken: () => Buffer.from(random(24)).toString('base64url'),
  };
}
