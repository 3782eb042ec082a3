// One job at a time per key (a sale ID): events for one sale are applied in order, different sales in parallel.

export interface KeyedLock {
  run<T>(key: string, job: () => Promise<T>): Promise<T>;
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, job) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(job);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // Forget the key once nothing else queued behind this job, so the map does not grow with every sale.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
