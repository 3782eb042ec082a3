// The client's side of KS Pay's auth: the keys (read when needed, never kept beyond the secret registry that
// redacts them), the access token (one renewal at a time), a request sent with it, and app signatures.
import type { Clock, Logger } from '../deps.ts';
import { KsPayError, isKsPayError, messages } from './errors.ts';
import type { Http, HttpReply, HttpRequest } from './http.ts';
import type { SecretRegistry } from './redact.ts';
import { Credentials, SignatureReply, TokenReply } from './schemas.ts';
import { createTokenManager, type TokenManager, type TokenPair } from './tokens.ts';
import type { KsPayCredentials } from './types.ts';

export const JSON_HEADERS = { 'content-type': 'application/json' };

export interface ClientAuthOptions {
  appId: string;
  credentials: () => Promise<KsPayCredentials>;
  http: Http;
  secrets: SecretRegistry;
  log: Logger;
  clock: Clock;
  tokenTtlMs: number;
}

export interface ClientAuth {
  tokens: TokenManager;
  /** Sends with the access token as Bearer; on a 401 renews once (shared) and tries once more. */
  withToken(request: Omit<HttpRequest, 'signal'>, signal: AbortSignal | undefined): Promise<HttpReply>;
  /** The same for any exchange over the request (a streamed reply, for one). */
  authorised<T>(
    request: Omit<HttpRequest, 'signal'>,
    signal: AbortSignal | undefined,
    exchange: (request: HttpRequest) => Promise<T>,
  ): Promise<T>;
  generateSignature(signal: AbortSignal | undefined): Promise<string>;
}

/** A reply's body through its schema; a body that does not fit is a `bad_response` saying what was missing. */
export function parseReply<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  reply: HttpReply,
  what: string,
): T {
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success)
    throw new KsPayError('bad_response', messages.badResponse(what), { status: reply.status });
  return parsed.data;
}

export function createClientAuth(options: ClientAuthOptions): ClientAuth {
  const { appId, http, secrets, log, clock } = options;

  async function keys(): Promise<Credentials> {
    if (appId === '') throw new KsPayError('auth', messages.noAppId);
    let given: unknown;
    try {
      given = await options.credentials();
    } catch (error) {
      throw new KsPayError('auth', messages.keysUnreadable, { cause: error });
    }
    const parsed = Credentials.safeParse(given);
    if (!parsed.success || parsed.data.accessKey === '' || parsed.data.secretKey === '') {
      throw new KsPayError('auth', messages.noKeys);
    }
    secrets.add(parsed.data.accessKey);
    secrets.add(parsed.data.secretKey);
    return parsed.data;
  }

  /** Keys travel only in these bodies, always spelled `accessKey`. */
  async function keysBody(): Promise<string> {
    const { accessKey, secretKey } = await keys();
    return JSON.stringify({ accessKey, secretKey });
  }

  function remember(pair: TokenPair): TokenPair {
    secrets.add(pair.accessToken);
    secrets.add(pair.refreshToken);
    return pair;
  }

  /** A refused key on the token endpoints is always the keys' or App ID's fault: say so, whatever the status. */
  function asKeyProblem(error: unknown): unknown {
    if (isKsPayError(error) && ['invalid', 'forbidden', 'not_found'].includes(error.code)) {
      return new KsPayError('auth', messages.auth, {
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
        cause: error,
      });
    }
    return error;
  }

  const tokens = createTokenManager({
    clock,
    log,
    tokenTtlMs: options.tokenTtlMs,
    source: {
      async generate() {
        const reply = await postKeysTo('generate-token', undefined);
        return remember(parseReply(TokenReply, reply, 'no access token in the token reply'));
      },
      async refresh(refreshToken) {
        const body = await keysBody();
        // The guide sends the refresh token itself as Authorization (no "Bearer").
        const reply = await http.send({
          method: 'POST',
          path: '/auth/refresh-token',
          route: 'POST /auth/refresh-token',
          headers: { ...JSON_HEADERS, authorization: refreshToken },
          body,
          // If a lost reply hid a rotation, the retry is refused and the keys take over: safe to repeat.
          retryable: true,
        });
        return remember(parseReply(TokenReply, reply, 'no access token in the refresh reply'));
      },
    },
  });

  /** Sends with the access token as Bearer; on a 401 renews once (shared) and tries once more. */
  function withToken(
    request: Omit<HttpRequest, 'signal'>,
    signal: AbortSignal | undefined,
  ): Promise<HttpReply> {
    return authorised(request, signal, (sending) => http.send(sending));
  }

  async function authorised<T>(
    request: Omit<HttpRequest, 'signal'>,
    signal: AbortSignal | undefined,
    exchange: (request: HttpRequest) => Promise<T>,
  ): Promise<T> {
    const token = await tokens.current(signal);
    const send = (accessToken: string): Promise<T> =>
      exchange({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${accessToken}` },
        ...(signal ? { signal } : {}),
      });
    try {
      return await send(token);
    } catch (error) {
      if (!isKsPayError(error, 'auth') || error.status !== 401) throw error;
      // A 401 means the server did nothing with the request, so even a POST may be sent again once.
      log.info('KS Pay refused the access token; renewing it and trying once more', { route: request.route });
      return send(await tokens.renewAfterRejection(token, signal));
    }
  }

  async function generateSignature(signal: AbortSignal | undefined): Promise<string> {
    const reply = await postKeysTo('generate-signature', signal);
    return parseReply(SignatureReply, reply, 'no signature in the signature reply');
  }

  /** POST /auth/<endpoint>/<appId> with the keys; a refusal there is always the keys' or App ID's fault. */
  function postKeysTo(
    endpoint: 'generate-token' | 'generate-signature',
    signal: AbortSignal | undefined,
  ): Promise<HttpReply> {
    return keysBody().then((body) =>
      http
        .send({
          method: 'POST',
          path: `/auth/${endpoint}/${encodeURIComponent(appId)}`,
          route: `POST /auth/${endpoint}`,
          headers: JSON_HEADERS,
          body,
          retryable: true,
          ...(signal ? { signal } : {}),
        })
        .catch((error: unknown) => {
          throw asKeyProblem(error);
        }),
    );
  }

  return { tokens, withToken, authorised, generateSignature };
}
