import { describe, expect, it } from 'vitest';
import { createForeground } from './foreground.ts';

function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  return new Promise((resolve) => setTimeout(() => resolve(done), 20));
}

describe('foreground work', () => {
  it('lets background work on at once when nothing runs in the foreground', async () => {
    expect(await settled(createForeground().idle())).toBe(true);
  });

  it('holds background work while a foreground task runs, and lets it on when the task ends or fails', async () => {
    const foreground = createForeground();
    let finish: () => void = () => undefined;
    const task = foreground.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const waiting = foreground.idle();
    expect(await settled(waiting)).toBe(false);
    finish();
    await task;
    expect(await settled(waiting)).toBe(true);

    const failing = foreground.run(() => Promise.reject(new Error('wrong PIN')));
    const waitingAgain = foreground.idle();
    await expect(failing).rejects.toThrow('wrong PIN');
    expect(await settled(waitingAgain)).toBe(true);
  });

  it('lets background work on after the longest wait even if a foreground task hangs', async () => {
    const foreground = createForeground({ maxWaitMs: 30 });
    void foreground.run(() => new Promise(() => undefined));
    const waiting = foreground.idle();
    expect(await settled(waiting)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await settled(waiting)).toBe(true);
  });
});
