// POST /auth/generate-token/:appId, /auth/generate-signature/:appId and /auth/refresh-token.
import type { Handler } from './context.ts';
import { ok } from './context.ts';
import { header, HttpError, readBodyObject } from './http-io.ts';

/** The guide spells the access key both `accessKey` (S2S) and `accesskey` (NPM); both are accepted. */
function keysFrom(body: Record<string, unknown>): { accessKey: unknown; secretKey: unknown } {
  return { accessKey: body.accessKey ?? body.accesskey, secretKey: body.secretKey };
}

function requireKeys(body: Record<string, unknown>): { accessKey: unknown; secretKey: unknown } {
  const keys = keysFrom(body);
  if (keys.accessKey === undefined || keys.accessKey === '')
    throw new HttpError(400, 'accessKey is required.');
  if (keys.secretKey === undefined || keys.secretKey === '')
    throw new HttpError(400, 'secretKey is required.');
  return keys;
}

export const generateToken: Handler = async (ctx, { req, params }) => {
  const { accessKey, secretKey } = requireKeys(await readBodyObject(req));
  const appId = params.appId ?? '';
  ctx.auth.checkKeys(appId, accessKey, secretKey);
  const pair = ctx.auth.issueTokens(appId);
  ctx.stats.count('tokensGenerated');
  return ok(ctx, 201, pair);
};

export const generateSignature: Handler = async (ctx, { req, params }) => {
  const { accessKey, secretKey } = requireKeys(await readBodyObject(req));
  const appId = params.appId ?? '';
  ctx.auth.checkKeys(appId, accessKey, secretKey);
  const signature = ctx.auth.issueAppSignature(appId);
  ctx.stats.count('signaturesGenerated');
  return ok(ctx, 201, { signature });
};

/** The refresh token comes in `Authorization`; keys in the body are optional, but checked when sent. */
export const refreshToken: Handler = async (ctx, { req }) => {
  const { accessKey, secretKey } = keysFrom(await readBodyObject(req));
  if (accessKey !== undefined || secretKey !== undefined) {
    ctx.auth.checkKeys(ctx.credentials.appId, accessKey, secretKey);
  }
  const pair = ctx.auth.refresh(header(req, 'authorization'));
  ctx.stats.count('tokensRefreshed');
  return ok(ctx, 201, pair);
};
