// Small dependencies every main-process service takes as parameters, so tests control time and output.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One caller of the terminal, as its transport vouches for it: Electron's own renderer is one session,
 * each browser-mode page that opened the one-time address another. The manager role belongs to one.
 */
export type SessionId = string;

export const systemClock: Clock = { now: () => Date.now() };

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
