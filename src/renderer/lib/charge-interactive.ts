// Tells main, once per page and only in Electron, that the Charge button is interactive (shown with a
// method chosen): main logs the start-up timing, process start → window shown → Charge interactive.
import { useEffect } from 'react';
import { pos } from './pos.ts';

let reported = false;

export function useReportChargeInteractive(interactive: boolean, win: Window = window): void {
  useEffect(() => {
    if (!interactive || reported || !win.posIpc) return;
    reported = true;
    // After the frame that shows it; a failed report only leaves the log without the figure.
    win.requestAnimationFrame(
      () =>
        void pos()
          .diagnostics.chargeInteractive()
          .catch(() => undefined),
    );
  }, [interactive, win]);
}
