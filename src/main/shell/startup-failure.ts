// What a person sees when the terminal cannot start: a dialog (an installed app has no terminal for
// stderr to reach) saying what failed, where the log is, and what to do next.

export interface StartupFailure {
  title: string;
  content: string;
}

export function startupFailure(error: unknown, logFile: string | null): StartupFailure {
  const reason = error instanceof Error ? error.message : String(error);
  const where = logFile
    ? `The log with the details is ${logFile}.`
    : 'No log could be written (the failure happened before the log was opened).';
  return {
    title: 'KS Pay POS could not start',
    content: `${reason}\n\n${where}\n\nRestart KS Pay POS. If it fails again, send that log to your support contact (Save diagnostics cannot run while the app is down).`,
  };
}
