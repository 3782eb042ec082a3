import { describe, expect, it } from 'vitest';
import { settleAll } from './settle-all.ts';

const later = <T>(value: T, ms: number): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('settleAll', () => {
  it('answers with every value, in order', async () => {
    await expect(settleAll([later(1, 5), 'two', later(3, 1)])).resolves.toEqual([1, 'two', 3]);
  });

  it('rejects only after every task has settled, with the first failure in the order given', async () => {
    let slowDone = false;
    const slow = later('saved', 30).then((value) => {
      slowDone = true;
      return value;
    });
    const failure = settleAll([
      slow,
      Promise.reject(new Error('audit failed')),
      Promise.reject(new Error('second')),
    ]);
    await expect(failure).rejects.toThrow('audit failed');
    expect(slowDone).toBe(true);
  });
});
