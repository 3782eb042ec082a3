import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createQuitSequence } from './quit-sequence.ts';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

describe('quitting', () => {
  it('holds the quit until the services have closed, then exits', async () => {
    let finishClosing: () => void = () => undefined;
    const closeServices = vi.fn(() => new Promise<void>((resolve) => (finishClosing = resolve)));
    const exit = vi.fn();
    const onWillQuit = createQuitSequence({ closeServices, exit, log: silentLogger, timeoutMs: 10_000 });
    const event = quitEvent();
    onWillQuit(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exit).not.toHaveBeenCalled();
    finishClosing();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });

  it('closes once however often quit is asked for meanwhile', async () => {
    const closeServices = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    const exit = vi.fn();
    const onWillQuit = createQuitSequence({ closeServices, exit, log: silentLogger, timeoutMs: 10_000 });
    const second = quitEvent();
    onWillQuit(quitEvent());
    onWillQuit(second);
    expect(second.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledTimes(1));
    expect(closeServices).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when a service never closes, and exits non-zero when one fails', async () => {
    const exit = vi.fn();
    createQuitSequence({
      closeServices: () => new Promise(() => undefined),
      exit,
      log: silentLogger,
      timeoutMs: 30,
    })(quitEvent());
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    const failed = vi.fn();
    createQuitSequence({
      closeServices: () => Promise.reject(new Error('disk gone')),
      exit: failed,
      log: silentLogger,
      timeoutMs: 1000,
    })(quitEvent());
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith(1));
  });
});
