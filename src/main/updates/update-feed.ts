// The feed options electron-updater gets: always the build's own feed; on Linux through the provider that
// checks the metadata's Ed25519 signature, elsewhere the generic provider (the OS-level signature checks
// are electron-updater's: the publisher on Windows, Squirrel.Mac's code signature on macOS).
import type { UpdateBuild } from './update-build.ts';
import { SignedFeedProvider, type SignedFeedOptions } from './signed-feed-provider.ts';
import type { UpdateVerification } from './update-verification.ts';

/** electron-updater's generic-provider options. */
export interface GenericFeed {
  provider: 'generic';
  url: string;
}

export type FeedOptions = GenericFeed | SignedFeedOptions;

export function feedOptions(verification: UpdateVerification, build: UpdateBuild): FeedOptions | null {
  if (!verification.verifiable) return null;
  if (verification.method === 'linux-signed-metadata') {
    if (build.publicKey === null) return null;
    return {
      provider: 'custom',
      updateProvider: SignedFeedProvider,
      feedUrl: verification.feedUrl,
      publicKey: build.publicKey,
    };
  }
  return { provider: 'generic', url: verification.feedUrl };
}
