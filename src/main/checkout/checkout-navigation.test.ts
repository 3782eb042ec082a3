// The checkout window shows https pages and, for sandboxes on this computer only, plain http.
import { describe, expect, it } from 'vitest';
import { checkoutNavigation } from './checkout-navigation.ts';

describe('checkoutNavigation', () => {
  it('allows https pages and names their origin', () => {
    expect(checkoutNavigation('https://pay-open-sandboxapi.kalp.studio/checkout/abc?x=1')).toEqual({
      allowed: true,
      origin: 'https://pay-open-sandboxapi.kalp.studio',
      secure: true,
    });
    expect(checkoutNavigation('https://bank.example:8443/3ds')).toEqual({
      allowed: true,
      origin: 'https://bank.example:8443',
      secure: true,
    });
  });

  it('allows plain http only for a sandbox on this computer', () => {
    for (const url of [
      'http://127.0.0.1:4010/checkout/x',
      'http://localhost:4010/pay',
      'http://[::1]:4010/pay',
    ]) {
      expect(checkoutNavigation(url), url).toMatchObject({ allowed: true, secure: false });
    }
    for (const url of [
      'http://pay.example.com/checkout',
      'http://192.168.1.20:4010/pay',
      'http://127.0.0.1.evil.example/pay',
    ]) {
      expect(checkoutNavigation(url), url).toEqual({ allowed: false, reason: 'insecure' });
    }
  });

  it('refuses anything that is not a web page, and addresses with credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'app://pos/index.html',
      'kspay://pay',
      'not a url',
    ]) {
      expect(checkoutNavigation(url), url).toEqual({ allowed: false, reason: 'not_web' });
    }
    expect(checkoutNavigation('https://user:pw@pay.example.com/')).toEqual({
      allowed: false,
      reason: 'credentials',
    });
  });
});
