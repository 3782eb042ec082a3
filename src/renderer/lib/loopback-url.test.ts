import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from './loopback-url.ts';

describe('isLoopbackUrl', () => {
  it('knows the addresses of this computer itself', () => {
    for (const url of [
      'http://127.0.0.1:4010/checkout/1',
      'http://localhost/x',
      'http://[::1]:80/',
      'http://127.3.2.1/',
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
  });

  it('passes over every other address, and none at all', () => {
    for (const url of [
      'https://pay.kspay.example/c/1',
      'http://192.168.1.5/',
      'http://127.0.0.1.example/',
      'not a url',
      undefined,
    ])
      expect(isLoopbackUrl(url), String(url)).toBe(false);
  });
});
