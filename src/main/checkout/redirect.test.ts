import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRedirect, returnUrlFor } from './index.ts';

const EXPECTED = 'http://127.0.0.1:5173/checkout/return';
const back = (query: string): string => `${EXPECTED}?${query}`;

describe('parseRedirect', () => {
  it('reads the three parameters of a genuine redirect', () => {
    expect(
      parseRedirect(back('payment_status=success&kspay_id=tx_Abc-1&provider_payment_id=pay_9'), EXPECTED),
    ).toEqual({
      ok: true,
      redirect: { paymentStatus: 'success', kspayId: 'tx_Abc-1', providerPaymentId: 'pay_9' },
    });
  });

  it("reads the sale's return token from the path the terminal gave KS Pay, whatever query KS Pay appends", () => {
    const token = 'Zm9yLXRoaXMtc2FsZS1vbmx5LTAx';
    const own = returnUrlFor(EXPECTED, token);
    expect(own).toBe(`${EXPECTED}/${token}`);
    expect(parseRedirect(`${own}?payment_status=success&kspay_id=tx_1`, EXPECTED)).toEqual({
      ok: true,
      redirect: { paymentStatus: 'success', kspayId: 'tx_1', returnToken: token },
    });
  });

  it.each([
    ['a short token', `${EXPECTED}/abc?kspay_id=tx_1`],
    ['a token with markup', `${EXPECTED}/${'A'.repeat(22)}%3C?kspay_id=tx_1`],
    ['two segments', `${EXPECTED}/${'A'.repeat(22)}/x?kspay_id=tx_1`],
  ])('refuses a return path with %s', (_what, url) => {
    expect(parseRedirect(url, EXPECTED)).toMatchObject({ ok: false, refusal: 'wrong_place' });
  });

  it('treats an empty provider payment ID as absent (a cancelled checkout has none)', () => {
    expect(
      parseRedirect(back('payment_status=cancelled&kspay_id=tx_1&provider_payment_id='), EXPECTED),
    ).toEqual({
      ok: true,
      redirect: { paymentStatus: 'cancelled', kspayId: 'tx_1' },
    });
  });

  it.each([
    ['SUCCESS', 'success'],
    ['Completed', 'success'],
    ['declined', 'failed'],
    ['canceled', 'cancelled'],
    ['pending', 'pending'],
    ['weird', 'unrecognised'],
  ])('maps the status word %s to %s', (word, status) => {
    const parsed = parseRedirect(back(`payment_status=${word}&kspay_id=tx_1`), EXPECTED);
    expect(parsed.ok && parsed.redirect.paymentStatus).toBe(status);
  });

  it('accepts a redirect without a status: it only says when to look', () => {
    const parsed = parseRedirect(back('kspay_id=tx_1'), EXPECTED);
    expect(parsed).toEqual({ ok: true, redirect: { paymentStatus: 'unrecognised', kspayId: 'tx_1' } });
  });

  it.each([
    ['another host', 'http://evil.example:5173/checkout/return?kspay_id=tx_1', 'wrong_place'],
    ['another port', 'http://127.0.0.1:5174/checkout/return?kspay_id=tx_1', 'wrong_place'],
    ['another scheme', 'https://127.0.0.1:5173/checkout/return?kspay_id=tx_1', 'wrong_place'],
    ['another path', 'http://127.0.0.1:5173/checkout/return/x?kspay_id=tx_1', 'wrong_place'],
    ['a user name', 'http://a@127.0.0.1:5173/checkout/return?kspay_id=tx_1', 'wrong_place'],
    ['javascript', 'javascript:alert(1)//?kspay_id=tx_1', 'wrong_place'],
    ['no URL at all', 'not a url', 'not_a_url'],
    ['no kspay_id', back('payment_status=success'), 'missing_id'],
    ['an empty kspay_id', back('payment_status=success&kspay_id='), 'missing_id'],
    ['two kspay_ids', back('kspay_id=tx_mine&kspay_id=tx_other'), 'repeated_param'],
    ['two statuses', back('payment_status=failed&kspay_id=tx_1&payment_status=success'), 'repeated_param'],
    ['a path in kspay_id', back('kspay_id=..%2F..%2Fadmin'), 'bad_param'],
    ['markup in kspay_id', back('kspay_id=%3Cscript%3E'), 'bad_param'],
    ['a newline in the status', back('payment_status=success%0Aevil&kspay_id=tx_1'), 'bad_param'],
    ['quotes in provider_payment_id', back('kspay_id=tx_1&provider_payment_id=%22%3E%3Cimg'), 'bad_param'],
    ['a huge URL', back(`kspay_id=tx_1&pad=${'x'.repeat(5000)}`), 'too_long'],
  ])('refuses a redirect with %s', (_what, url, refusal) => {
    const parsed = parseRedirect(url, EXPECTED);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.refusal).toBe(refusal);
      expect(parsed.message).toMatch(/ignored/);
    }
  });

  it('never throws, and accepts only IDs of the safe alphabet, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const parsed = parseRedirect(text, EXPECTED);
        if (parsed.ok) expect(parsed.redirect.kspayId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      }),
    );
  });

  it('refuses any parameter value outside the safe alphabet, including unicode', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
          .filter((s) => !/^[A-Za-z0-9_-]+$/.test(s)),
        (id) => {
          const parsed = parseRedirect(
            back(`payment_status=success&kspay_id=${encodeURIComponent(id)}`),
            EXPECTED,
          );
          expect(parsed.ok).toBe(false);
        },
      ),
    );
  });

  it('refuses every other host, whatever the query says', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        fc.pre(!url.startsWith('http://127.0.0.1:5173/'));
        const parsed = parseRedirect(
          `${url}${url.includes('?') ? '&' : '?'}kspay_id=tx_1&payment_status=success`,
          EXPECTED,
        );
        expect(parsed).toMatchObject({ ok: false, refusal: 'wrong_place' });
      }),
    );
  });

  it('reads back any valid parameters it is given', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.stringMatching(/^[A-Za-z0-9_.:-]{1,128}$/),
        fc.constantFrom('success', 'failed', 'cancelled'),
        (kspayId, providerPaymentId, status) => {
          const url = new URL(EXPECTED);
          url.searchParams.set('payment_status', status);
          url.searchParams.set('kspay_id', kspayId);
          url.searchParams.set('provider_payment_id', providerPaymentId);
          expect(parseRedirect(url.href, EXPECTED)).toEqual({
            ok: true,
            redirect: { paymentStatus: status, kspayId, providerPaymentId },
          });
        },
      ),
    );
  });
});
