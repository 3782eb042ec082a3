import { describe, expect, it } from 'vitest';
import { createKeyedSerialQueue, createSerialQueue } from './serial-queue.ts';

/** A job that waits until `release` is called, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const job = async (): Promise<string> => {
    log.push(`${name} start`);
    await opened;
    log.push(`${name} end`);
    return name;
  };
  return { job, release };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a serial queue', () => {
  it('runs jobs one at a time, in call order, each caller getting its own result', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = queue.run(a.job);
    const second = queue.run(b.job);
    await tick();
    expect(log).toEqual(['a start']);
    b.release();
    await tick();
    expect(log).toEqual(['a start']);
    a.release();
    await expect(first).resolves.toBe('a');
    await expect(second).resolves.toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('hands a failed job its error and still runs the next one', async () => {
    const queue = createSerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('disk full')));
    const next = queue.run(() => Promise.resolve('written'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
  });

  it('is idle only once every job queued so far has settled, and idle never rejects', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    void queue.run(a.job);
    queue.run(() => Promise.reject(new Error('refused'))).catch(() => undefined);
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    a.release();
    await waiting;
    expect(log).toEqual(['a start', 'a end']);
  });
});

describe('a keyed serial queue', () => {
  it("runs one key's jobs in order and different keys side by side", async () => {
    const queue = createKeyedSerialQueue();
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    const first = queue.run('a', a1.job);
    const second = queue.run('a', a2.job);
    const other = queue.run('b', b1.job);
    await tick();
    expect(log).toEqual(['a1 start', 'b1 start']);
    b1.release();
    await expect(other).resolves.toBe('b1');
    expect(log).not.toContain('a2 start');
    a1.release();
    a2.release();
    await expect(first).resolves.toBe('a1');
    await expect(second).resolves.toBe('a2');
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
  });

  it('hands a failed job its error and still runs the next job of its key', async () => {
    const queue = createKeyedSerialQueue();
    const failed = queue.run('sale-1', () => Promise.reject(new Error('refused')));
    const next = queue.run('sale-1', () => Promise.resolve('applied'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('applied');
  });
});
