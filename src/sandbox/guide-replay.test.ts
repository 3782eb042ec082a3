// Replays every request example of the KS Pay guide (shared/reference/ks-pay-api-guide.txt), with the guide's own
// ids and bodies, and checks each reply against the response the guide documents. Placeholders ({{appId}},
// {{accesskey}}, ...) are filled with the demo credentials; the NPM example's appId "ap_rtk2WdyQR" and
// redirectUrl "your_redirect_url" are placeholders too.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { call } from './test-support.ts';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox?.close();
});

const json = { 'Content-Type': 'application/json' };
const TokenPair = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) }).strict();
const s2sEnvelope = <T extends z.ZodType>(status: number, result: T) =>
  z.object({ status: z.literal(status), message: z.literal('success'), result }).strict();

describe('the guide’s Server-to-Server (S2S) flow, replayed', () => {
  it.each(['accessKey', 'accesskey'])(
    'answers every step as documented (keys spelled %s)',
    async (spelling) => {
      sandbox = await startSandbox({ variant: 's2s' });
      const { appId, accessKey, secretKey } = sandbox.credentials;
      const keys = { [spelling]: accessKey, secretKey };

      // 1. Generate Token → 201 { status: 201, message: "success", result: { accessToken, refreshToken } }
      const token = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
        headers: json,
        body: keys,
      });
      expect(token.status).toBe(201);
      const { result: firstPair } = s2sEnvelope(201, TokenPair).parse(token.body);

      // 2. Generate Signature → 201 { status: 201, message: "success" } (the signature itself in result.signature)
      const signatureReply = await call(sandbox.url, 'POST', `/auth/generate-signature/${appId}`, {
        headers: json,
        body: keys,
      });
      expect(signatureReply.status).toBe(201);
      const signature = s2sEnvelope(201, z.object({ signature: z.string().regex(/^[0-9a-f]+$/) })).parse(
        signatureReply.body,
      ).result.signature;

      // 3. Generate Refresh Token: Authorization = {{r_token}} (no Bearer), the keys in the body → 201 new pair
      const refreshed = await call(sandbox.url, 'POST', '/auth/refresh-token', {
        headers: { Authorization: firstPair.refreshToken, ...json },
        body: keys,
      });
      expect(refreshed.status).toBe(201);
      const { accessToken } = s2sEnvelope(201, TokenPair).parse(refreshed.body).result;
      const bearer = { Authorization: `Bearer ${accessToken}`, ...json };

      // 4. Fetch Currencies → 200 result [{ name, code, symbol, type, userId, id, isActive, createdAt }]
      const currencies = await call(sandbox.url, 'GET', '/currencies', { headers: bearer });
      expect(currencies.status).toBe(200);
      const currencyList = s2sEnvelope(
        200,
        z.array(
          z
            .object({
              name: z.string(),
              code: z.string(),
              symbol: z.string(),
              type: z.literal('FIAT'),
              userId: z.string(),
              id: z.string(),
              isActive: z.boolean(),
              createdAt: z.iso.datetime(),
            })
            .strict(),
        ),
      ).parse(currencies.body).result;
      const inr = currencyList.find((currency) => currency.code === 'INR');
      expect(inr?.id).toBe('c_JdzYuwqF6O');

      // 5. Fetch Payment Methods for Currency → 200 result [{ id, name, isActive }]
      const methods = await call(sandbox.url, 'GET', `/${inr?.id}/payment-methods`, { headers: bearer });
      expect(methods.status).toBe(200);
      const methodList = s2sEnvelope(
        200,
        z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() }).strict()),
      ).parse(methods.body).result;
      expect(methodList.map((method) => method.id)).toContain('pm_5LR93Agwv');

      // 6. Initiate Transaction with x-signature and the guide's body → 201 { pe_txnId, providerOrderId, amount, currency }
      const initiated = await call(sandbox.url, 'POST', '/transaction/initiate', {
        headers: { 'x-signature': signature },
        body: {
          currencyId: 'c_JdzYuwqF6O',
          paymentMethodId: 'pm_5LR93Agwv',
          amount: 345.67,
          referenceNumber: `GUIDE-S2S-${spelling}`,
        },
      });
      expect(initiated.status).toBe(201);
      const txn = s2sEnvelope(
        201,
        z
          .object({
            pe_txnId: z.string().regex(/^tx_/),
            providerOrderId: z.string().regex(/^order_/),
            amount: z.literal(345.67),
            currency: z.literal('INR'),
          })
          .strict(),
      ).parse(initiated.body).result;

      // 7. Process Transaction with x-signature (the guide shows no body; an app signature names the transaction)
      const processed = await call(sandbox.url, 'POST', '/transaction/process', {
        headers: { 'x-signature': signature, ...json },
        body: { pe_txnId: txn.pe_txnId },
      });
      expect(processed.status).toBe(201);
      const order = s2sEnvelope(201, z.object({ order: z.looseObject({ checkoutUrl: z.url() }) })).parse(
        processed.body,
      ).result.order;
      expect(order.checkoutUrl).toBe(`${sandbox.url}/checkout/${txn.pe_txnId}`);

      // 8. Fetch Transaction by ID → 200 with the record
      const byId = await call(sandbox.url, 'GET', `/transaction/txnId/${txn.pe_txnId}`, { headers: bearer });
      expect(byId.status).toBe(200);
      s2sEnvelope(
        200,
        z.looseObject({ txnId: z.literal(txn.pe_txnId), status: z.literal('INITIATED') }),
      ).parse(byId.body);

      // 9. Fetch All Transactions → 200 with the page
      const all = await call(sandbox.url, 'GET', '/transaction', { headers: bearer });
      expect(all.status).toBe(200);
      const page = s2sEnvelope(
        200,
        z.looseObject({ items: z.array(z.looseObject({ txnId: z.string() })), total: z.number() }),
      ).parse(all.body).result;
      expect(page.items.map((item) => item.txnId)).toEqual([txn.pe_txnId]);
    },
  );
});

