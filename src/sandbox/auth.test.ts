import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, call, manualClock, str, tokens } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('generate-token', () => {
  it.each(['accessKey', 'accesskey'])(
    'accepts the access key spelled %s and answers 201 with both tokens',
    async (key) => {
      sandbox = await startSandbox({});
      const { appId, accessKey, secretKey } = sandbox.credentials;
      const reply = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
        body: { [key]: accessKey, secretKey },
      });
      expect(reply.status).toBe(201);
      expect(at(reply.body, 'status')).toBe(201);
      expect(at(reply.body, 'message')).toBe('success');
      expect(str(reply.body, 'result.accessToken').split('.')).toHaveLength(3);
      expect(str(reply.body, 'result.refreshToken')).toMatch(/^rt_[0-9a-f]{64}$/);
    },
  );

  it('issues an HS256 JWT whose exp is the token TTL after iat', async () => {
    sandbox = await startSandbox({ tokenTtlSec: 120 });
    const { accessToken } = await tokens(sandbox);
    const header = JSON.parse(
      Buffer.from(accessToken.split('.')[0] ?? '', 'base64url').toString('utf8'),
    ) as unknown;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = claimsOf(accessToken);
    expect(claims.sub).toBe(sandbox.credentials.appId);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
  });

  it('defaults the access-token lifetime to 900 seconds', async () => {
    sandbox = await startSandbox({});
    const claims = claimsOf((await tokens(sandbox)).accessToken);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
  });

  it('answers 401 for a wrong secret key, a wrong access key and an unknown App ID', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const attempts = [
      [appId, { accessKey, secretKey: 'sk_wrong' }],
      [appId, { accessKey: 'ak_wrong', secretKey }],
      ['ap_unknown', { accessKey, secretKey }],
    ] as const;
    for (const [id, body] of attempts) {
      const reply = await call(sandbox.url, 'POST', `/auth/generate-token/${id}`, { body });
      expect(reply.status).toBe(401);
      expect(at(reply.body, 'status')).toBe(401);
      expect(str(reply.body, 'message')).toMatch(/keys/);
    }
  });

  it('answers 400 naming the missing key', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const noAccess = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
      body: { secretKey },
    });
    expect(noAccess.status).toBe(400);
    expect(str(noAccess.body, 'message')).toMatch(/accessKey/);
    const noSecret = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
      body: { accessKey },
    });
    expect(noSecret.status).toBe(400);
    expect(str(noSecret.body, 'message')).toMatch(/secretKey/);
  });

  it('answers 400 to a body that is not JSON', async () => {
    sandbox = await startSandbox({});
    const reply = await call(sandbox.url, 'POST', `/auth/generate-token/${sandbox.credentials.appId}`, {
      rawBody: '{"accessKey": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(400);
    expect(str(reply.body, 'message')).toMatch(/not valid JSON/);
  });

  it('accepts the keys form-encoded, as the guide allows', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const reply = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
      rawBody: new URLSearchParams({ accesskey: accessKey, secretKey }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(201);
  });

  it('counts every token it generates', async () => {
    sandbox = await startSandbox({});
    await tokens(sandbox);
    await tokens(sandbox);
    expect(sandbox.stats().tokensGenerated).toBe(2);
    expect(sandbox.stats().byRoute['POST /auth/generate-token/:appId']).toBe(2);
  });
});

