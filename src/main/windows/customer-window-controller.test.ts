import { describe, expect, it } from 'vitest';
import type { DisplayScreen } from '../../shared/domain.ts';
import type { DisplayLike } from './customer-screen.ts';
import { createCustomerWindowController, type CustomerWindowLike } from './customer-window-controller.ts';

const main: DisplayLike = {
  id: 1,
  label: 'Built-in',
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  size: { width: 1366, height: 768 },
};
const facing: DisplayLike = {
  id: 2,
  label: 'Customer 7in',
  bounds: { x: 1366, y: 0, width: 1024, height: 600 },
  size: { width: 1024, height: 600 },
};
const FACING: DisplayScreen = { name: 'Customer 7in', width: 1024, height: 600 };

function rig(initial: DisplayLike[], chosen: DisplayScreen | null) {
  let displays = initial;
  let choice = chosen;
  const listeners = new Map<string, () => void>();
  const log: string[] = [];
  let next = 10;
  const controller = createCustomerWindowController({
    screen: {
      getAllDisplays: () => displays,
      on: (event, listener) => listeners.set(event, listener),
    },
    chosen: () => choice,
    open(bounds) {
      const id = next++;
      let closed: () => void = () => undefined;
      log.push(`open ${id} at ${bounds.x},${bounds.y}`);
      const window: CustomerWindowLike = {
        webContentsId: id,
        moveTo: (to) => void log.push(`move ${id} to ${to.x},${to.y}`),
        close: () => {
          log.push(`close ${id}`);
          closed();
        },
        onClosed: (listener) => void (closed = listener),
      };
      return window;
    },
  });
  return {
    controller,
    log,
    plug(next: DisplayLike[], event: 'display-added' | 'display-removed' | 'display-metrics-changed') {
      displays = next;
      listeners.get(event)!();
    },
    choose(next: DisplayScreen | null) {
      choice = next;
      controller.apply();
    },
  };
}

describe('customer window controller', () => {
  it('opens the window on the chosen display at start (a restart finds the setting), and nowhere when off', () => {
    const on = rig([main, facing], FACING);
    on.controller.apply();
    expect(on.log).toEqual(['open 10 at 1366,0']);
    expect(on.controller.webContentsId()).toBe(10);
    const off = rig([main, facing], null);
    off.controller.apply();
    expect(off.log).toEqual([]);
    expect(off.controller.webContentsId()).toBeNull();
  });

  it('closes the window when its display is unplugged and opens it again when it comes back', () => {
    const r = rig([main, facing], FACING);
    r.controller.apply();
    r.plug([main], 'display-removed');
    expect(r.controller.webContentsId()).toBeNull();
    r.plug([main, facing], 'display-added');
    r.plug([main, { ...facing, bounds: { ...facing.bounds, x: -1024 } }], 'display-metrics-changed');
    expect(r.log).toEqual(['open 10 at 1366,0', 'close 10', 'open 11 at 1366,0', 'move 11 to -1024,0']);
  });

  it('follows Settings: off closes it, another display moves it, and lists what is connected', () => {
    const r = rig([main, facing], null);
    r.choose(FACING);
    r.choose({ name: 'Built-in', width: 1366, height: 768 });
    r.choose(null);
    expect(r.log).toEqual(['open 10 at 1366,0', 'move 10 to 0,0', 'close 10']);
    expect(r.controller.screens()).toEqual([{ name: 'Built-in', width: 1366, height: 768 }, FACING]);
  });

  it('forgets a window closed from outside, so the next change opens a new one', () => {
    const r = rig([main, facing], FACING);
    r.controller.apply();
    r.controller.close();
    expect(r.controller.webContentsId()).toBeNull();
    r.controller.apply();
    expect(r.log).toEqual(['open 10 at 1366,0', 'close 10', 'open 11 at 1366,0']);
  });
});
