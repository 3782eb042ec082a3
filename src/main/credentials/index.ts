// Credentials' public face: the one service that reads, saves and compares the KS Pay keys.
export { createCredentialsService, type CredentialsDeps, type CredentialsService } from './credentials.ts';
export { CredentialsError, type CredentialsErrorCode } from './credentials-error.ts';
export { LIVE_KEYS, NO_SAVED_KEYS, type KeyTarget } from './key-binding.ts';
