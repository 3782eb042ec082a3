// Runs one profile's services at a time (runtime.ts): starts the profile chosen, closing the one before,
// gives a running profile a new client when its connection changes, and answers what runs now.
import type { Logger } from '../deps.ts';
import type { ProfileName } from '../profiles/index.ts';
import { PosAppError } from './app-error.ts';
import { startRuntime, type Runtime, type RuntimeDeps } from './runtime.ts';

export interface ProfileRunnerDeps {
  runtime: RuntimeDeps;
  /** A profile started, or a running one got a new client: checks that follow a new connection. */
  onConnected(event: 'started' | 'reconnected'): void;
  log: Logger;
}

export interface ProfileRunner {
  /** Runs `profile`'s services; the profile running already is left as it is. */
  activate(profile: ProfileName): Promise<void>;
  /** The connection of `profile` changed (keys, server, App ID): a new client if it runs, else it starts. */
  reconnect(profile: ProfileName): Promise<void>;
  /** The running profile's services; refused in plain words before set-up. */
  current(): Promise<Runtime>;
  /** The services starting or running now, if any (without the set-up refusal). */
  running(): Promise<Runtime> | null;
  /** The profile starting or running now. */
  profile(): ProfileName | null;
  /** The running profile's engine once it has started, for questions that cannot wait. */
  engineNow(): Runtime['engine'] | null;
  /** Reconciles the running profile's sales now; a failure is logged, never thrown. */
  reconcileNow(): Promise<void>;
  close(): Promise<void>;
}

export function createProfileRunner({
  runtime: runtimeDeps,
  onConnected,
  log,
}: ProfileRunnerDeps): ProfileRunner {
  let runtime: Promise<Runtime> | null = null;
  let runtimeProfile: ProfileName | null = null;
  let engineNow: Runtime['engine'] | null = null;

  async function activate(profile: ProfileName): Promise<void> {
    if (runtime && runtimeProfile === profile) {
      await runtime;
      return;
    }
    const previous = runtime;
    runtimeProfile = profile;
    runtime = (async () => {
      if (previous) await (await previous.catch(() => null))?.close();
      return startRuntime(profile, runtimeDeps);
    })();
    engineNow = null;
    runtime.catch(() => {
      runtime = null;
      runtimeProfile = null;
    });
    engineNow = (await runtime).engine;
    onConnected('started');
  }

  return {
    activate,
    async reconnect(profile) {
      const running = runtime && runtimeProfile === profile ? await runtime.catch(() => null) : null;
      if (running) {
        await running.reconnect();
        onConnected('reconnected');
      } else await activate(profile);
    },
    current() {
      if (!runtime)
        return Promise.reject(
          new PosAppError(
            'not_available',
            'The terminal is not set up yet: choose Try Demo mode or Connect to KS Pay.',
          ),
        );
      return runtime;
    },
    running: () => runtime,
    profile: () => runtimeProfile,
    engineNow: () => engineNow,
    async reconcileNow() {
      if (!runtime) return;
      try {
        await (await runtime).engine.reconcile();
      } catch (error) {
        log.warn('sales: background reconcile failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
    async close() {
      engineNow = null;
      if (runtime) await (await runtime.catch(() => null))?.close();
      runtime = null;
    },
  };
}
