// First start and connection setup: the app's status, Demo mode, testing and saving KS Pay keys, and
// the first manager PIN. Keys go to the credentials service only; settings keep the environment and App ID.
import type {
  AppStatus,
  ConnectionInput,
  ConnectionState,
  ConnectionTestResult,
  Credentials,
  KeyStoreChoice,
  Role,
  UpdateAvailability,
} from '../../shared/domain.ts';
import type { PolicyStatus } from '../../shared/policy-status.ts';
import type { AuditLog } from '../audit/index.ts';
import type { CredentialsService } from '../credentials/index.ts';
import type { ProfileName, Profiles } from '../profiles/index.ts';
import type { Logger } from '../deps.ts';
import type { KsPayClient } from '../kspay/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import type { Staff } from '../staff/index.ts';
import type { Vault } from '../vault/index.ts';
import { describeTarget, type ConnectionTarget } from './base-url.ts';
import { testConnection } from './connection-test.ts';
import { SetupError } from './setup-error.ts';

export interface SetupDeps {
  shell: AppStatus['shell'];
  version: string;
  /** Whether this build can install checked updates here (Settings shows the reason when not). */
  updates: UpdateAvailability;
  vault: Pick<Vault, 'status' | 'chooseStore'>;
  credentials: Pick<CredentialsService, 'hasLiveKeys' | 'saveLiveKeys'>;
  settings: Pick<SettingsStore, 'get' | 'setConnection'>;
  /** The machine policy: what it locks, and a check that throws when a connection differs from what it sets. */
  policy: {
    status(): PolicyStatus;
    checkConnection(input: ConnectionInput): void;
  };
  staff: Pick<Staff, 'hasPin' | 'setPin' | 'cashiers' | 'currentCashier'>;
  audit: Pick<AuditLog, 'record'>;
  profiles: Pick<Profiles, 'active' | 'setActive'>;
  connection: () => ConnectionState;
  /** Runs the terminal's services on this profile (its journal, sale engine and KS Pay client). */
  activate(profile: ProfileName): Promise<void>;
  /** The profile's connection changed: a running profile gets a new client; one not running starts. */
  reconnect(profile: ProfileName): Promise<void>;
  baseUrlOf(target: ConnectionTarget): Promise<string>;
  /** A client for keys that are not saved yet (Test connection). */
  clientFor(baseUrl: string, credentials: Credentials): KsPayClient;
  log: Logger;
}

/** `role` is always the caller's (the manager role belongs to a session); the status reports it back. */
export interface Setup {
  status(role: Role): Promise<AppStatus>;
  startDemo(role: Role): Promise<AppStatus>;
  testConnection(input: ConnectionInput): Promise<ConnectionTestResult>;
  /** `role` is the caller's: once a PIN exists only the manager may change the keys. */
  saveConnection(input: ConnectionInput, role: Role): Promise<AppStatus>;
  setPin(pin: string, confirm: string, role: Role): Promise<AppStatus>;
  /** Where no keychain works: the store the keys are kept in; once a PIN exists only the manager chooses. */
  chooseKeyStore(choice: KeyStoreChoice, role: Role): Promise<AppStatus>;
}

export function createSetup(deps: SetupDeps): Setup {
  const { vault, credentials, settings, staff, audit, profiles } = deps;

  async function status(role: Role): Promise<AppStatus> {
    const [hasKeys, hasPin, vaultStatus, cashiers] = await Promise.all([
      credentials.hasLiveKeys(),
      staff.hasPin(),
      vault.status(),
      staff.cashiers(),
    ]);
    return {
      mode: profiles.active() ?? 'first-run',
      shell: deps.shell,
      hasKeys,
      hasPin,
      role,
      cashiers,
      cashier: staff.currentCashier(),
      vault: vaultStatus,
      connection: deps.connection(),
      settings: settings.get(),
      updates: deps.updates,
      version: deps.version,
      policy: deps.policy.status(),
    };
  }

  async function runTest(input: ConnectionInput): Promise<ConnectionTestResult> {
    // Before any key leaves: keys are tested only where the policy lets this terminal connect.
    deps.policy.checkConnection(input);
    return testConnection(
      input,
      (baseUrl) => deps.clientFor(baseUrl, input),
      (target) => deps.baseUrlOf(target),
    );
  }

  return {
    status,

    async startDemo(role) {
      if (deps.policy.status().locked.includes('environment'))
        throw new SetupError(
          'set_by_policy',
          'Your organisation’s policy connects this terminal to KS Pay, so Demo mode is not offered here. Choose Connect to KS Pay and type the keys.',
        );
      const active = profiles.active();
      if (active === 'live') {
        throw new SetupError(
          'live_active',
          'This terminal is connected to KS Pay with real keys, so Demo mode is not offered here. Use a terminal without keys to try Demo mode.',
        );
      }
      if (active !== 'demo') {
        await profiles.setActive('demo');
        await audit.record({ action: 'demo.entered', actor: role, detail: 'Demo mode entered' });
      }
      await deps.activate('demo');
      return status(role);
    },

    testConnection: runTest,

    async saveConnection(input, role) {
      if (role !== 'manager' && (await staff.hasPin()))
        throw new SetupError('locked', 'Enter the manager PIN to change the KS Pay connection.');
      if (input.environment === 'sandbox') {
        throw new SetupError(
          'invalid',
          'The built-in sandbox is what Demo mode uses and needs no keys. Choose Try Demo mode, or pick the KS Pay sandbox, Live or Custom to save real keys.',
        );
      }
      // Checked before anything is saved, so a bad address never leaves half a connection behind.
      const baseUrl = await deps.baseUrlOf(input);
      // The keys are saved only for where they were just shown to work, whatever the form did before.
      const tested = await runTest(input);
      const failed = tested.steps.find((step) => !step.ok);
      if (!tested.ok || failed) {
        throw new SetupError(
          'test_failed',
          // The step's own message already says what to fix.
          `Nothing was saved: the connection test failed at "${failed?.name ?? 'Currencies'}". ${failed?.message ?? 'Test the connection to see what to fix.'}`,
        );
      }
      await credentials.saveLiveKeys(input, baseUrl);
      settings.setConnection({
        environment: input.environment,
        appId: input.appId,
        customBaseUrl: input.environment === 'custom' ? input.customBaseUrl : undefined,
      });
      await profiles.setActive('live');
      await audit.record({
        action: 'keys.saved',
        actor: role,
        detail: `KS Pay keys saved for ${describeTarget(input)}, App ID ${input.appId}`,
      });
      await deps.reconnect('live');
      return status(role);
    },

    async chooseKeyStore(choice, role) {
      if (role !== 'manager' && (await staff.hasPin()))
        throw new SetupError('locked', 'Enter the manager PIN to change where the KS Pay keys are kept.');
      await vault.chooseStore(choice);
      await audit.record({
        action: 'keys.store_chosen',
        actor: role,
        detail:
          choice === 'owner-only-file'
            ? 'KS Pay keys to be kept in a file only this computer account can read'
            : 'KS Pay keys to be kept for this session only',
      });
      return status(role);
    },

    async setPin(pin, confirm, role) {
      if (pin !== confirm)
        throw new SetupError('invalid', 'The two PINs are different. Enter the same PIN twice.');
      await staff.setPin(pin);
      return status(role);
    },
  };
}
