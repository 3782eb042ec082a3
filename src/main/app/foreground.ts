// Work a person at the counter waits for (the manager's PIN check) goes first: a background listing of
// the server's records waits between its pages while such work runs, so it does not take the CPU the
// PIN's scrypt needs (on a 2-core terminal listing 100,000 records keeps one core busy for many seconds).
export interface Foreground {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves at once when nothing runs in the foreground, else when it ends (or after `maxWaitMs`). */
  idle(): Promise<void>;
}

/** A foreground task that hangs must not stop a listing for good. */
const MAX_WAIT_MS = 3_000;

export function createForeground({ maxWaitMs = MAX_WAIT_MS }: { maxWaitMs?: number } = {}): Foreground {
  let running = 0;
  let waiters: Array<() => void> = [];

  function wakeAll(): void {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  }

  return {
    async run(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0) wakeAll();
      }
    },
    idle() {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== wake);
          resolve();
        }, maxWaitMs);
        const wake = (): void => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push(wake);
      });
    },
  };
}
