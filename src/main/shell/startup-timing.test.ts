import { describe, expect, it } from 'vitest';
import { createStartupTiming } from './startup-timing.ts';

function timing(times: number[]) {
  const lines: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const clock = [...times];
  const startup = createStartupTiming(() => clock.shift() ?? Number.NaN, {
    info: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
  });
  return { startup, lines };
}

describe('createStartupTiming', () => {
  it('logs window shown, then Charge interactive with both times since the process started', () => {
    const { startup, lines } = timing([812.4, 1490.6]);
    startup.mark('window-shown');
    startup.mark('charge-interactive');
    expect(lines.map((l) => l.fields)).toEqual([
      { windowShownMs: 812 },
      { windowShownMs: 812, chargeInteractiveMs: 1491 },
    ]);
    expect(lines[1]!.message).toContain('charge-interactive');
  });

  it('logs each milestone once (a reload reports Charge again) and none out of order', () => {
    const { startup, lines } = timing([100, 200, 300, 400]);
    startup.mark('charge-interactive');
    expect(lines).toEqual([]);
    startup.mark('window-shown');
    startup.mark('window-shown');
    startup.mark('charge-interactive');
    startup.mark('charge-interactive');
    expect(lines.map((l) => l.fields)).toEqual([
      { windowShownMs: 100 },
      { windowShownMs: 100, chargeInteractiveMs: 200 },
    ]);
  });
});
