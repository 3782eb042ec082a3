// The machine policy as it is now: read at start and again whenever its file changes. The folder is
// watched (an editor or installer replaces the file atomically: a new file renamed over the old one),
// changes are debounced, and a folder that does not exist yet is polled until it does.
import { watch, readFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { PolicyProblem } from '../../shared/policy-status.ts';
import type { Logger } from '../deps.ts';
import { checkPolicyText, type Policy, type PolicyContext } from './policy-check.ts';

export type PolicyState =
  | { kind: 'none'; path: string | null }
  | { kind: 'valid'; path: string; policy: Policy }
  | { kind: 'invalid'; path: string; problems: PolicyProblem[] };

export type PolicyListener = (next: PolicyState, previous: PolicyState) => void;

export interface PolicySource {
  get(): PolicyState;
  /** Called after the policy changed (not for a change that leaves it the same); returns the unsubscribe function. */
  onChange(listener: PolicyListener): () => void;
  /** Reads the file again now and tells the listeners if it changed. */
  reload(): PolicyState;
  close(): void;
}

/** A missing file is no policy (the usual case); a file that cannot be read is a problem, never ignored. */
export function readPolicyState(path: string, context: PolicyContext): PolicyState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none', path };
    return {
      kind: 'invalid',
      path,
      problems: [
        {
          field: '(file)',
          message: `The policy file could not be read (${code ?? (error as Error).message}). Check it is a file that every user of this computer can read.`,
        },
      ],
    };
  }
  const checked = checkPolicyText(text, context);
  return checked.ok
    ? { kind: 'valid', path, policy: checked.policy }
    : { kind: 'invalid', path, problems: checked.problems };
}

/** A terminal with no policy file to read (browser mode without --policy). */
export function noPolicySource(): PolicySource {
  const none: PolicyState = { kind: 'none', path: null };
  return { get: () => none, onChange: () => () => undefined, reload: () => none, close: () => undefined };
}

export interface PolicySourceOptions extends PolicyContext {
  path: string;
  log: Logger;
  /** Wait this long after the last change before reading (an installer may write in several steps). */
  debounceMs?: number;
  /** How often a policy folder that does not exist is looked for. */
  pollMs?: number;
  /** False: read once, never watch (tests that call reload themselves). */
  watch?: boolean;
}

export function createPolicySource(options: PolicySourceOptions): PolicySource {
  const { path, log, debounceMs = 300, pollMs = 10_000 } = options;
  const context: PolicyContext = { hostname: options.hostname };
  const listeners = new Set<PolicyListener>();
  let current = readPolicyState(path, context);
  logState(current);
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let poller: NodeJS.Timeout | null = null;
  let closed = false;

  function logState(state: PolicyState): void {
    if (state.kind === 'invalid')
      log.error('policy: invalid; the terminal takes no payments until it is fixed', {
        path,
        problems: state.problems.map((p) => `${p.field}: ${p.message}`),
      });
    else if (state.kind === 'valid')
      log.info('policy: applied', { path, locked: Object.keys(state.policy.settings) });
  }

  function reload(): PolicyState {
    const next = readPolicyState(path, context);
    const previous = current;
    if (JSON.stringify(next) === JSON.stringify(previous)) return current;
    current = next;
    logState(next);
    for (const listener of listeners) {
      try {
        listener(next, previous);
      } catch (error) {
        log.error('policy: a change listener failed', { error: (error as Error).message });
      }
    }
    return current;
  }

  function schedule(): void {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      reload();
    }, debounceMs);
    timer.unref();
  }

  /** Until the folder exists: read the file now and then (reload tells only a change), and try to watch again. */
  function poll(): void {
    if (poller || closed) return;
    poller = setInterval(() => {
      reload();
      if (startWatcher() && poller) {
        clearInterval(poller);
        poller = null;
      }
    }, pollMs);
    poller.unref();
  }

  function startWatcher(): boolean {
    try {
      watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
        if (name === null || name.toString() === basename(path)) schedule();
      });
    } catch {
      return false;
    }
    watcher.on('error', () => {
      // The folder was removed: look again by polling, and read now (the file went with it).
      watcher?.close();
      watcher = null;
      schedule();
      poll();
    });
    return true;
  }

  if (options.watch !== false && !startWatcher()) poll();

  return {
    get: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      if (poller) clearInterval(poller);
    },
  };
}
