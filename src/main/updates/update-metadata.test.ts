// Linux updates are accepted only with metadata signed by the key built into the app, naming downloads on
// the build's own feed host: a wrong signature, no signature and another host are refused.
import { describe, expect, it } from 'vitest';
import { isMetadataSignedBy } from './metadata-signature.ts';
import { FEED, metadataYaml, signed, testKeys } from './testing/test-feed.ts';
import { UpdateError } from './update-error.ts';
import { acceptSignedMetadata, fileUrlOnFeed } from './update-metadata.ts';

const build = testKeys();
const other = testKeys();

function refusal(run: () => unknown): UpdateError {
  try {
    run();
  } catch (error) {
    if (error instanceof UpdateError) return error;
    throw error;
  }
  throw new Error('expected the update to be refused');
}

describe('acceptSignedMetadata', () => {
  it('accepts metadata signed by the build key and resolves its download on the feed', () => {
    const metadata = metadataYaml();
    const info = acceptSignedMetadata({
      metadata,
      signature: signed(metadata, build.privateKeyPem),
      publicKey: build.publicKey,
      feedUrl: FEED,
    });
    expect(info.version).toBe('0.2.0');
    expect(info.files.map((file) => file.url)).toEqual([`${FEED}KS-Pay-POS-0.2.0-x86_64.AppImage`]);
    expect(info.files[0]?.sha512).toMatch(/==$/);
  });

  it('refuses metadata signed by another key', () => {
    const metadata = metadataYaml();
    const error = refusal(() =>
      acceptSignedMetadata({
        metadata,
        signature: signed(metadata, other.privateKeyPem),
        publicKey: build.publicKey,
        feedUrl: FEED,
      }),
    );
    expect(error.code).toBe('bad_signature');
    expect(error.message).toMatch(/does not match this terminal's key.*keeps its current version/);
  });

  it('refuses metadata changed after it was signed (a newer version slipped in)', () => {
    const signature = signed(metadataYaml(), build.privateKeyPem);
    const tampered = metadataYaml({ version: '9.9.9' });
    expect(
      refusal(() =>
        acceptSignedMetadata({ metadata: tampered, signature, publicKey: build.publicKey, feedUrl: FEED }),
      ).code,
    ).toBe('bad_signature');
  });

  it('refuses unsigned metadata: no signature file, or an empty one', () => {
    const metadata = metadataYaml();
    for (const signature of [null, '', '  \n']) {
      expect(
        refusal(() =>
          acceptSignedMetadata({ metadata, signature, publicKey: build.publicKey, feedUrl: FEED }),
        ).code,
      ).toBe('unsigned');
    }
  });

  it('refuses signed metadata whose download is on another host', () => {
    const metadata = metadataYaml({ url: 'https://evil.example/KS-Pay-POS-0.2.0-x86_64.AppImage' });
    const error = refusal(() =>
      acceptSignedMetadata({
        metadata,
        signature: signed(metadata, build.privateKeyPem),
        publicKey: build.publicKey,
        feedUrl: FEED,
      }),
    );
    expect(error.code).toBe('other_host');
    expect(error.message).toContain('evil.example');
  });

  it('refuses signed metadata that is not a well-formed update (no sha512, bad version)', () => {
    const noHash = Buffer.from("version: 0.2.0\nfiles:\n  - url: a.AppImage\nreleaseDate: '2026-12-01'\n");
    const badVersion = Buffer.from(metadataYaml().toString().replace('version: 0.2.0', 'version: latest'));
    for (const metadata of [noHash, badVersion, Buffer.from(': not yaml : [')]) {
      expect(
        refusal(() =>
          acceptSignedMetadata({
            metadata,
            signature: signed(metadata, build.privateKeyPem),
            publicKey: build.publicKey,
            feedUrl: FEED,
          }),
        ).code,
      ).toBe('bad_metadata');
    }
  });
});

describe('isMetadataSignedBy', () => {
  it('is false for a key that is not Ed25519 or not a key, and for a signature that is not base64', () => {
    const metadata = metadataYaml();
    const signature = signed(metadata, build.privateKeyPem);
    expect(isMetadataSignedBy(metadata, signature, build.publicKey)).toBe(true);
    expect(isMetadataSignedBy(metadata, signature, 'bm90IGEga2V5')).toBe(false);
    expect(isMetadataSignedBy(metadata, `${signature}!`, build.publicKey)).toBe(false);
    expect(isMetadataSignedBy(metadata, signature.slice(0, 40), build.publicKey)).toBe(false);
  });
});

describe('fileUrlOnFeed', () => {
  it('keeps relative names and same-origin URLs, refuses other hosts, http and credentials', () => {
    expect(fileUrlOnFeed('a.AppImage', FEED).href).toBe(`${FEED}a.AppImage`);
    expect(fileUrlOnFeed('https://updates.kspay.example/other/a.AppImage', FEED).href).toBe(
      'https://updates.kspay.example/other/a.AppImage',
    );
    for (const url of [
      'https://evil.example/a.AppImage',
      'http://updates.kspay.example/pos/a.AppImage',
      'https://updates.kspay.example:8443/a',
      '//evil.example/a',
      'https://user:pw@updates.kspay.example/pos/a',
    ]) {
      expect(() => fileUrlOnFeed(url, FEED), url).toThrow(UpdateError);
    }
  });
});
