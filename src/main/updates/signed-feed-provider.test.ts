// The Linux provider through electron-updater's own Provider interface, with a recorded feed instead of
// the network: it hands electron-updater signed metadata only, and only downloads on the feed's host.
import type { RequestOptions } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider.js';
import { SignedFeedProvider } from './signed-feed-provider.ts';
import { FEED, metadataYaml, signed, testKeys } from './testing/test-feed.ts';

const keys = testKeys();

/** Answers requests from a map of paths; a missing path is a 404, as electron-updater's HttpError reports it. */
function recordedFeed(files: Record<string, string>): {
  requested: string[];
  runtime: ProviderRuntimeOptions;
} {
  const requested: string[] = [];
  const executor = {
    async request(options: RequestOptions): Promise<string> {
      const path = `${options.protocol ?? ''}//${options.hostname ?? ''}${options.path ?? ''}`;
      requested.push(path);
      const name = Object.keys(files).find((key) => path.endsWith(`/pos/${key}`));
      if (name === undefined) throw Object.assign(new Error(`404 ${path}`), { statusCode: 404 });
      return files[name] ?? '';
    },
  };
  // The provider only calls executor.request; the rest of ElectronHttpExecutor needs Electron's net module.
  return {
    requested,
    runtime: {
      isUseMultipleRangeRequest: false,
      platform: 'linux',
      executor: executor as unknown as ProviderRuntimeOptions['executor'],
    },
  };
}

const channel = process.arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${process.arch}.yml`;

function provider(files: Record<string, string>) {
  const feed = recordedFeed(files);
  const instance = new SignedFeedProvider(
    { provider: 'custom', updateProvider: SignedFeedProvider, feedUrl: FEED, publicKey: keys.publicKey },
    null,
    feed.runtime,
  );
  return { instance, requested: feed.requested };
}

describe('SignedFeedProvider', () => {
  it('reads the channel file and its signature from the build feed and resolves the download there', async () => {
    const metadata = metadataYaml();
    const { instance, requested } = provider({
      [channel]: metadata.toString(),
      [`${channel}.sig`]: signed(metadata, keys.privateKeyPem),
    });
    const info = await instance.getLatestVersion();
    expect(info.version).toBe('0.2.0');
    expect(requested).toEqual([
      `https://updates.kspay.example/pos/${channel}`,
      `https://updates.kspay.example/pos/${channel}.sig`,
    ]);
    expect(instance.resolveFiles(info).map((file) => file.url.href)).toEqual([
      `${FEED}KS-Pay-POS-0.2.0-x86_64.AppImage`,
    ]);
  });

  it('refuses an update whose signature file is missing', async () => {
    const { instance } = provider({ [channel]: metadataYaml().toString() });
    await expect(instance.getLatestVersion()).rejects.toMatchObject({ code: 'unsigned' });
  });

  it('refuses an update signed with another key', async () => {
    const metadata = metadataYaml();
    const { instance } = provider({
      [channel]: metadata.toString(),
      [`${channel}.sig`]: signed(metadata, testKeys().privateKeyPem),
    });
    await expect(instance.getLatestVersion()).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('refuses a signed update that sends the download to another host', async () => {
    const metadata = metadataYaml({
      url: 'https://mirror.elsewhere.example/KS-Pay-POS-0.2.0-x86_64.AppImage',
    });
    const { instance } = provider({
      [channel]: metadata.toString(),
      [`${channel}.sig`]: signed(metadata, keys.privateKeyPem),
    });
    await expect(instance.getLatestVersion()).rejects.toMatchObject({ code: 'other_host' });
  });

  it('refuses to resolve a file on another host even if handed one directly', () => {
    const { instance } = provider({});
    const info = {
      version: '0.2.0',
      files: [{ url: 'https://evil.example/x.AppImage', sha512: 'x' }],
      path: 'x',
      sha512: 'x',
      releaseDate: '2026-12-01',
    };
    expect(() => instance.resolveFiles(info)).toThrow(/not this terminal's update server/);
  });

  it('passes on a network failure other than 404 as a failure, not as "unsigned"', async () => {
    const feed = recordedFeed({});
    const failing = {
      ...feed.runtime,
      executor: {
        request: async () =>
          Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      } as unknown as ProviderRuntimeOptions['executor'],
    };
    const instance = new SignedFeedProvider(
      { provider: 'custom', updateProvider: SignedFeedProvider, feedUrl: FEED, publicKey: keys.publicKey },
      null,
      failing,
    );
    await expect(instance.getLatestVersion()).rejects.toThrow('socket hang up');
  });
});
