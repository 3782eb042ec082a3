// The audit log: an append-only JSON-lines file of sensitive actions (keys, settings, PINs, exports,
// reconcile decisions, day closes), each line validated, fsync'ed, and scrubbed of secrets.
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../../shared/coded-error.ts';
import { AuditEntry } from '../../shared/domain.ts';
import { createSerialQueue } from '../../shared/serial-queue.ts';
import type { Clock } from '../deps.ts';
import { toCsv } from './csv.ts';
import { redactSecrets } from './redact.ts';

export const AUDIT_FILE_NAME = 'audit.jsonl';

export type AuditErrorCode = 'write_failed' | 'read_failed' | 'invalid';

export class AuditError extends CodedError<AuditErrorCode> {
  override readonly name = 'AuditError';
}

export interface AuditRecordInput {
  /** What happened, dotted and stable, e.g. `pin.failed`, `settings.changed`. */
  action: string;
  /** Who did it: `manager`, a cashier's name, or `system`. */
  actor: string;
  detail?: string;
}

export interface AuditLog {
  record(input: AuditRecordInput): Promise<AuditEntry>;
  /** Every entry, oldest first. A torn last line (power cut mid-write) is left out. */
  list(): Promise<AuditEntry[]>;
  /** The whole log as RFC 4180 CSV, safe to open in a spreadsheet. */
  exportCsv(): Promise<string>;
  readonly filePath: string;
}

export interface AuditLogOptions {
  /** The journal folder; the log is `audit.jsonl` inside it. */
  dir: string;
  clock: Clock;
}

export function createAuditLog({ dir, clock }: AuditLogOptions): AuditLog {
  const filePath = join(dir, AUDIT_FILE_NAME);
  // Appends run one after another, so lines never interleave and a failed write cannot tear the next.
  const queue = createSerialQueue();
  let checkedTail = false;

  async function append(line: string): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(filePath, 'a+', 0o600);
    try {
      let prefix = '';
      if (!checkedTail) {
        // A line torn by a crash has no newline: start ours on a fresh line so both stay readable.
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        checkedTail = true;
      }
      await handle.appendFile(prefix + line + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function readText(): Promise<string> {
    try {
      return await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw new AuditError(
        'read_failed',
        `The audit log at ${filePath} could not be read. Check the journal folder's permissions.`,
        { cause: error },
      );
    }
  }

  return {
    filePath,

    record(input) {
      const parsed = AuditEntry.safeParse({
        at: new Date(clock.now()).toISOString(),
        action: input.action,
        actor: redactSecrets(input.actor),
        detail: redactSecrets(input.detail ?? ''),
      });
      if (!parsed.success) {
        return Promise.reject(
          new AuditError('invalid', `The audit entry "${input.action}" is not valid and was not recorded.`),
        );
      }
      const entry = parsed.data;
      return queue
        .run(() => append(JSON.stringify(entry)))
        .then(
          () => entry,
          (error: unknown) => {
            throw new AuditError(
              'write_failed',
              `The audit log at ${filePath} could not be written. Check the disk has space and the journal folder can be written to.`,
              { cause: error },
            );
          },
        );
    },

    list,

    async exportCsv() {
      const entries = await list();
      return toCsv([
        ['Time', 'Action', 'Actor', 'Detail'],
        ...entries.map((e) => [e.at, e.action, e.actor, e.detail]),
      ]);
    },
  };

  async function list(): Promise<AuditEntry[]> {
    await queue.idle();
    const lines = (await readText()).split('\n');
    const entries: AuditEntry[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const entry = parseLine(line);
      if (entry) {
        entries.push(entry);
      } else if (index < lines.length - 1) {
        // Only a final line without its newline can be a torn write; anything else is damage the
        // manager must see rather than a gap in the record.
        entries.push({
          at: entries.at(-1)?.at ?? new Date(0).toISOString(),
          action: 'audit.unreadable_line',
          actor: 'system',
          detail: `Line ${index + 1} of the audit log could not be read; the file may have been edited or damaged.`,
        });
      }
    });
    return entries;
  }
}

function parseLine(line: string): AuditEntry | null {
  try {
    const result = AuditEntry.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
