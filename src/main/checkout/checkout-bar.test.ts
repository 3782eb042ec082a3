// The cashier and the customer see where card details go: the origin in the title and in the bar,
// written as the URL parser normalised it, and nothing the page controls.
import { describe, expect, it } from 'vitest';
import { checkoutBar, checkoutBarHtml, checkoutBarUrl } from './checkout-bar.ts';
import { checkoutLayout } from './checkout-layout.ts';

describe('checkoutBar', () => {
  it('names the https origin in the title and the bar', () => {
    expect(checkoutBar('https://pay.example.com/checkout/123?token=secret')).toEqual({
      title: 'KS Pay checkout — https://pay.example.com',
      origin: 'https://pay.example.com',
      note: 'Secure connection. Card details go to:',
      secure: true,
    });
  });

  it('says a local sandbox page is not encrypted', () => {
    expect(checkoutBar('http://127.0.0.1:4010/checkout/1')).toMatchObject({
      origin: 'http://127.0.0.1:4010',
      secure: false,
      note: expect.stringContaining('not encrypted'),
    });
  });

  it('shows an international look-alike name in punycode, as it really is', () => {
    expect(checkoutBar('https://pаypal.com/').origin).toBe('https://xn--pypal-4ve.com');
  });

  it('never shows the path, query or anything else the page chooses', () => {
    const bar = checkoutBar('https://pay.example.com/<script>alert(1)</script>?q="x"#frag');
    expect(JSON.stringify(bar)).not.toMatch(/script|frag|q=/);
  });

  it('does not name a page it would not open', () => {
    expect(checkoutBar('http://evil.example/')).toMatchObject({
      title: 'KS Pay checkout',
      origin: 'blocked page',
      secure: false,
    });
  });
});

describe('checkoutBarHtml', () => {
  it('is a page without scripts or remote content whose text is escaped', () => {
    const html = checkoutBarHtml({
      title: 'KS Pay checkout — <b>',
      origin: 'https://a.example"><script>x()</script>',
      note: 'Secure & fine',
      secure: true,
    });
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('Secure &#38; fine');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/https?:\/\/[^"<]*\.(css|js)/);
  });

  it('loads as a data: address that decodes back to the same page', () => {
    const bar = checkoutBar('https://pay.example.com/');
    const url = checkoutBarUrl(bar);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(checkoutBarHtml(bar));
  });
});

describe('checkoutLayout', () => {
  it('puts the bar above the page without overlap, at any size', () => {
    for (const [width, height] of [
      [520, 780],
      [300, 20],
      [0, 0],
      [799.6, 600.4],
    ] as const) {
      const { bar, page } = checkoutLayout({ width, height });
      expect(bar.y).toBe(0);
      expect(page.y).toBe(bar.height);
      expect(bar.height + page.height).toBe(Math.floor(height));
      expect(page.width).toBe(bar.width);
      expect(page.height).toBeGreaterThanOrEqual(0);
    }
  });
});
