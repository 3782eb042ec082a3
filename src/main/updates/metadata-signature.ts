// The Ed25519 signature over a Linux update metadata file (latest-linux.yml): npm run dist signs the
// file's exact bytes with the private key from the build environment; the app checks them with the
// public key built into it. The metadata carries each download's sha512, so a good signature vouches
// for the AppImage or deb that electron-updater then hash-checks.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The signature file that sits next to the metadata on the feed. */
export const SIGNATURE_SUFFIX = '.sig';

/** base64 of the signature over `metadata`, with an Ed25519 private key in PEM. */
export function signUpdateMetadata(metadata: Buffer, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('The update signing key must be an Ed25519 private key (PEM).');
  return sign(null, metadata, key).toString('base64');
}

/** The public half of a private key, as the app embeds it: base64 of its SPKI DER. */
export function publicKeyForBuild(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
}

function publicKey(spkiBase64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** True only when `signatureText` is a valid Ed25519 signature of exactly these bytes under the key. */
export function isMetadataSignedBy(
  metadata: Buffer,
  signatureText: string,
  publicKeySpkiBase64: string,
): boolean {
  const key = publicKey(publicKeySpkiBase64);
  const trimmed = signatureText.trim();
  if (key === null || !BASE64.test(trimmed)) return false;
  const signature = Buffer.from(trimmed, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, metadata, key, signature);
}