describe('access tokens', () => {
  it('are accepted with or without the Bearer prefix', async () => {
    sandbox = await startSandbox({});
    const { accessToken } = await tokens(sandbox);
    expect(
      (await call(sandbox.url, 'GET', '/currencies', { headers: { authorization: `Bearer ${accessToken}` } }))
        .status,
    ).toBe(200);
    expect(
      (await call(sandbox.url, 'GET', '/currencies', { headers: { authorization: accessToken } })).status,
    ).toBe(200);
  });

  it('are refused with 401 when missing, tampered with or signed by someone else', async () => {
    sandbox = await startSandbox({});
    const { accessToken } = await tokens(sandbox);
    const [head, , signature] = accessToken.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ ...claimsOf(accessToken), exp: 9_999_999_999 }),
    ).toString('base64url');
    for (const authorization of [
      undefined,
      'Bearer nonsense',
      `Bearer ${head}.${forgedClaims}.${signature}`,
    ]) {
      const reply = await call(
        sandbox.url,
        'GET',
        '/currencies',
        authorization ? { headers: { authorization } } : {},
      );
      expect(reply.status).toBe(401);
    }
  });

  it('expire after their TTL: 401 that says so, then a refresh gives a working token', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock, tokenTtlSec: 60 });
    const { accessToken, refreshToken } = await tokens(sandbox);
    clock.advance(59_000);
    expect(
      (await call(sandbox.url, 'GET', '/currencies', { headers: { authorization: `Bearer ${accessToken}` } }))
        .status,
    ).toBe(200);
    clock.advance(1_000);
    const expired = await call(sandbox.url, 'GET', '/currencies', {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(expired.status).toBe(401);
    expect(str(expired.body, 'message')).toMatch(/expired/);
    const refreshed = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: refreshToken },
    });
    expect(refreshed.status).toBe(201);
    const renewed = str(refreshed.body, 'result.accessToken');
    expect(
      (await call(sandbox.url, 'GET', '/currencies', { headers: { authorization: `Bearer ${renewed}` } }))
        .status,
    ).toBe(200);
  });

  it('all stop working at once with expireAllTokens, while refresh tokens keep working', async () => {
    sandbox = await startSandbox({});
    const { accessToken, refreshToken } = await tokens(sandbox);
    sandbox.faults.expireAllTokens();
    expect(
      (await call(sandbox.url, 'GET', '/currencies', { headers: { authorization: `Bearer ${accessToken}` } }))
        .status,
    ).toBe(401);
    const refreshed = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: `Bearer ${refreshToken}` },
    });
    expect(refreshed.status).toBe(201);
  });

  it('and refresh tokens too when asked', async () => {
    sandbox = await startSandbox({});
    const { refreshToken } = await tokens(sandbox);
    sandbox.faults.expireAllTokens({ includeRefreshTokens: true });
    const refreshed = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: refreshToken },
    });
    expect(refreshed.status).toBe(401);
    // The keys still work: the client's last resort.
    await expect(tokens(sandbox)).resolves.toBeTruthy();
  });
});

describe('refresh-token', () => {
  it('rotates: the new pair works and the used refresh token is refused with 401', async () => {
    sandbox = await startSandbox({});
    const { refreshToken } = await tokens(sandbox);
    const first = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: `Bearer ${refreshToken}` },
    });
    expect(first.status).toBe(201);
    const next = str(first.body, 'result.refreshToken');
    expect(next).not.toBe(refreshToken);
    const reused = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: refreshToken },
    });
    expect(reused.status).toBe(401);
    expect(str(reused.body, 'message')).toMatch(/already used/);
    const second = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: next },
    });
    expect(second.status).toBe(201);
    expect(sandbox.stats().tokensRefreshed).toBe(2);
  });

  it('accepts the keys in the body, as the guide sends them, and refuses wrong ones', async () => {
    sandbox = await startSandbox({});
    const { accessKey, secretKey } = sandbox.credentials;
    const { refreshToken } = await tokens(sandbox);
    const wrong = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: refreshToken },
      body: { accesskey: accessKey, secretKey: 'sk_wrong' },
    });
    expect(wrong.status).toBe(401);
    const right = await call(sandbox.url, 'POST', '/auth/refresh-token', {
      headers: { authorization: refreshToken },
      body: { accesskey: accessKey, secretKey },
    });
    expect(right.status).toBe(201);
  });

  it('answers 401 without a refresh token, or with an access token in its place', async () => {
    sandbox = await startSandbox({});
    const { accessToken } = await tokens(sandbox);
    expect((await call(sandbox.url, 'POST', '/auth/refresh-token', {})).status).toBe(401);
    expect(
      (await call(sandbox.url, 'POST', '/auth/refresh-token', { headers: { authorization: accessToken } }))
        .status,
    ).toBe(401);
  });

  it('refuses a refresh token after a day', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ clock });
    const { refreshToken } = await tokens(sandbox);
    clock.advance(24 * 60 * 60 * 1000);
    expect(
      (await call(sandbox.url, 'POST', '/auth/refresh-token', { headers: { authorization: refreshToken } }))
        .status,
    ).toBe(401);
  });
});

describe('generate-signature', () => {
  it('answers 201 with a hex signature for the app, which initiates an S2S transaction', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey, secretKey } = sandbox.credentials;
    const reply = await call(sandbox.url, 'POST', `/auth/generate-signature/${appId}`, {
      body: { accesskey: accessKey, secretKey },
    });
    expect(reply.status).toBe(201);
    expect(at(reply.body, 'message')).toBe('success');
    expect(str(reply.body, 'result.signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(sandbox.stats().signaturesGenerated).toBe(1);
  });

  it('answers 401 for wrong keys', async () => {
    sandbox = await startSandbox({});
    const { appId, accessKey } = sandbox.credentials;
    const reply = await call(sandbox.url, 'POST', `/auth/generate-signature/${appId}`, {
      body: { accessKey, secretKey: 'nope' },
    });
    expect(reply.status).toBe(401);
  });
});
