// Accepts a Linux update's metadata only when it is signed by the key built into the app, well formed,
// and every download it names is on the build's own feed host. Pure: the provider fetches, this decides.
import { z } from 'zod';
import type { UpdateFileInfo, UpdateInfo } from 'builder-util-runtime';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import { isMetadataSignedBy } from './metadata-signature.ts';
import { UpdateError } from './update-error.ts';

const UpdateFile = z.object({
  url: z.string().min(1).max(2048),
  // Without a sha512 electron-updater could not check the download against what was signed.
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 sha512'),
  size: z.number().int().positive().optional(),
  blockMapSize: z.number().int().positive().optional(),
});

export const UpdateMetadata = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'a semantic version'),
  files: z.array(UpdateFile).min(1).max(20),
  releaseDate: z.string().min(1).max(64),
  releaseName: z.string().max(500).nullish(),
  releaseNotes: z.string().max(20_000).nullish(),
  minimumSystemVersion: z.string().max(64).optional(),
});
export type UpdateMetadata = z.infer<typeof UpdateMetadata>;

const FIX =
  'The terminal keeps its current version; tell your administrator so they can republish the update.';

export interface SignedMetadataInput {
  /** The metadata file's bytes as served. */
  metadata: Buffer;
  /** The `.sig` file's text, or null when the feed has none. */
  signature: string | null;
  /** The build's public key (base64 SPKI DER). */
  publicKey: string;
  /** The build's feed (https, ending in "/"). */
  feedUrl: string;
}

/** The update the metadata describes, or an UpdateError saying why it is refused. */
export function acceptSignedMetadata(input: SignedMetadataInput): UpdateInfo {
  if (input.signature === null || input.signature.trim() === '') {
    throw new UpdateError(
      'unsigned',
      `An update was offered without a signature, so it was not downloaded. ${FIX}`,
    );
  }
  if (!isMetadataSignedBy(input.metadata, input.signature, input.publicKey)) {
    throw new UpdateError(
      'bad_signature',
      `An update was offered with a signature that does not match this terminal's key, so it was not downloaded. ${FIX}`,
    );
  }
  let raw: unknown;
  try {
    // electron-updater's own YAML reading; zod then decides what the result may be.
    const text: unknown = parseUpdateInfo(
      input.metadata.toString('utf8'),
      'update metadata',
      new URL(input.feedUrl),
    );
    raw = text;
  } catch {
    raw = null;
  }
  const parsed = UpdateMetadata.safeParse(raw);
  if (!parsed.success) {
    throw new UpdateError(
      'bad_metadata',
      `The update's description could not be read, so it was not downloaded. ${FIX}`,
    );
  }
  const files: UpdateFileInfo[] = parsed.data.files.map((file) => ({
    ...file,
    url: fileUrlOnFeed(file.url, input.feedUrl).href,
  }));
  const [first] = files;
  if (!first) throw new UpdateError('bad_metadata', `The update names no file to download. ${FIX}`);
  return {
    version: parsed.data.version,
    files,
    path: first.url,
    sha512: first.sha512,
    releaseDate: parsed.data.releaseDate,
    ...(parsed.data.releaseName != null ? { releaseName: parsed.data.releaseName } : {}),
    ...(parsed.data.releaseNotes != null ? { releaseNotes: parsed.data.releaseNotes } : {}),
    ...(parsed.data.minimumSystemVersion !== undefined
      ? { minimumSystemVersion: parsed.data.minimumSystemVersion }
      : {}),
  };
}

/** A file named by the metadata, resolved against the feed; refused unless it is on the feed's own https origin. */
export function fileUrlOnFeed(fileUrl: string, feedUrl: string): URL {
  let url: URL;
  try {
    url = new URL(fileUrl, feedUrl);
  } catch {
    throw new UpdateError('bad_metadata', `The update names a download that is not a web address. ${FIX}`);
  }
  if (url.origin !== new URL(feedUrl).origin || url.username !== '' || url.password !== '') {
    throw new UpdateError(
      'other_host',
      `The update asks to download from ${url.host}, which is not this terminal's update server, so it was not downloaded. ${FIX}`,
    );
  }
  return url;
}
