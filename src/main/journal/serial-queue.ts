// Runs async jobs one at a time, in call order: appends, replays and close never interleave on the files.

export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(job) {
      const result = tail.then(job);
      // The next job waits for this one to settle, whatever its outcome.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