describe('the guide’s NPM package sequence, replayed', () => {
  it.each(['accesskey', 'accessKey'])(
    'answers every step as documented (keys spelled %s)',
    async (spelling) => {
      sandbox = await startSandbox({ variant: 'npm' });
      const { appId, accessKey, secretKey } = sandbox.credentials;

      // 1. Generate Token → { accessToken, refreshToken } at the top level
      const token = await call(sandbox.url, 'POST', `/auth/generate-token/${appId}`, {
        headers: json,
        body: { [spelling]: accessKey, secretKey },
      });
      expect(token.status).toBe(201);
      const { accessToken } = z.looseObject(TokenPair.shape).parse(token.body);
      const bearer = { Authorization: `Bearer ${accessToken}` };

      // 2. Get Currencies → [{ currencyId, name }]
      const currencies = await call(sandbox.url, 'GET', '/currencies', { headers: bearer });
      expect(currencies.status).toBe(200);
      const currencyList = z
        .array(z.object({ currencyId: z.string(), name: z.string() }).strict())
        .parse(currencies.body);
      expect(currencyList).toContainEqual({ currencyId: 'c_2xqOlqufc3', name: 'USD' });

      // 3. Get Payment Methods → [{ paymentMethodId, name }]
      const methods = await call(sandbox.url, 'GET', '/c_2xqOlqufc3/payment-methods', { headers: bearer });
      expect(methods.status).toBe(200);
      const methodList = z
        .array(z.object({ paymentMethodId: z.string(), name: z.string() }).strict())
        .parse(methods.body);
      expect(methodList.map((method) => method.paymentMethodId)).toContain('pm_67NoP7JaQ');

      // 4. Initiate Transaction with Bearer and the guide's body → { signature }
      const initiated = await call(sandbox.url, 'POST', '/transaction/initiate', {
        headers: { ...bearer, ...json },
        body: {
          currencyId: 'c_2xqOlqufc3',
          paymentMethodId: 'pm_67NoP7JaQ',
          amount: 2,
          referenceNumber: `OcrcZcu5z0Az1w2Z${spelling}`,
          appId,
          redirectUrl: 'https://shop.example/kspay-return',
        },
      });
      expect(initiated.status).toBe(201);
      const { signature } = z
        .looseObject({ signature: z.string().regex(/^[0-9a-f]+$/) })
        .parse(initiated.body);

      // 5. Process Transaction with x-signature → { order }
      const processed = await call(sandbox.url, 'POST', '/transaction/process', {
        headers: { 'x-signature': signature, ...json },
      });
      expect(processed.status).toBe(201);
      const { order } = z
        .looseObject({
          order: z.looseObject({
            checkoutUrl: z.url(),
            txnId: z.string(),
            amount: z.literal(2),
            currency: z.literal('USD'),
          }),
        })
        .parse(processed.body);

      // 6./7. The order's page sends the customer back to redirectUrl with payment_status, kspay_id, provider_payment_id
      const paid = await call(sandbox.url, 'POST', `${new URL(order.checkoutUrl).pathname}/pay`);
      expect(paid.status).toBe(303);
      const back = new URL(paid.headers.get('location') ?? '');
      expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/kspay-return');
      expect(back.searchParams.get('payment_status')).toBe('success');
      expect(back.searchParams.get('kspay_id')).toBe(order.txnId);
      expect(back.searchParams.get('provider_payment_id')).toMatch(/^pay_/);
    },
  );
});
