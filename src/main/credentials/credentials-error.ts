// The credentials service's one error type: no keys saved, or keys saved for another server or App ID.
import { CodedError } from '../../shared/coded-error.ts';

export type CredentialsErrorCode = 'not_configured' | 'keys_elsewhere';

export class CredentialsError extends CodedError<CredentialsErrorCode> {
  override readonly name = 'CredentialsError';
}
