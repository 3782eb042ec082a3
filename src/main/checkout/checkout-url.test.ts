import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutUrlFromOrder, safeHttpUrl } from './index.ts';

describe('checkoutUrlFromOrder', () => {
  it.each([
    ['checkoutUrl', { checkoutUrl: 'https://pay.example/c/1' }],
    ['short_url', { short_url: 'https://pay.example/c/1' }],
    ['paymentUrl', { paymentUrl: 'https://pay.example/c/1' }],
    ['url', { url: 'https://pay.example/c/1' }],
  ])('finds the hosted page in %s', (_field, order) => {
    expect(checkoutUrlFromOrder(order)).toBe('https://pay.example/c/1');
  });

  it('prefers checkoutUrl, then short_url, then paymentUrl, then url', () => {
    const order = {
      url: 'https://d.example/',
      paymentUrl: 'https://c.example/',
      short_url: 'https://b.example/',
      checkoutUrl: 'https://a.example/',
    };
    expect(checkoutUrlFromOrder(order)).toBe('https://a.example/');
    expect(checkoutUrlFromOrder({ ...order, checkoutUrl: undefined })).toBe('https://b.example/');
    expect(checkoutUrlFromOrder({ url: order.url, paymentUrl: order.paymentUrl })).toBe('https://c.example/');
  });

  it('skips a field that is not a safe http(s) address and takes the next one', () => {
    const order = {
      checkoutUrl: 'javascript:alert(1)',
      short_url: 'file:///etc/passwd',
      paymentUrl: 'data:text/html,<script>alert(1)</script>',
      url: 'http://127.0.0.1:4010/checkout/tx_1',
    };
    expect(checkoutUrlFromOrder(order)).toBe('http://127.0.0.1:4010/checkout/tx_1');
  });

  it('finds the page inside a nested order, but prefers the top level', () => {
    expect(checkoutUrlFromOrder({ order: { short_url: 'https://pay.example/n' } })).toBe(
      'https://pay.example/n',
    );
    expect(checkoutUrlFromOrder({ order: { order: { url: 'https://pay.example/nn' } } })).toBe(
      'https://pay.example/nn',
    );
    expect(
      checkoutUrlFromOrder({
        url: 'https://top.example/',
        order: { checkoutUrl: 'https://nested.example/' },
      }),
    ).toBe('https://top.example/');
  });

  it('returns null when nothing safe is named', () => {
    expect(checkoutUrlFromOrder({})).toBeNull();
    expect(checkoutUrlFromOrder({ checkoutUrl: 42, url: ['https://a.example/'] })).toBeNull();
    expect(checkoutUrlFromOrder({ checkoutUrl: 'ftp://files.example/x', url: 'about:blank' })).toBeNull();
  });

  it('refuses addresses that hide their real host or smuggle a scheme', () => {
    for (const bad of [
      'https://kspay.example@evil.example/pay',
      'https://user:pass@pay.example/',
      'java\nscript:alert(1)',
      ' https://pay.example/',
      'https://pay.example/\u0000x',
      'JAVASCRIPT:alert(1)',
      'vbscript:msgbox(1)',
      'blob:https://pay.example/1',
      '//pay.example/relative',
      '/checkout/tx_1',
      `https://pay.example/${'a'.repeat(5000)}`,
    ]) {
      expect(safeHttpUrl(bad), bad).toBeNull();
    }
  });

  it('never throws and yields only http(s) URLs, whatever the order holds', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.webUrl(), fc.string(), (junk, url, text) => {
        for (const order of [junk, { checkoutUrl: text }, { order: junk }, { url, order: junk }]) {
          const found = checkoutUrlFromOrder(order as Record<string, unknown>);
          if (found !== null) expect(['http:', 'https:']).toContain(new URL(found).protocol);
        }
      }),
    );
  });
});
