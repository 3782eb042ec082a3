import { describe, expect, it } from 'vitest';
import { parseRedirect } from './redirect.ts';
import { isReturnAddress, returnAddressFilter, returnUrlFromRequest } from './return-address.ts';

const RETURN = 'https://ks-pay-pos.invalid/checkout/return';

describe('the return address', () => {
  it('is recognised over https and over a provider’s downgrade to http', () => {
    expect(isReturnAddress(`${RETURN}?kspay_id=tx_1`, RETURN)).toBe(true);
    expect(isReturnAddress('http://ks-pay-pos.invalid/checkout/return?kspay_id=tx_1', RETURN)).toBe(true);
  });

  it('is not another host, path, port, scheme or one carrying user info', () => {
    for (const other of [
      'https://ks-pay-pos.invalid.evil.example/checkout/return',
      'https://ks-pay-pos.invalid/checkout/returned',
      'https://ks-pay-pos.invalid:8443/checkout/return',
      'ftp://ks-pay-pos.invalid/checkout/return',
      'https://user@ks-pay-pos.invalid/checkout/return',
      'not a url',
    ]) {
      expect(isReturnAddress(other, RETURN), other).toBe(false);
    }
  });

  it('turns an http return into the https address the parser reads', () => {
    const url = returnUrlFromRequest(
      {
        url: 'http://ks-pay-pos.invalid/checkout/return?payment_status=success&kspay_id=tx_1',
        method: 'GET',
        body: null,
      },
      RETURN,
    );
    expect(url).toBe(`${RETURN}?payment_status=success&kspay_id=tx_1`);
    expect(parseRedirect(url ?? '', RETURN)).toMatchObject({
      ok: true,
      redirect: { kspayId: 'tx_1', paymentStatus: 'success' },
    });
  });

  it('reads a return delivered as a form POST', () => {
    const url = returnUrlFromRequest(
      { url: RETURN, method: 'POST', body: 'payment_status=failed&kspay_id=tx_2&provider_payment_id=pp.9' },
      RETURN,
    );
    expect(parseRedirect(url ?? '', RETURN)).toEqual({
      ok: true,
      redirect: { paymentStatus: 'failed', kspayId: 'tx_2', providerPaymentId: 'pp.9' },
    });
  });

  it('refuses a POST that repeats a field of its address, so neither copy wins', () => {
    const url = returnUrlFromRequest(
      { url: `${RETURN}?kspay_id=tx_1`, method: 'POST', body: 'kspay_id=tx_2' },
      RETURN,
    );
    expect(parseRedirect(url ?? '', RETURN)).toMatchObject({ ok: false, refusal: 'repeated_param' });
  });

  it('ignores a GET body and an oversized POST body', () => {
    expect(returnUrlFromRequest({ url: RETURN, method: 'GET', body: 'kspay_id=tx_1' }, RETURN)).toBe(RETURN);
    expect(
      returnUrlFromRequest({ url: RETURN, method: 'POST', body: `kspay_id=${'x'.repeat(5000)}` }, RETURN),
    ).toBe(RETURN);
  });

  it('leaves every other request alone', () => {
    expect(
      returnUrlFromRequest(
        { url: 'https://pay.kspay.example/checkout', method: 'POST', body: 'kspay_id=tx_1' },
        RETURN,
      ),
    ).toBeNull();
  });

  it('filters the checkout session’s requests by the return host, either scheme', () => {
    expect(returnAddressFilter(RETURN)).toEqual(['*://ks-pay-pos.invalid/*']);
  });
});
