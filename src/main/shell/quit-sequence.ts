// Quitting waits for the services: the journal's last write and fsync, the sandbox and the log must finish
// before the process ends. Electron does not wait for a promise in 'will-quit', so the first quit is held
// (preventDefault), the services close, then the app exits. A service that never closes cannot keep the
// terminal from quitting: after `timeoutMs` it exits anyway and says so in the log.
import type { Logger } from '../deps.ts';

export interface QuitSequenceOptions {
  closeServices(): Promise<void>;
  /** app.exit: ends the process without emitting 'will-quit' again. */
  exit(code: number): void;
  log: Logger;
  timeoutMs: number;
}

/** The 'will-quit' listener. Every call holds the quit; only the first starts closing. */
export function createQuitSequence({ closeServices, exit, log, timeoutMs }: QuitSequenceOptions) {
  let closing = false;
  return (event: { preventDefault(): void }): void => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    const closed = closeServices().then(
      () => 'closed' as const,
      (error: unknown) => {
        log.error('quit: a service failed to close', {
          error: error instanceof Error ? error.message : String(error),
        });
        return 'failed' as const;
      },
    );
    void Promise.race([closed, timedOut]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timed-out')
        log.warn('quit: the services did not close in time; quitting anyway', { timeoutMs });
      exit(outcome === 'closed' ? 0 : 1);
    });
  };
}
