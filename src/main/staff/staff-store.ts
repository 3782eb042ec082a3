// Where the staff state lives: a small private JSON file (PIN hashes, wrong-try counters, cashiers),
// replaced atomically and validated with zod on every read.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../../node-shared/index.ts';
import { AttemptState } from './lockout.ts';
import { PinHash } from './pin-hash.ts';

export const StaffState = z.object({
  version: z.literal(1),
  managerPin: PinHash.nullable(),
  cashiers: z.array(z.object({ name: z.string().min(1).max(40), pin: PinHash })),
  /** Wrong-try counters by who was tried: `manager` or `cashier:<name>`. */
  attempts: z.record(z.string(), AttemptState),
});
export type StaffState = z.infer<typeof StaffState>;

export const EMPTY_STAFF_STATE: StaffState = { version: 1, managerPin: null, cashiers: [], attempts: {} };

export type StaffStoreRead = { ok: true; state: StaffState } | { ok: false; reason: string };

export interface StaffStore {
  /** The saved state; a missing file is a fresh start, a damaged one is reported, never guessed at. */
  read(): Promise<StaffStoreRead>;
  write(state: StaffState): Promise<void>;
}

export function createStaffFileStore({ filePath }: { filePath: string }): StaffStore {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return { ok: true, state: structuredClone(EMPTY_STAFF_STATE) };
        return {
          ok: false,
          reason: `the staff file ${filePath} could not be read (${(error as Error).message})`,
        };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, reason: `the staff file ${filePath} is not valid JSON` };
      }
      const parsed = StaffState.safeParse(json);
      if (!parsed.success)
        return { ok: false, reason: `the staff file ${filePath} does not hold valid PIN data` };
      return { ok: true, state: parsed.data };
    },

    async write(state) {
      await writeFileDurably(filePath, JSON.stringify(StaffState.parse(state), null, 2) + '\n');
    },
  };
}
