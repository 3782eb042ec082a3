// The KS Pay client each profile talks to: Demo → the built-in sandbox with its Demo keys; live →
// the environment in settings with the keys from the vault, read when a token is needed.
import type { Credentials } from '../../shared/domain.ts';
import { DEMO_CREDENTIALS, type Sandbox } from '../../sandbox/index.ts';
import type { Clock, Logger } from '../deps.ts';
import { createKsPayClient, KsPayError, type KsPayClient } from '../kspay/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import { LIVE_KEYS, resolveBaseUrl, SetupError } from '../setup/index.ts';
import type { Vault } from '../vault/index.ts';
import type { ProfileName } from './profiles.ts';

export interface ClientSources {
  settings: Pick<SettingsStore, 'get'>;
  vault: Pick<Vault, 'get'>;
  builtInSandbox(): Promise<Sandbox>;
  /** Told every key the client reads, so error messages can be scrubbed of them. */
  rememberSecrets(credentials: Credentials): void;
  clock: Clock;
  log: Logger;
}

const NO_KEYS =
  'No KS Pay keys are saved on this terminal. A manager can enter them under Settings → Connection.';
const DEMO_SANDBOX_SETTING =
  'Settings point at the built-in Demo sandbox, which does not take real keys. A manager should choose the KS Pay sandbox, Live or Custom under Settings → Connection.';

/** A client that refuses every call with the same plain reason (a connection that cannot be used). */
function refusingClient(reason: Error): KsPayClient {
  const refuse = () => Promise.reject(reason);
  return {
    currencies: refuse,
    paymentMethods: refuse,
    initiate: refuse,
    process: refuse,
    transaction: refuse,
    transactions: refuse,
    warmUp: refuse,
    reset: () => undefined,
  };
}

export function credentialsClient(
  baseUrl: string,
  credentials: Credentials,
  sources: Pick<ClientSources, 'clock' | 'log'>,
  timeoutMs?: number,
): KsPayClient {
  return createKsPayClient({
    baseUrl,
    appId: credentials.appId,
    credentials: async () => credentials,
    clock: sources.clock,
    log: sources.log,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

export async function clientForProfile(profile: ProfileName, sources: ClientSources): Promise<KsPayClient> {
  if (profile === 'demo') {
    const sandbox = await sources.builtInSandbox();
    return credentialsClient(sandbox.url, DEMO_CREDENTIALS, sources);
  }
  const settings = sources.settings.get();
  if (settings.environment === 'sandbox')
    return refusingClient(new SetupError('not_configured', DEMO_SANDBOX_SETTING));
  let baseUrl: string;
  try {
    baseUrl = await resolveBaseUrl(settings, () =>
      Promise.reject(new SetupError('not_configured', DEMO_SANDBOX_SETTING)),
    );
  } catch (error) {
    return refusingClient(
      error instanceof SetupError
        ? new SetupError('not_configured', error.message)
        : new SetupError('not_configured', DEMO_SANDBOX_SETTING),
    );
  }
  return createKsPayClient({
    baseUrl,
    appId: settings.appId,
    credentials: async () => {
      const keys = await sources.vault.get(LIVE_KEYS);
      if (!keys) throw new KsPayError('auth', NO_KEYS);
      sources.rememberSecrets(keys);
      return keys;
    },
    clock: sources.clock,
    log: sources.log,
  });
}
