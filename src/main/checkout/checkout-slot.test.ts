import { describe, expect, it } from 'vitest';
import { createCheckoutSlot, type ClosableWindow } from './checkout-slot.ts';

/** A window whose page refuses close() with beforeunload: only destroy() ends it. */
function stubbornWindow(open: Set<ClosableWindow>): ClosableWindow & { close(): void } {
  let destroyed = false;
  const window = {
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
      open.delete(window);
    },
    close: () => undefined,
  };
  open.add(window);
  return window;
}

describe('the checkout slot', () => {
  it('never stacks a second checkout when one is opened again, even if the page refuses to unload', () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    const first = slot.replace(() => stubbornWindow(open));
    const second = slot.replace(() => stubbornWindow(open));
    expect(open.size).toBe(1);
    expect(first?.isDestroyed()).toBe(true);
    expect(slot.current()).toBe(second);
  });

  it('destroys the window once the return is captured', () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    slot.replace(() => stubbornWindow(open));
    slot.end('return-captured');
    expect(open.size).toBe(0);
    expect(slot.current()).toBeNull();
  });

  it('forgets a window the cashier closed', () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    const window = slot.replace(() => stubbornWindow(open));
    window?.destroy();
    expect(slot.current()).toBeNull();
    expect(slot.replace(() => null)).toBeNull();
  });
});
