// HS256 JSON Web Tokens with node:crypto: enough of RFC 7519 for the sandbox's access tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const AccessClaims = z.object({
  /** The app the token was issued to. */
  sub: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
  /** Token generation: bumping it on the server revokes every earlier token ("expire all tokens now"). */
  gen: z.number().int(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function hmac(secret: Buffer, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signJwt(claims: AccessClaims, secret: Buffer): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${hmac(secret, body).toString('base64url')}`;
}

/** The claims when the signature is ours and the token is well formed; undefined otherwise. Expiry is the caller's. */
export function verifyJwt(token: string, secret: Buffer): AccessClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head = '', payload = '', signature = ''] = parts;
  if (head !== HEADER) return undefined;
  const expected = hmac(secret, `${head}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = AccessClaims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
