// The renderer tells Electron's main once that Charge is interactive, and browser mode never.
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFakePos } from '../test/fake-pos.ts';
import { useReportChargeInteractive } from './charge-interactive.ts';

describe('useReportChargeInteractive', () => {
  it('reports once, after the frame, when Charge becomes interactive in Electron; never without the preload', () => {
    const fake = installFakePos({ 'diagnostics.chargeInteractive': () => ({ ok: true }) });
    const frame = vi.fn((callback: FrameRequestCallback) => {
      callback(0);
      return 1;
    });
    const browserPage = { requestAnimationFrame: frame } as unknown as Window;
    renderHook(() => useReportChargeInteractive(true, browserPage));
    expect(frame).not.toHaveBeenCalled();

    const electronPage = { requestAnimationFrame: frame, posIpc: {} } as unknown as Window;
    const { rerender } = renderHook(({ ready }) => useReportChargeInteractive(ready, electronPage), {
      initialProps: { ready: false },
    });
    expect(frame).not.toHaveBeenCalled();
    rerender({ ready: true });
    rerender({ ready: false });
    rerender({ ready: true });
    renderHook(() => useReportChargeInteractive(true, electronPage));
    expect(frame).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('diagnostics.chargeInteractive')).toEqual([undefined]);
  });
});
