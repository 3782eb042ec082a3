// One job at a time, in call order: the one promise queue of the app. A job starts when the one before it
// has settled, whatever its outcome, so a failed job never blocks the next; each caller gets its own job's
// result or error. The keyed form runs one such queue per key (a sale ID): one key's jobs in order,
// different keys side by side.

export interface SerialQueue {
  /** Runs `job` after every job queued before it; resolves or rejects as `job` does. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Resolves once every job queued so far has settled; never rejects. */
  idle(): Promise<void>;
}

export interface KeyedSerialQueue {
  /** Runs `job` after every job queued before it under `key`; resolves or rejects as `job` does. */
  run<T>(key: string, job: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(job) {
      const result = tail.then(job);
      tail = settled(result);
      return result;
    },
    idle: () => tail,
  };
}

export function createKeyedSerialQueue(): KeyedSerialQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, job) {
      const result = (tails.get(key) ?? Promise.resolve()).then(job);
      const tail = settled(result);
      tails.set(key, tail);
      // Forget the key once nothing else queued behind this job, so the map does not grow with every sale.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

function settled(job: Promise<unknown>): Promise<void> {
  return job.then(
    () => undefined,
    () => undefined,
  );
}
