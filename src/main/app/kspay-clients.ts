// The KS Pay client each profile talks to: Demo → the built-in sandbox with its Demo keys; live →
// the environment in settings with the saved keys, read when a token is needed and only when they
// were tested for that server and App ID (credentials/key-binding.ts).
import type { Credentials } from '../../shared/domain.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { CredentialsError, type CredentialsService } from '../credentials/index.ts';
import type { Clock, Logger } from '../deps.ts';
import { createKsPayClient, type KsPayClient, type KsPayClientOptions } from '../kspay/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import { resolveBaseUrl, SetupError } from '../setup/index.ts';
import type { ProfileName } from '../profiles/index.ts';

export interface ClientSources {
  settings: Pick<SettingsStore, 'get'>;
  credentials: Pick<CredentialsService, 'liveKeysFor' | 'demoKeys'>;
  builtInSandbox(): Promise<Sandbox>;
  clock: Clock;
  log: Logger;
  /** The live client's listing bounds, for tests of a hostile server; the client's defaults when absent. */
  listLimits?: ListLimits;
}

/** How much one listing of KS Pay's transactions may keep and take (see `KsPayClientOptions`). */
export type ListLimits = Pick<KsPayClientOptions, 'maxListRecords' | 'listDeadlineMs'>;

const DEMO_SANDBOX_SETTING =
  'Settings point at the built-in Demo sandbox, which does not take real keys. A manager should choose the KS Pay sandbox, Live or Custom under Manager → Settings → Connection.';

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
    return credentialsClient(sandbox.url, sources.credentials.demoKeys(), sources);
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
  const target = { baseUrl, appId: settings.appId };
  try {
    // Before any request: keys tested for another server make a client that refuses, saying why.
    await sources.credentials.liveKeysFor(target);
  } catch (error) {
    if (error instanceof CredentialsError && error.code === 'keys_elsewhere')
      return refusingClient(new SetupError('not_configured', error.message));
    // No keys or a locked keychain: met again, and reported, when a token is needed.
  }
  return createKsPayClient({
    baseUrl,
    appId: settings.appId,
    // Read at each token: keys saved since this client was made are checked against its server too.
    credentials: () => sources.credentials.liveKeysFor(target),
    clock: sources.clock,
    log: sources.log,
    ...sources.listLimits,
  });
}
