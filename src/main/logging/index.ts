// Logging: a redacting, size-rotating file logger for the main process and browser mode.
export { createLogger, LOG_LEVELS } from './logger.ts';
export type { FileLogger, LoggerOptions, LogLevel } from './logger.ts';
export { redactText, redactValue, isSecretFieldName, REDACTED } from './redact.ts';
