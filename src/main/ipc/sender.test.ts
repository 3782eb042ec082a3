import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf } from './sender.ts';

// Plain objects shaped like Electron's WebFrameMain: `parent` is null for a main frame.
const mainFrame = (url: string) => ({ url, parent: null });
const subFrame = (url: string) => ({ url, parent: mainFrame('app://pos/index.html') });

describe('isTrustedSender', () => {
  it("accepts the main frame of the app's own custom-protocol page", () => {
    expect(isTrustedSender(mainFrame('app://pos/index.html#/sale'), 'app://pos')).toBe(true);
  });

  it('accepts the dev server page in development', () => {
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
  });

  it('refuses a frame inside the app page, even from the same origin', () => {
    expect(isTrustedSender(subFrame('app://pos/index.html'), 'app://pos')).toBe(false);
  });

  it('refuses other origins, look-alike hosts and other schemes', () => {
    for (const url of [
      'https://pay.example.com/checkout',
      'app://pos.evil/index.html',
      'app://evil/pos',
      'file:///app/pos/index.html',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'app://pos@evil/index.html',
    ]) {
      expect(isTrustedSender(mainFrame(url), 'app://pos'), url).toBe(false);
    }
    expect(isTrustedSender(mainFrame('app://pos/index.html'), 'http://localhost:5173')).toBe(false);
  });

  it('refuses a missing frame (a frame that navigated away or was destroyed) and unparsable URLs', () => {
    expect(isTrustedSender(null, 'app://pos')).toBe(false);
    expect(isTrustedSender(undefined, 'app://pos')).toBe(false);
    expect(isTrustedSender(mainFrame(''), 'app://pos')).toBe(false);
    expect(isTrustedSender(mainFrame('not a url'), 'app://pos')).toBe(false);
    expect(isTrustedSender(mainFrame('about:blank'), 'app://pos')).toBe(false);
  });
});

describe('originOf', () => {
  it('gives scheme and host for custom schemes, where URL.origin would be "null"', () => {
    expect(new URL('app://pos/x').origin).toBe('null');
    expect(originOf('app://pos/x')).toBe('app://pos');
    expect(originOf('http://127.0.0.1:4000/a?b')).toBe('http://127.0.0.1:4000');
  });
});
