// Promise.all answers at the first rejection while the other tasks run on: a write nobody waits for, whose
// failure is never seen and which can land after a later call. settleAll waits for every task, then
// answers with their values or the first failure in the order given.

type Settled<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

export async function settleAll<const T extends readonly unknown[]>(tasks: T): Promise<Settled<T>> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as Settled<T>;
}
