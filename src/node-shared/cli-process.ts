// What both command-line programs (browser mode and the sandbox) do around their work: close cleanly on Ctrl+C
// or a termination signal, and, when start-up fails, say why on stderr (with the usage for a wrong argument).

/** Closes on SIGINT or SIGTERM, then exits 0, or 1 when closing failed. */
export function closeOnSignal(close: () => Promise<unknown>): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Says `program` could not start and why, then exits 2 for a wrong argument (`usage` given), 1 otherwise. */
export function exitOnStartFailure(program: string, error: unknown, usage: string | null): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${program} could not start: ${usage === null ? message : `${message}\n\n${usage}`}\n`,
  );
  process.exit(usage === null ? 1 : 2);
}
