// Property tests: whatever text surrounds a secret, no key, token, JWT, signature or card number survives redaction.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSecretFieldName, redactText, redactValue } from './redact.ts';

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

const hexSecret = fc
  .uint8Array({ minLength: 16, maxLength: 64 })
  .map((bytes) => Buffer.from(bytes).toString('hex'));
const base64Secret = fc
  .uint8Array({ minLength: 24, maxLength: 64 })
  .map((bytes) => Buffer.from(bytes).toString('base64'));
const jwt = fc
  .record({ sub: fc.string(), exp: fc.integer({ min: 0 }), role: fc.constantFrom('pos', 'merchant') })
  .chain((claims) =>
    fc
      .uint8Array({ minLength: 16, maxLength: 48 })
      .map(
        (sig) =>
          `${base64url(Buffer.from('{"alg":"HS256","typ":"JWT"}'))}.${base64url(Buffer.from(JSON.stringify(claims)))}.${base64url(sig)}`,
      ),
  );
const secret = fc.oneof(hexSecret, base64Secret, jwt);

function luhnComplete(body: string): string {
  for (let check = 0; check <= 9; check += 1) {
    const digits = body + String(check);
    let sum = 0;
    for (let i = 0; i < digits.length; i += 1) {
      let digit = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable: one check digit always completes a Luhn number');
}
const cardNumber = fc
  .tuple(fc.constantFrom('4', '51', '37', '6011'), fc.integer({ min: 14, max: 18 }))
  .chain(([prefix, length]) =>
    fc
      .stringMatching(new RegExp(`^\\d{${length - prefix.length}}$`))
      .map((rest) => luhnComplete(prefix + rest)),
  );

// Free text a log message might carry around a secret; it never glues digits or base64 characters onto it.
const surrounding = fc.string({ maxLength: 40 }).map((text) => ` ${text.replace(/[A-Za-z0-9+/=_-]/g, ' ')} `);

describe('redactText', () => {
  it('removes hex, base64 and JWT secrets from any surrounding text', () => {
    fc.assert(
      fc.property(surrounding, secret, surrounding, (before, value, after) => {
        expect(redactText(`${before}${value}${after}`)).not.toContain(value);
      }),
    );
  });

  it('removes secrets written as header, query or JSON values whatever their shape', () => {
    const name = fc.constantFrom(
      'Authorization',
      'x-signature',
      'secretKey',
      'accessKey',
      'accesskey',
      'refreshToken',
      'access_token',
      'token',
      'signature',
      'password',
      'api-key',
    );
    const value = fc.stringMatching(/^[A-Za-z0-9._~]{6,40}$/);
    const form = fc.constantFrom(
      (n: string, v: string) => `${n}: ${v}`,
      (n: string, v: string) => `?${n}=${v}&x=1`,
      (n: string, v: string) => `{"${n}":"${v}"}`,
      (n: string, v: string) => `${n}=${v}`,
    );
    fc.assert(
      fc.property(name, value, form, (n, v, shape) => {
        expect(redactText(shape(n, v))).not.toContain(v);
      }),
    );
  });

  it('removes bearer tokens, including opaque ones', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,60}$/), (token) => {
        expect(redactText(`GET /currencies Authorization: Bearer ${token} done`)).not.toContain(token);
      }),
    );
  });

  it('removes card-like numbers, grouped or not', () => {
    fc.assert(
      fc.property(cardNumber, fc.constantFrom('', ' ', '-'), surrounding, (card, separator, around) => {
        const grouped = card.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
        const out = redactText(`${around}${grouped}${around}`);
        expect(out).not.toContain(grouped);
        expect(out.replace(/\D/g, '')).not.toContain(card);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), secret, (text, value) => {
        const once = redactText(`${text} ${value} token=${value}`);
        expect(redactText(once)).toBe(once);
      }),
    );
  });

  it('leaves ordinary support information readable', () => {
    const line =
      'Sale POS-01J9ZK3M8X4QF7 moved to verifying; txn 3f2a9c1e-6b7d-4e21-9a0b-5c3d2e1f0a9b, 345.67 INR, at 1796000000000, folder /home/kiosk/.local/share/ks-pay-pos/logs';
    expect(redactText(line)).toBe(line);
    expect(redactText('PIN changed by manager')).toBe('PIN changed by manager');
  });
});

describe('redactValue', () => {
  it('drops every value under a secret-looking field name at any depth, and keeps the rest', () => {
    const out = redactValue({
      request: {
        headers: { Authorization: 'Bearer abc.def', 'x-signature': 'deadbeef', accept: 'application/json' },
      },
      credentials: { appId: 'app-1', accessKey: 'AK_live_1', secretKey: 'SK_live_2' },
      pin: 1234,
      hasToken: true,
      amount: 34567,
    });
    expect(out).toEqual({
      request: {
        headers: { Authorization: '[redacted]', 'x-signature': '[redacted]', accept: 'application/json' },
      },
      credentials: '[redacted]',
      pin: '[redacted]',
      hasToken: true,
      amount: 34567,
    });
  });

  it('redacts secrets inside strings, arrays and error messages, and survives cycles', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwb3MifQ.c2lnbmF0dXJlLWJ5dGVz';
    const error = new Error(`refresh failed for ${token}`);
    const cyclic: Record<string, unknown> = { note: `Bearer ${token}`, list: [token] };
    cyclic['self'] = cyclic;
    const text = JSON.stringify(redactValue({ error, cyclic }));
    expect(text).not.toContain(token);
    expect(text).toContain('[circular]');
    expect(text).toContain('refresh failed for');
  });

  it('never lets a secret through whatever the field name, when the value looks like one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), secret, (name, value) => {
        expect(JSON.stringify(redactValue({ [name]: value, nested: [{ [name]: value }] }))).not.toContain(
          value,
        );
      }),
    );
  });
});

describe('isSecretFieldName', () => {
  it('knows the KS Pay secret fields in every spelling the guide uses', () => {
    for (const name of [
      'accessKey',
      'accesskey',
      'secretKey',
      'accessToken',
      'refreshToken',
      'r_token',
      'Authorization',
      'x-signature',
      'signature',
      'pin',
      'pinHash',
    ]) {
      expect(isSecretFieldName(name), name).toBe(true);
    }
    for (const name of ['appId', 'amount', 'currency', 'referenceNumber', 'txnId', 'keyboard', 'spinner']) {
      expect(isSecretFieldName(name), name).toBe(false);
    }
  });
});
