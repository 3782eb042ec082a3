// The update values baked in at build time: only an https feed counts, and a missing or damaged value
// means "not configured", never a crash at start.
import { describe, expect, it } from 'vitest';
import { httpsFeed, readUpdateBuild } from './update-build.ts';

describe('readUpdateBuild', () => {
  it('reads the feed, key, publishers and macOS signing the build fixed', () => {
    expect(
      readUpdateBuild({
        feedUrl: 'https://updates.kspay.example/pos',
        publicKey: ' MCowBQ== ',
        windowsPublisherName: 'Kalp Studio | Kalp Studio Ltd',
        macSigned: true,
      }),
    ).toEqual({
      feedUrl: 'https://updates.kspay.example/pos/',
      publicKey: 'MCowBQ==',
      windowsPublisherNames: ['Kalp Studio', 'Kalp Studio Ltd'],
      macSigned: true,
    });
  });

  it('is "nothing configured" for an empty build and for values that are not what the build writes', () => {
    const none = { feedUrl: null, publicKey: null, windowsPublisherNames: [], macSigned: false };
    expect(
      readUpdateBuild({ feedUrl: '', publicKey: '', windowsPublisherName: '', macSigned: false }),
    ).toEqual(none);
    for (const raw of [undefined, null, 'https://updates.kspay.example/', { feedUrl: 1 }])
      expect(readUpdateBuild(raw)).toEqual(none);
  });
});

describe('httpsFeed', () => {
  it('refuses a feed that is not https, carries credentials or a query, or is not a URL', () => {
    for (const text of [
      'http://updates.kspay.example/',
      'ftp://updates.kspay.example/',
      'file:///tmp/feed/',
      'https://user:pw@updates.kspay.example/',
      'https://updates.kspay.example/?channel=x',
      'not a url',
      '',
    ]) {
      expect(httpsFeed(text), text).toBeNull();
    }
  });
});
