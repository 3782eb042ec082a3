// electron-updater's provider for Linux (AppImage and deb, which electron-updater does not signature-check):
// fetches latest-linux.yml and its .sig from the build's feed, and gives electron-updater only metadata
// acceptSignedMetadata accepted, with every download on the feed's own host.
import { Provider } from 'electron-updater';
import type { AppUpdater, ResolvedUpdateFileInfo, UpdateInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider.js';
import { SIGNATURE_SUFFIX } from './metadata-signature.ts';
import { acceptSignedMetadata, fileUrlOnFeed } from './update-metadata.ts';

/** setFeedURL's options for this provider (electron-updater's CustomPublishOptions shape). */
export interface SignedFeedOptions {
  provider: 'custom';
  updateProvider: typeof SignedFeedProvider;
  /** The build's https feed, ending in "/". */
  feedUrl: string;
  /** The build's Ed25519 public key (base64 SPKI DER). */
  publicKey: string;
}

export class SignedFeedProvider extends Provider<UpdateInfo> {
  private readonly feed: SignedFeedOptions;

  constructor(
    options: SignedFeedOptions,
    _updater: AppUpdater | null,
    runtimeOptions: ProviderRuntimeOptions,
  ) {
    super(runtimeOptions);
    this.feed = options;
  }

  async getLatestVersion(): Promise<UpdateInfo> {
    const channelFile = `${this.getDefaultChannelName()}.yml`;
    const metadataUrl = new URL(channelFile, this.feed.feedUrl);
    const metadata = await this.httpRequest(metadataUrl);
    const signature = await this.optional(new URL(`${channelFile}${SIGNATURE_SUFFIX}`, this.feed.feedUrl));
    return acceptSignedMetadata({
      metadata: Buffer.from(metadata ?? '', 'utf8'),
      signature,
      publicKey: this.feed.publicKey,
      feedUrl: this.feed.feedUrl,
    });
  }

  resolveFiles(updateInfo: UpdateInfo): ResolvedUpdateFileInfo[] {
    return updateInfo.files.map((file) => ({ url: fileUrlOnFeed(file.url, this.feed.feedUrl), info: file }));
  }

  /** The body, or null when the feed answers 404 (a missing signature file is "unsigned", not a network fault). */
  private async optional(url: URL): Promise<string | null> {
    try {
      return await this.httpRequest(url);
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404)
        return null;
      throw error;
    }
  }
}
