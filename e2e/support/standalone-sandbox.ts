// A KS Pay sandbox of its own (`node src/sandbox/cli.ts --port 0 --admin`), for tests that connect the
// terminal to a custom server URL the way a tester would.
import type { SandboxCredentials } from '../../src/sandbox/index.ts';
import { sandboxAdmin, type SandboxAdmin } from './sandbox-admin.ts';
import { startProcess } from './processes.ts';

export interface StandaloneSandbox {
  /** http://127.0.0.1:PORT, the address to type into "Custom". */
  readonly url: string;
  /** The keys it accepts, as it printed them. */
  readonly credentials: SandboxCredentials;
  readonly admin: SandboxAdmin;
  stop(): Promise<void>;
}

function field(output: string, label: string): string {
  const match = new RegExp(`^${label}: (\\S+)$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`the sandbox did not print its ${label}`);
  return match[1];
}

/** `args` are more sandbox CLI options, e.g. ['--variant', 'npm'] or ['--latency', '200']. */
export async function startStandaloneSandbox(args: string[] = []): Promise<StandaloneSandbox> {
  // Its output holds the keys, so it is kept in memory only: nothing the secret scan reads.
  const started = await startProcess({
    script: 'src/sandbox/cli.ts',
    args: ['--port', '0', '--admin', ...args],
    ready: /^Secret key: \S+$/m,
  });
  const output = started.output();
  const url = /KS Pay sandbox listening on (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`the sandbox did not print its address:\n${output}`);
  return {
    url,
    credentials: {
      appId: field(output, 'App ID'),
      accessKey: field(output, 'Access key'),
      secretKey: field(output, 'Secret key'),
    },
    admin: sandboxAdmin(`${url}/__admin/`),
    stop: () => started.stop(),
  };
}
