import { describe, expect, it } from 'vitest';
import type { Logger } from '../deps.ts';
import { REDACTED, createRedactingLogger, createSecretRegistry, redactText, redactValue } from './redact.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcF8xIiwiZXhwIjoxfQ.c2lnbmF0dXJl';
const HEX_SIGNATURE = '7b452bc7f5adfe1d65e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6';

describe('redactText', () => {
  it('cuts out every registered secret, longest first', () => {
    const secrets = createSecretRegistry();
    secrets.add('sk_live_abc');
    secrets.add('sk_live_abc_long');
    expect(redactText('keys sk_live_abc_long and sk_live_abc', secrets.values())).toBe(
      `keys ${REDACTED} and ${REDACTED}`,
    );
  });

  it('cuts out JWTs, Bearer credentials and hex signatures even when they were never registered', () => {
    expect(redactText(`token ${JWT}`)).toBe(`token ${REDACTED}`);
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText(`x-signature ${HEX_SIGNATURE}`)).toBe(`x-signature ${REDACTED}`);
  });

  it('masks card-like numbers down to their last four digits', () => {
    expect(redactText('card 4111 1111 1111 1234 declined')).toBe('card ••••1234 declined');
    expect(redactText('acct 123456789012345')).toBe('acct ••••2345');
  });

  it('leaves ids, references, amounts and times alone', () => {
    const text = 'tx_UOVynlQ0j POS1-0001 345.67 INR 2024-08-03T11:57:59.647Z order_P4sEpHDzofjQwV';
    expect(redactText(text)).toBe(text);
  });

  it('ignores registered values too short to be secrets rather than shredding the text', () => {
    const secrets = createSecretRegistry();
    secrets.add('ab');
    expect(redactText('about abc', secrets.values())).toBe('about abc');
  });
});

describe('redactValue', () => {
  it('replaces secret-named fields at any depth and scrubs the rest', () => {
    const out = redactValue({
      accessKey: 'ak',
      accesskey: 'ak',
      secret_key: 'sk',
      nested: { refreshToken: 'rt', 'x-signature': 'sig', Authorization: 'Bearer t', note: `see ${JWT}` },
      list: [{ password: 'p' }, 'plain'],
      amount: 34567,
    });
    expect(out).toEqual({
      accessKey: REDACTED,
      accesskey: REDACTED,
      secret_key: REDACTED,
      nested: {
        refreshToken: REDACTED,
        'x-signature': REDACTED,
        Authorization: REDACTED,
        note: `see ${REDACTED}`,
      },
      list: [{ password: REDACTED }, 'plain'],
      amount: 34567,
    });
  });

  it('writes errors as redacted text and survives cycles by depth', () => {
    const error = new Error(`refused ${JWT}`);
    expect(redactValue({ error })).toEqual({ error: `Error: refused ${REDACTED}` });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => redactValue(cyclic)).not.toThrow();
  });
});

describe('createSecretRegistry', () => {
  it('forgets the oldest secrets past its limit so rotation cannot grow it without end', () => {
    const secrets = createSecretRegistry(3);
    for (const value of ['one-1', 'two-2', 'three-3', 'four-4']) secrets.add(value);
    expect(secrets.values()).toHaveLength(3);
    expect(secrets.values()).not.toContain('one-1');
  });
});

describe('createRedactingLogger', () => {
  it('never lets a registered secret through message or fields', () => {
    const lines: string[] = [];
    const sink: Logger = {
      debug: (m, f) => lines.push(JSON.stringify([m, f])),
      info: (m, f) => lines.push(JSON.stringify([m, f])),
      warn: (m, f) => lines.push(JSON.stringify([m, f])),
      error: (m, f) => lines.push(JSON.stringify([m, f])),
    };
    const secrets = createSecretRegistry();
    secrets.add('my-secret-key');
    const log = createRedactingLogger(sink, secrets);
    log.info('using my-secret-key', { detail: 'again my-secret-key', token: 'anything' });
    log.error('plain');
    expect(lines.join('\n')).not.toContain('my-secret-key');
    expect(lines.join('\n')).not.toContain('anything');
    expect(lines).toHaveLength(2);
  });
});
