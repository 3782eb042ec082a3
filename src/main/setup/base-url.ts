// Where a connection goes: KS Pay's published servers, the built-in Demo sandbox, or a custom URL
// (https, or http only for this computer).
import { ENVIRONMENT_URLS, type Environment } from '../../shared/domain.ts';
import { isAllowedBaseUrl } from '../settings/index.ts';
import { SetupError } from './setup-error.ts';

export interface ConnectionTarget {
  environment: Environment;
  customBaseUrl?: string | undefined;
}

/** A plain description of where the terminal connects, for messages. */
export function describeTarget({ environment, customBaseUrl }: ConnectionTarget): string {
  switch (environment) {
    case 'sandbox':
      return 'the built-in Demo sandbox on this computer';
    case 'kspay-sandbox':
      return `the KS Pay sandbox (${ENVIRONMENT_URLS['kspay-sandbox']})`;
    case 'live':
      return `KS Pay live (${ENVIRONMENT_URLS.live})`;
    case 'custom':
      return customBaseUrl ?? 'a custom server';
  }
}

export async function resolveBaseUrl(
  target: ConnectionTarget,
  builtInSandboxUrl: () => Promise<string>,
): Promise<string> {
  switch (target.environment) {
    case 'sandbox':
      return builtInSandboxUrl();
    case 'kspay-sandbox':
    case 'live':
      return ENVIRONMENT_URLS[target.environment];
    case 'custom': {
      const url = target.customBaseUrl?.trim() ?? '';
      if (url === '')
        throw new SetupError(
          'invalid',
          'Enter the server address for the custom environment, such as https://pay.example.com.',
        );
      if (!isAllowedBaseUrl(url)) {
        throw new SetupError(
          'invalid',
          'The server address must start with https:// (plain http:// only for this computer, such as http://127.0.0.1:4010).',
        );
      }
      return url.replace(/\/+$/, '');
    }
  }
}
