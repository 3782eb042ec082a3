// Time and log output as parameters, so every service (main's and the sandbox's) can be tested with a
// controlled clock and a quiet or recording logger.

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

export const systemClock: Clock = { now: () => Date.now() };

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
