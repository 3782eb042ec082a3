// The app's logger: JSON lines, redacted at the source, in size-rotated files in the log folder.
import type { Clock, Logger } from '../deps.ts';
import { systemClock } from '../deps.ts';
import { redactText, redactValue } from './redact.ts';
import { createRotatingFile } from './rotating-file.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** The app's log folder (created when missing). */
  dir: string;
  /** Lines below this level are dropped. */
  level: LogLevel;
  /** Also print each (redacted) line to stderr. */
  console?: boolean;
  /** Live file name; default `main.log`. */
  fileName?: string;
  /** Default 1 MiB. */
  maxBytes?: number;
  /** Archived files kept besides the live one; default 5. */
  keep?: number;
  clock?: Clock;
}

export interface FileLogger extends Logger {
  /** The live log file. */
  readonly path: string;
  /** Every file of this log, newest first. */
  files(): string[];
}

export function createLogger(options: LoggerOptions): FileLogger {
  const file = createRotatingFile({
    dir: options.dir,
    fileName: options.fileName ?? 'main.log',
    maxBytes: options.maxBytes ?? 1024 * 1024,
    keep: options.keep ?? 5,
  });
  const clock = options.clock ?? systemClock;
  const threshold = LOG_LEVELS.indexOf(options.level);
  let writeFailed = false;

  function write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const entry: Record<string, unknown> = {
      t: new Date(clock.now()).toISOString(),
      level,
      msg: redactText(String(message)),
    };
    if (fields !== undefined && Object.keys(fields).length > 0) entry['fields'] = redactValue(fields);
    const line = `${JSON.stringify(entry)}\n`;
    if (options.console) process.stderr.write(line);
    try {
      file.append(line);
    } catch (error) {
      // Logging must never break a sale: report the first failure on stderr and carry on.
      if (!writeFailed) {
        writeFailed = true;
        process.stderr.write(
          `Could not write the log file ${file.path}: ${redactText(String(error))}. Check the disk has space and the folder is writable.\n`,
        );
      }
    }
  }

  return {
    path: file.path,
    files: () => file.files(),
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
