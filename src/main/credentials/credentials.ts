// The one owner of the KS Pay keys in main: the live keys in the vault (saved, read for a connection,
// compared with typed ones) and the Demo keys of the built-in sandbox. No reply or log carries a key.
import { timingSafeEqual } from 'node:crypto';
import type { Credentials } from '../../shared/domain.ts';
import { DEMO_CREDENTIALS } from '../../sandbox/index.ts';
import type { Profiles } from '../profiles/index.ts';
import type { Vault } from '../vault/index.ts';
import { boundKeys, LIVE_KEYS, originOf, type KeyTarget } from './key-binding.ts';

export interface CredentialsDeps {
  vault: Pick<Vault, 'get' | 'set' | 'has'>;
  profiles: Pick<Profiles, 'active'>;
}

export interface CredentialsService {
  hasLiveKeys(): Promise<boolean>;
  /** Saves keys that just passed Test connection, bound to the origin of `baseUrl` and their App ID. */
  saveLiveKeys(keys: Credentials, baseUrl: string): Promise<void>;
  /** The live keys for a connection to `target`; a CredentialsError when none are saved or they belong elsewhere. */
  liveKeysFor(target: KeyTarget): Promise<Credentials>;
  /** The built-in sandbox's keys, for Demo mode. */
  demoKeys(): Credentials;
  /** Whether typed keys are the terminal's own (live keys, or the Demo keys on a Demo terminal); constant time. */
  ownsTheKeys(accessKey: string, secretKey: string): Promise<boolean>;
  /** `text` with every key the app has seen replaced, so no error message can carry one to the screen. */
  scrub(text: string): string;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createCredentialsService({ vault, profiles }: CredentialsDeps): CredentialsService {
  const seen = new Set<string>([DEMO_CREDENTIALS.accessKey, DEMO_CREDENTIALS.secretKey]);
  const remember = (keys: Credentials): void => {
    seen.add(keys.accessKey);
    seen.add(keys.secretKey);
  };

  return {
    hasLiveKeys: () => vault.has(LIVE_KEYS),

    async saveLiveKeys({ appId, accessKey, secretKey }, baseUrl) {
      await vault.set(LIVE_KEYS, { appId, accessKey, secretKey, origin: originOf(baseUrl) });
    },

    async liveKeysFor(target) {
      const keys = await boundKeys(target, { vault });
      remember(keys);
      return keys;
    },

    demoKeys: () => ({ ...DEMO_CREDENTIALS }),

    async ownsTheKeys(accessKey, secretKey) {
      const saved = await vault.get(LIVE_KEYS);
      // A Demo terminal has no keys of its own: its PIN is recovered with the Demo keys shown on the sandbox.
      const expected = saved ?? (profiles.active() === 'demo' ? DEMO_CREDENTIALS : null);
      if (!expected) return false;
      return sameText(accessKey, expected.accessKey) && sameText(secretKey, expected.secretKey);
    },

    scrub: (text) => [...seen].reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text),
  };
}
