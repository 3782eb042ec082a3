// What the build fixed about updates: the feed, the Linux metadata key, the Windows publisher and whether
// macOS was signed. electron.vite.config.ts bakes the raw values in (`define`); this checks them with zod.
import { z } from 'zod';

/** The values electron.vite.config.ts writes into the main bundle from the build environment. */
export const RawUpdateBuild = z.object({
  /** KSPAY_UPDATE_FEED_URL; empty when the build named no feed. */
  feedUrl: z.string(),
  /** KSPAY_UPDATE_PUBLIC_KEY: the Ed25519 public key (base64 of its SPKI DER) that signs Linux update metadata. */
  publicKey: z.string(),
  /** KSPAY_WIN_PUBLISHER_NAME: the publisher in the Windows code-signing certificate, several separated by "|". */
  windowsPublisherName: z.string(),
  /** True when the macOS app was built with a signing identity (CSC_LINK or CSC_NAME). */
  macSigned: z.boolean(),
});
export type RawUpdateBuild = z.infer<typeof RawUpdateBuild>;

export interface UpdateBuild {
  /** The https feed, or null when the build has none (or one that is not https). */
  feedUrl: string | null;
  publicKey: string | null;
  windowsPublisherNames: string[];
  macSigned: boolean;
}

/** Reads the baked-in values; anything unusable becomes "not configured", never an exception at start. */
export function readUpdateBuild(raw: unknown): UpdateBuild {
  const parsed = RawUpdateBuild.safeParse(raw);
  if (!parsed.success) return { feedUrl: null, publicKey: null, windowsPublisherNames: [], macSigned: false };
  const { feedUrl, publicKey, windowsPublisherName, macSigned } = parsed.data;
  return {
    feedUrl: httpsFeed(feedUrl),
    publicKey: publicKey.trim() === '' ? null : publicKey.trim(),
    windowsPublisherNames: windowsPublisherName
      .split('|')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    macSigned,
  };
}

/** The feed as a normalised https URL ending in "/", or null: no plain http, no credentials, no query. */
export function httpsFeed(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (
    url.protocol !== 'https:' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  )
    return null;
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.href;
}
