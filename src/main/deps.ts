// Small dependencies every main-process service takes as parameters, so tests control time and output.
export { silentLogger, systemClock } from '../shared/clock-and-logger.ts';
export type { Clock, Logger } from '../shared/clock-and-logger.ts';

/**
 * One caller of the terminal, as its transport vouches for it: Electron's own renderer is one session,
 * each browser-mode page that opened the one-time address another. The manager role belongs to one.
 */
export type SessionId = string;
