// The KsPayError a call rejects with, for tests that go on to check its code and message.
import { expect } from 'vitest';
import { KsPayError } from '../errors.ts';

export async function failure(promise: Promise<unknown>): Promise<KsPayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KsPayError);
  return error as KsPayError;
}
