// Persists the sandbox's state (transactions, token hashes) to one JSON file, written durably
// (node-shared/durable-file.ts: temp file, fsync, rename, folder fsync).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../node-shared/index.ts';
import { AuthSnapshot } from './auth.ts';
import { TxnRecord } from './transactions.ts';

export const SandboxState = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  auth: AuthSnapshot,
  transactions: z.array(TxnRecord),
});
export type SandboxState = z.infer<typeof SandboxState>;

/** The saved state, or undefined when there is no file yet. A damaged file stops the start with a plain message. */
export async function readState(path: string): Promise<SandboxState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      `Sandbox state file ${path} is not valid JSON: move it aside or delete it to start afresh.`,
    );
  }
  const parsed = SandboxState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Sandbox state file ${path} is not sandbox state (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}): ` +
        'move it aside or delete it to start afresh.',
    );
  }
  return parsed.data;
}

export async function writeStateAtomically(path: string, state: SandboxState): Promise<void> {
  // The folder is whatever --state names: its mode is left to the umask, as the sandbox always did.
  await writeFileDurably(path, JSON.stringify(state), { privateFolder: false });
}

export interface StateWriter {
  /** Asks for a write soon; many changes in a burst make one write. */
  schedule(): void;
  /** Writes now if anything changed, after any write under way. */
  flush(): Promise<void>;
}

export function createStateWriter(
  path: string,
  snapshot: () => SandboxState,
  onError: (error: unknown) => void,
  delayMs = 50,
): StateWriter {
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  // A big history (100,000 seeded transactions is ~30 MB) must not be rewritten after every request: wait at
  // least twice as long as the last write took.
  let lastWriteMs = 0;

  function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    chain = chain.then(async () => {
      if (!dirty) return;
      dirty = false;
      const started = Date.now();
      await writeStateAtomically(path, snapshot()).catch(onError);
      lastWriteMs = Date.now() - started;
    });
    return chain;
  }

  return {
    schedule() {
      dirty = true;
      timer ??= setTimeout(() => void write(), Math.max(delayMs, 2 * lastWriteMs));
    },
    flush: write,
  };
}
