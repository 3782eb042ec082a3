// The one-time code browser mode prints in its address (`#pair=…`): it connects the browser that opens
// it, once. Only the process that started browser mode sees it, so only its user can connect a page.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface OneTimeCodes {
  /** A new code; the one issued before it stops working, so an old printed address is worthless. */
  issue(): string;
  /** True once for the code issued last, then never again (constant-time comparison). */
  redeem(given: string): boolean;
}

export function createOneTimeCodes(random: (bytes: number) => Buffer = randomBytes): OneTimeCodes {
  let outstanding: Buffer | null = null;
  return {
    issue() {
      const code = random(32).toString('base64url');
      outstanding = Buffer.from(code);
      return code;
    },
    redeem(given) {
      const expected = outstanding;
      if (!expected) return false;
      const candidate = Buffer.from(given);
      if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) return false;
      outstanding = null;
      return true;
    },
  };
}
