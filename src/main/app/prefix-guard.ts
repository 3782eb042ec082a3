// One reference prefix per terminal. Terminals are told apart by the prefix of their sale references
// (shared/terminal-of.ts), so a terminal refuses a prefix another terminal's records already use today on
// the KS Pay server: when the manager sets it, and at start (then sales wait until it is changed).
import { randomBytes } from 'node:crypto';
import { terminalOf } from '../../shared/terminal-of.ts';
import { createZonedTime } from '../../shared/zoned-time.ts';
import type { Clock, Logger } from '../deps.ts';
import type { Transaction } from '../kspay/index.ts';
import { PosAppError } from './app-error.ts';

export interface PrefixUse {
  prefix: string;
  /** How many of today's server records with the prefix this terminal did not make. */
  count: number;
  /** One of them, for the message. */
  example: string;
}

/** Records in `records` that carry `prefix` but are not among this terminal's own references. */
export function foreignUseOf(
  prefix: string,
  records: readonly Pick<Transaction, 'referenceNumber'>[],
  ownReferences: ReadonlySet<string>,
): PrefixUse | null {
  let count = 0;
  let example = '';
  for (const record of records) {
    if (terminalOf(record.referenceNumber) !== prefix || ownReferences.has(record.referenceNumber)) continue;
    count += 1;
    example ||= record.referenceNumber;
  }
  return count === 0 ? null : { prefix, count, example };
}

export function prefixInUseMessage(use: PrefixUse, when: 'choosing' | 'running'): string {
  const seen = `${use.count} of today's sales on KS Pay (such as ${use.example}) carry the reference prefix "${use.prefix}" but were made by another terminal.`;
  return when === 'choosing'
    ? `${seen} Each terminal needs a prefix of its own, or their sales mix on the desk: choose another prefix.`
    : `${seen} Each terminal needs a prefix of its own, or their sales mix: this terminal takes no payments until the manager chooses another prefix under Manager → Settings → Reference prefix.`;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The prefix a terminal gets on its first start: up to three letters or digits of the computer's name and
 * three random characters (e.g. "TIL4QZ" on "till-7"), so two new terminals almost never share one.
 */
export function firstStartPrefix(
  hostname: string,
  random: (size: number) => Uint8Array = randomBytes,
): string {
  const head =
    hostname
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 3) || 'POS';
  const bytes = random(3);
  let tail = '';
  for (let i = 0; i < 3; i++) tail += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return head + tail;
}

export interface PrefixGuardDeps {
  /** Today's server records and this terminal's own references, from the running profile. */
  source(): Promise<{
    transactions(query: { from: string }): Promise<readonly Pick<Transaction, 'referenceNumber'>[]>;
    ownReferences(): ReadonlySet<string>;
  }>;
  prefix(): string;
  clock: Clock;
  timeZone: string;
  log: Logger;
}

export interface PrefixGuard {
  /** Refuses (`prefix_in_use`) a prefix another terminal used today; lets it through when the server cannot be asked. */
  requireFree(prefix: string): Promise<void>;
  /** Checks the prefix in use (at start, after a reconnect); a conflict found pauses sales until the prefix changes. */
  checkCurrent(): Promise<PrefixUse | null>;
  /** Throws the conflict of the prefix in use, if the last check found one. */
  requireNoConflict(): void;
}

export function createPrefixGuard(deps: PrefixGuardDeps): PrefixGuard {
  const zoned = createZonedTime(deps.timeZone);
  let conflict: PrefixUse | null = null;

  async function useOf(prefix: string): Promise<PrefixUse | null> {
    const source = await deps.source();
    const now = deps.clock.now();
    const from = new Date(zoned.startOfDay(zoned.dayKey(now))).toISOString();
    return foreignUseOf(prefix, await source.transactions({ from }), source.ownReferences());
  }

  return {
    async requireFree(prefix) {
      let use: PrefixUse | null;
      try {
        use = await useOf(prefix);
      } catch (error) {
        // Offline the manager can still change settings; the check at the next start catches a clash.
        deps.log.warn('prefix: could not check the new prefix against the server', {
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      if (use) throw new PosAppError('prefix_in_use', prefixInUseMessage(use, 'choosing'));
    },

    async checkCurrent() {
      const prefix = deps.prefix();
      try {
        conflict = await useOf(prefix);
      } catch (error) {
        deps.log.warn('prefix: could not check the prefix in use against the server', {
          error: error instanceof Error ? error.message : String(error),
        });
        return null;
      }
      if (conflict)
        deps.log.error('prefix: another terminal uses this prefix today', { prefix, count: conflict.count });
      return conflict;
    },

    requireNoConflict() {
      if (conflict && conflict.prefix === deps.prefix())
        throw new PosAppError('prefix_in_use', prefixInUseMessage(conflict, 'running'));
    },
  };
}
