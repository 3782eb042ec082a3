import { describe, expect, it } from 'vitest';
import { chooseDisplay, listScreens, nextWindowStep, type DisplayLike } from './customer-screen.ts';

const laptop: DisplayLike = {
  id: 1,
  label: 'Built-in Retina Display',
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  size: { width: 2880, height: 1800 },
};
const facing: DisplayLike = {
  id: 2,
  label: 'DELL P2422H',
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
  size: { width: 1920, height: 1080 },
};
const unnamed: DisplayLike = {
  id: 3,
  label: '',
  bounds: { x: 3360, y: 0, width: 1024, height: 600 },
  size: { width: 1024, height: 600 },
};

describe('customer display screen', () => {
  it('lists the connected displays by name and size, naming an unnamed one by its place', () => {
    expect(listScreens([laptop, facing, unnamed])).toEqual([
      { name: 'Built-in Retina Display', width: 2880, height: 1800 },
      { name: 'DELL P2422H', width: 1920, height: 1080 },
      { name: 'Display 3', width: 1024, height: 600 },
    ]);
  });

  it('finds the chosen display by name and size, or by name alone once its resolution changed', () => {
    const choice = { name: 'DELL P2422H', width: 1920, height: 1080 };
    expect(chooseDisplay(choice, [laptop, facing])).toBe(facing);
    const resized = { ...facing, size: { width: 1280, height: 720 } };
    expect(chooseDisplay(choice, [laptop, resized])).toBe(resized);
    expect(chooseDisplay({ name: 'Display 3', width: 1024, height: 600 }, [laptop, facing, unnamed])).toBe(
      unnamed,
    );
  });

  it('shows no window when the display is off or not connected, or the name is ambiguous at another size', () => {
    expect(chooseDisplay(null, [laptop, facing])).toBeNull();
    expect(chooseDisplay({ name: 'DELL P2422H', width: 1920, height: 1080 }, [laptop])).toBeNull();
    const twin = { ...facing, id: 9, size: { width: 2560, height: 1440 } };
    const other = { ...facing, id: 10, size: { width: 1280, height: 1024 } };
    expect(chooseDisplay({ name: 'DELL P2422H', width: 1920, height: 1080 }, [twin, other])).toBeNull();
    expect(chooseDisplay({ name: 'DELL P2422H', width: 2560, height: 1440 }, [twin, other])).toBe(twin);
  });

  it('opens, moves, keeps or closes the window as the display it belongs on comes and goes', () => {
    expect(nextWindowStep(null, facing)).toEqual({ do: 'open', bounds: facing.bounds });
    expect(nextWindowStep(facing.bounds, facing)).toEqual({ do: 'keep' });
    expect(nextWindowStep(facing.bounds, unnamed)).toEqual({ do: 'move', bounds: unnamed.bounds });
    expect(nextWindowStep(facing.bounds, null)).toEqual({ do: 'close' });
    expect(nextWindowStep(null, null)).toEqual({ do: 'keep' });
  });
});
