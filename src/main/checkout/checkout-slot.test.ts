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
    const first = slot.replace('sale-1', () => stubbornWindow(open));
    const second = slot.replace('sale-1', () => stubbornWindow(open));
    expect(open.size).toBe(1);
    expect(first?.isDestroyed()).toBe(true);
    expect(slot.current()).toBe(second);
  });

  it('destroys the window once the return is captured', () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    slot.replace('sale-1', () => stubbornWindow(open));
    slot.end('return-captured');
    expect(open.size).toBe(0);
    expect(slot.current()).toBeNull();
  });

  it("destroys the window when its sale ends, and leaves another sale's window open", () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    const window = slot.replace('sale-1', () => stubbornWindow(open));
    slot.endSale('sale-0');
    expect(slot.current()).toBe(window);
    slot.endSale('sale-1');
    expect(open.size).toBe(0);
    expect(slot.current()).toBeNull();
  });

  it('forgets a window the cashier closed', () => {
    const open = new Set<ClosableWindow>();
    const slot = createCheckoutSlot();
    const window = slot.replace('sale-1', () => stubbornWindow(open));
    window?.destroy();
    expect(slot.current()).toBeNull();
    expect(slot.replace('sale-1', () => null)).toBeNull();
  });
});
