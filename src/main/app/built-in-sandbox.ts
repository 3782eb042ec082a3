// Demo mode's built-in sandbox: started on first use with the Demo keys, its state kept in the Demo
// profile's folder so Demo sales survive a restart on its side too; a failed start is tried again next use.
import type { Credentials } from '../../shared/domain.ts';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.ts';

export interface BuiltInSandboxOptions {
  factory(options: SandboxOptions): Promise<Sandbox>;
  credentials: Credentials;
  statePath: string;
  /** Browser mode's test switches. */
  admin?: boolean;
  latencyMs?: number;
}

export interface BuiltInSandbox {
  /** The running sandbox, started now if it is not yet. */
  get(): Promise<Sandbox>;
  close(): Promise<void>;
}

export function createBuiltInSandbox(options: BuiltInSandboxOptions): BuiltInSandbox {
  let sandbox: Promise<Sandbox> | null = null;
  return {
    get() {
      sandbox ??= options
        .factory({
          port: 0,
          credentials: options.credentials,
          statePath: options.statePath,
          ...(options.admin ? { admin: true } : {}),
          ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
        })
        .catch((error: unknown) => {
          sandbox = null;
          throw error;
        });
      return sandbox;
    },
    async close() {
      if (sandbox) await (await sandbox.catch(() => null))?.close();
      sandbox = null;
    },
  };
}
