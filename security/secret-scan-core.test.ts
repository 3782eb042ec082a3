// The secret scanner finds demo keys, JWTs, refresh tokens, bearer tokens and signatures, and leaves digests alone.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFileVerdict, scanText } from './secret-scan-core.ts';

const KEY = 'sk_demo_pos_secret_9e7d3a51';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcF9kZW1vX3BvcyIsImV4cCI6MTc5NjAwMDAwMH0.3q2-7wVbX0k8mA1r9sT6uYzQ4pL2nH5jK8dF0gE7cB4';
const SIGNATURE = randomBytes(32).toString('hex');

describe('scanText', () => {
  it('finds each kind of secret with its line number and never prints it whole', () => {
    const text = [
      '{"ok":true}',
      `{"secretKey":"${KEY}"}`,
      `token ${JWT}`,
      `x-signature: ${SIGNATURE}`,
      `refresh rt_${randomBytes(32).toString('hex')}`,
      'Authorization: Bearer abcdefghijklmnop0123',
    ].join('\n');
    const hits = scanText('data/settings.json', text, [KEY]);
    expect(hits.map((hit) => [hit.line, hit.kind])).toEqual([
      [2, 'known key'],
      [3, 'JWT'],
      [4, 'signature'],
      [5, 'refresh token'],
      [5, 'signature'],
      [6, 'bearer token'],
    ]);
    for (const hit of hits) {
      expect(hit.preview.length).toBeLessThanOrEqual(7);
      expect(hit.file).toBe('data/settings.json');
    }
  });

  it('lets digests through when they are labelled as hashes', () => {
    const text = `{"day":"2026-11-29","prevHash":"${SIGNATURE}","hash":"${randomBytes(32).toString('hex')}","sha256": "${randomBytes(32).toString('hex')}"}`;
    expect(scanText('z-reports.jsonl', text, [KEY])).toEqual([]);
    expect(scanText('z-report.csv', `Previous hash,${SIGNATURE},,\r\nHash,${SIGNATURE}\r\n`, [KEY])).toEqual(
      [],
    );
    // A recorded bridge reply holds the reply's JSON as a string, so its quotes are escaped.
    const recorded = JSON.stringify({ call: 'reports.closeDay', body: text });
    expect(scanText('bridge-replies.jsonl', recorded, [KEY])).toEqual([]);
    const leaked = JSON.stringify({ call: 'x', body: JSON.stringify({ signature: SIGNATURE }) });
    expect(scanText('bridge-replies.jsonl', leaked, [KEY]).map((hit) => hit.kind)).toEqual(['signature']);
  });

  it("lets the Demo sandbox's own signing key through in its state file, and nowhere else", () => {
    const state = `{"version":1,"auth":{"secret":"${SIGNATURE}","generation":0,"refreshTokens":[]}}`;
    expect(scanText('profiles/demo/sandbox-state.json', state, [KEY])).toEqual([]);
    expect(scanText('profiles/demo/settings.json', state, [KEY]).map((hit) => hit.kind)).toEqual([
      'signature',
    ]);
    expect(
      scanText('profiles/demo/sandbox-state.json', `{"auth":{"secret":"x"},"last":"${SIGNATURE}"}`, [
        KEY,
      ]).map((hit) => hit.kind),
    ).toEqual(['signature']);
  });

  it('finds nothing in ordinary app output and redacted logs', () => {
    const text = [
      '{"t":"2026-11-29T09:30:00.000Z","level":"info","msg":"token refreshed","fields":{"accessToken":"[redacted]"}}',
      '{"reference":"POS-01J9ZK3M8X4QF7","txnId":"3f2a9c1e-6b7d-4e21-9a0b-5c3d2e1f0a9b","amount":345.67,"currency":"INR"}',
      'Authorization: Bearer [redacted]',
      `sha ${'a'.repeat(63)} and ${'b'.repeat(65)}`,
    ].join('\n');
    expect(scanText('main.log', text, [KEY])).toEqual([]);
  });
});

describe('keyFileVerdict', () => {
  it('lets only the owner-only key file hold keys, and only while it is 0600', () => {
    expect(keyFileVerdict('.tmp/e2e/t/data/keys.json', 0o100600)).toBe('owner-only');
    expect(keyFileVerdict('.tmp/e2e/t/data/keys.json.damaged-0a1b2c3d', 0o100600)).toBe('owner-only');
    expect(keyFileVerdict('.tmp/e2e/t/data/keys.json', 0o100644)).toBe('readable-by-others');
    expect(keyFileVerdict('.tmp/e2e/t/data/keys.json', 0o100640)).toBe('readable-by-others');
    expect(keyFileVerdict('.tmp/e2e/t/data/settings.json', 0o100600)).toBe('not-a-key-file');
    expect(keyFileVerdict('.tmp/e2e/t/data/my-keys.json', 0o100600)).toBe('not-a-key-file');
  });
});
