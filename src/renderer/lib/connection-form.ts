// The connect form's rules: which fields a connection needs, checked before anything is sent.
import type { ConnectionInput, Environment } from '../../shared/domain.ts';
import { messages } from './messages.ts';

export interface ConnectionDraft {
  environment: Environment;
  customBaseUrl: string;
  appId: string;
  accessKey: string;
  secretKey: string;
}

export type ConnectionField = keyof ConnectionDraft;
export type ConnectionErrors = Partial<Record<ConnectionField, string>>;

export const ENVIRONMENTS: readonly Environment[] = ['sandbox', 'kspay-sandbox', 'live', 'custom'];

export function emptyDraft(environment: Environment = 'kspay-sandbox'): ConnectionDraft {
  return { environment, customBaseUrl: '', appId: '', accessKey: '', secretKey: '' };
}

/** Either the input to send, or what to fix, field by field. */
export function checkDraft(
  draft: ConnectionDraft,
): { input: ConnectionInput } | { errors: ConnectionErrors } {
  const errors: ConnectionErrors = {};
  const appId = draft.appId.trim();
  const accessKey = draft.accessKey.trim();
  const secretKey = draft.secretKey.trim();
  if (!appId) errors.appId = messages.connect.required(messages.connect.appId);
  if (!accessKey) errors.accessKey = messages.connect.required(messages.connect.accessKey);
  if (!secretKey) errors.secretKey = messages.connect.required(messages.connect.secretKey);
  const customBaseUrl = draft.customBaseUrl.trim();
  if (draft.environment === 'custom' && !isHttpUrl(customBaseUrl))
    errors.customBaseUrl = messages.connect.badUrl;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      environment: draft.environment,
      appId,
      accessKey,
      secretKey,
      ...(draft.environment === 'custom' ? { customBaseUrl } : {}),
    },
  };
}

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:';
}
