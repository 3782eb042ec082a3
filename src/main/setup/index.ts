// Setup's public face: app status, Demo mode, testing and saving the KS Pay connection, the first PIN.
export { createSetup, type Setup, type SetupDeps } from './setup.ts';
export { SetupError, type SetupErrorCode } from './setup-error.ts';
export { resolveBaseUrl, describeTarget, type ConnectionTarget } from './base-url.ts';
export { testConnection, STEP_NAMES } from './connection-test.ts';
