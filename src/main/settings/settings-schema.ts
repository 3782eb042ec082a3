// Settings as stored: the shared zod schema plus the rules that span fields (a custom environment
// needs its URL; plain http only for this computer).
import { Settings } from '../../shared/domain.ts';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isAllowedBaseUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  } catch {
    return false;
  }
}

export const CheckedSettings = Settings.superRefine((settings, ctx) => {
  if (settings.environment === 'custom' && !settings.customBaseUrl) {
    ctx.addIssue({
      code: 'custom',
      path: ['customBaseUrl'],
      message: 'Enter the API base URL for the custom environment.',
    });
  }
  if (settings.customBaseUrl && !isAllowedBaseUrl(settings.customBaseUrl)) {
    ctx.addIssue({
      code: 'custom',
      path: ['customBaseUrl'],
      message:
        'The API base URL must start with https:// (plain http:// is allowed only for this computer, such as http://127.0.0.1:4010).',
    });
  }
});

/** The names a patch may set: exactly the fields of Settings, so nothing else (a key, a token) can be stored. */
export const SETTING_NAMES: ReadonlySet<string> = new Set(Object.keys(Settings.shape));
