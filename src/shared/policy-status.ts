// What the renderer is told about the machine policy IT placed: which settings it locks, the idle-lock
// bounds a manager may choose within, and every problem that keeps an invalid policy from applying.
import { z } from 'zod';

/** One thing wrong with the policy file: the field (as written in the file), the value found, and what is allowed. */
export const PolicyProblem = z.object({
  field: z.string(),
  /** The value as found, shortened for the screen; absent when the field is missing or the file unreadable. */
  value: z.string().optional(),
  message: z.string(),
});
export type PolicyProblem = z.infer<typeof PolicyProblem>;

export const IdleLockBounds = z.object({ min: z.number().int(), max: z.number().int() });
export type IdleLockBounds = z.infer<typeof IdleLockBounds>;

export const PolicyStatus = z.object({
  /** The policy file this terminal reads (shown on the problem screen and in Settings). */
  path: z.string().nullable(),
  /** Settings the policy sets: shown as "Set by your organisation" and refused by a settings change. */
  locked: z.array(z.string()),
  idleLockBounds: IdleLockBounds.optional(),
  /** Non-empty: the policy is invalid and the terminal takes no payments until it is fixed. */
  problems: z.array(PolicyProblem),
});
export type PolicyStatus = z.infer<typeof PolicyStatus>;

export const NO_POLICY: PolicyStatus = { path: null, locked: [], problems: [] };
