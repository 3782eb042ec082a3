// Turns `npm run sandbox -- --port 0 --seed-transactions 1000 ...` into SandboxOptions, with plain-words errors.
import { parseArgs } from 'node:util';
import { ALL_HOSTILE_BEHAVIOURS, HostileBehaviour } from './hostile.ts';
import type { SandboxOptions } from './types.ts';

export const CLI_USAGE = `Usage: npm run sandbox -- [options]
  --port N                 port to listen on (0 = any free port; default 4010)
  --host H                 address to listen on (default 127.0.0.1)
  --seed-transactions N    seed N transactions over the last 30 days
  --latency MS             delay every reply by MS milliseconds
  --token-ttl S            access tokens live S seconds (default 900)
  --checkout-ttl S         unpaid checkouts expire after S seconds (default 900)
  --rate-limit N           at most N requests per second per caller (default unlimited)
  --admin                  enable the /__admin fault-injection endpoint
  --state FILE             keep state in FILE across restarts
  --variant s2s|npm        which documented response shape to serve (default s2s)
  --unpaged                GET /transaction ignores page and limit: every transaction in one streamed array
  --hostile[=a,b]          serve malicious replies: all, or the named behaviours (${ALL_HOSTILE_BEHAVIOURS.join(', ')})
  --help                   show this help`;

export class CliArgsError extends Error {}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new CliArgsError(`${flag} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

function hostileOption(argv: readonly string[]): boolean | HostileBehaviour[] | undefined {
  const flags = argv.filter((arg) => arg === '--hostile' || arg.startsWith('--hostile='));
  if (flags.length === 0) return undefined;
  const names = flags.flatMap((arg) => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1).split(',') : []));
  if (names.length === 0 || names.includes('all')) return true;
  return names.map((name) => {
    const parsed = HostileBehaviour.safeParse(name);
    if (!parsed.success) {
      throw new CliArgsError(
        `--hostile: unknown behaviour "${name}"; known: ${ALL_HOSTILE_BEHAVIOURS.join(', ')}.`,
      );
    }
    return parsed.data;
  });
}

export type CliCommand = { help: true } | { help: false; options: SandboxOptions };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--hostile' && !arg.startsWith('--hostile=')),
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'seed-transactions': { type: 'string' },
        latency: { type: 'string' },
        'token-ttl': { type: 'string' },
        'checkout-ttl': { type: 'string' },
        'rate-limit': { type: 'string' },
        admin: { type: 'boolean' },
        state: { type: 'string' },
        variant: { type: 'string' },
        unpaged: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  if (values.variant !== undefined && values.variant !== 's2s' && values.variant !== 'npm') {
    throw new CliArgsError(`--variant must be s2s or npm, not "${values.variant}".`);
  }
  const hostile = hostileOption(argv);
  const options: SandboxOptions = {
    port: wholeNumber('--port', values.port, 0, 65_535) ?? 4010,
    host: values.host ?? '127.0.0.1',
    seedTransactions: wholeNumber('--seed-transactions', values['seed-transactions'], 0, 5_000_000) ?? 0,
    latencyMs: wholeNumber('--latency', values.latency, 0, 600_000) ?? 0,
    tokenTtlSec: wholeNumber('--token-ttl', values['token-ttl'], 1, 86_400 * 30) ?? 900,
    checkoutTtlSec: wholeNumber('--checkout-ttl', values['checkout-ttl'], 1, 86_400 * 30) ?? 900,
    admin: values.admin ?? false,
    variant: values.variant ?? 's2s',
    paging: values.unpaged ? 'unpaged' : 'paged',
  };
  const rateLimit = wholeNumber('--rate-limit', values['rate-limit'], 1, 1_000_000);
  if (rateLimit !== undefined) options.rateLimitPerSecond = rateLimit;
  if (values.state !== undefined) options.statePath = values.state;
  if (hostile !== undefined) options.hostile = hostile;
  return { help: false, options };
}
