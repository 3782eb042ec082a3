// Turns `npm run browser -- --port N --data-dir DIR ...` into options, with plain-words errors.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const BROWSER_USAGE = `Usage: npm run browser -- [options]
  --port N               port on 127.0.0.1 (0 = any free port; default 5180)
  --data-dir DIR         where settings, journals and logs are kept (required)
  --renderer-dir DIR     the built renderer to serve (default out/renderer, made by npm run build)
  --sandbox-admin        enable the built-in Demo sandbox's /__admin fault endpoint and print its address
  --sandbox-latency MS   delay every reply of the built-in Demo sandbox by MS milliseconds
  --list-max-records N   test switch: keep at most N records of one KS Pay transaction listing (default 1000000)
  --list-deadline MS     test switch: stop one KS Pay transaction listing after MS milliseconds (default 300000)
  --policy FILE          a machine policy file, as IT places one (see README "Deploying to many counters")
  --log-level LEVEL      debug, info, warn or error (default info)
  --opener-file          write a private file that opens the one-time address, and print its path
  --help                 show this help`;

export class BrowserArgsError extends Error {}

export interface BrowserOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  sandboxAdmin: boolean;
  sandboxLatencyMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Write a private opener file for the one-time address (what npm start hands to xdg-open). */
  openerFile: boolean;
  /** The machine policy file; browser mode reads none unless given. */
  policyPath?: string;
  /** Test switches bounding one listing of the live KS Pay's transactions; the client's defaults when absent. */
  listLimits?: { maxListRecords?: number; listDeadlineMs?: number };
}

export type BrowserCommand = { help: true } | { help: false; options: BrowserOptions };

function wholeNumber(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new BrowserArgsError(`${flag} must be a whole number from 0 to ${max}, not "${value}".`);
  return Number(value);
}

function positive(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new BrowserArgsError(`${flag} must be a whole number from 1 to ${max}, not "${value}".`);
  return Number(value);
}

export function parseBrowserArgs(argv: readonly string[], defaultRendererDir: string): BrowserCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'sandbox-admin': { type: 'boolean' },
        'sandbox-latency': { type: 'string' },
        'log-level': { type: 'string' },
        policy: { type: 'string' },
        'opener-file': { type: 'boolean' },
        'list-max-records': { type: 'string' },
        'list-deadline': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new BrowserArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  if (!values['data-dir'])
    throw new BrowserArgsError(
      '--data-dir is required: the folder where this terminal keeps its settings, journals and logs.',
    );
  const logLevel = values['log-level'] ?? 'info';
  if (logLevel !== 'debug' && logLevel !== 'info' && logLevel !== 'warn' && logLevel !== 'error') {
    throw new BrowserArgsError(`--log-level must be debug, info, warn or error, not "${logLevel}".`);
  }
  const listLimits = {
    ...(values['list-max-records'] === undefined
      ? {}
      : { maxListRecords: positive('--list-max-records', values['list-max-records'], 1_000_000) }),
    ...(values['list-deadline'] === undefined
      ? {}
      : { listDeadlineMs: positive('--list-deadline', values['list-deadline'], 3_600_000) }),
  };
  return {
    help: false,
    options: {
      port: wholeNumber('--port', values.port, 5180, 65535),
      dataDir: resolve(values['data-dir']),
      rendererDir: resolve(values['renderer-dir'] ?? defaultRendererDir),
      sandboxAdmin: values['sandbox-admin'] ?? false,
      sandboxLatencyMs: wholeNumber('--sandbox-latency', values['sandbox-latency'], 0, 60_000),
      logLevel,
      openerFile: values['opener-file'] ?? false,
      ...(values.policy ? { policyPath: resolve(values.policy) } : {}),
      ...(Object.keys(listLimits).length > 0 ? { listLimits } : {}),
    },
  };
}
