// Fault injection state: what goes wrong with the next requests, set in-process or through /__admin/faults.
import { z } from 'zod';
import type { SandboxFaults } from './types.ts';

const count = z.number().int().min(0).max(1_000_000);

/** A body for POST /__admin/faults: any subset of SandboxFaults; unknown fields are refused. */
export const FaultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    dropNext: count,
    fail500Next: count,
    fail429Next: count,
    timeoutAfterCommitNext: count,
    cutNext: count,
    lieInNextRedirect: z.boolean(),
    duplicateNextRedirect: z.boolean(),
    orderWithoutTxnId: z.boolean(),
    listLagging: z.boolean(),
    pathPrefix: z.string().max(200),
  })
  .partial()
  .strict() satisfies z.ZodType<Partial<SandboxFaults>>;

/** Writes the server commits (and then, with timeoutAfterCommitNext, never answers). */
const COMMITTING_PATHS = ['/transaction/initiate', '/transaction/process'];

export interface FaultState {
  get(): SandboxFaults;
  set(patch: Partial<SandboxFaults>): void;
  reset(): void;
  /** Each `take*` consumes one use of a fault when it applies to this request. */
  takeDrop(path: string): boolean;
  takeFail500(path: string): boolean;
  takeFail429(path: string): boolean;
  takeCut(path: string): boolean;
  takeTimeoutAfterCommit(method: string, path: string): boolean;
  takeLie(): boolean;
  takeDuplicate(): boolean;
}

export function createFaultState(baseLatencyMs: number): FaultState {
  const initial = (): SandboxFaults => ({
    latencyMs: baseLatencyMs,
    dropNext: 0,
    fail500Next: 0,
    fail429Next: 0,
    timeoutAfterCommitNext: 0,
    lieInNextRedirect: false,
    duplicateNextRedirect: false,
    orderWithoutTxnId: false,
    listLagging: false,
  });
  let faults = initial();

  const applies = (path: string): boolean => !faults.pathPrefix || path.startsWith(faults.pathPrefix);

  function takeCounter(
    key: 'dropNext' | 'fail500Next' | 'fail429Next' | 'timeoutAfterCommitNext' | 'cutNext',
    path: string,
  ) {
    const left = faults[key] ?? 0;
    if (left <= 0 || !applies(path)) return false;
    faults[key] = left - 1;
    return true;
  }

  return {
    get: () => ({ ...faults }),
    set(patch) {
      const next = { ...faults, ...FaultsPatch.parse(patch) };
      if (next.pathPrefix === '') delete next.pathPrefix;
      faults = next;
    },
    reset() {
      faults = initial();
    },
    takeDrop: (path) => takeCounter('dropNext', path),
    takeFail500: (path) => takeCounter('fail500Next', path),
    takeFail429: (path) => takeCounter('fail429Next', path),
    takeCut: (path) => takeCounter('cutNext', path),
    takeTimeoutAfterCommit(method, path) {
      if (method !== 'POST' || !COMMITTING_PATHS.includes(path)) return false;
      return takeCounter('timeoutAfterCommitNext', path);
    },
    takeLie() {
      const on = faults.lieInNextRedirect;
      faults.lieInNextRedirect = false;
      return on;
    },
    takeDuplicate() {
      const on = faults.duplicateNextRedirect;
      faults.duplicateNextRedirect = false;
      return on;
    },
  };
}
