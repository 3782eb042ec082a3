// Test helpers for the update tests: a fresh Ed25519 key pair (generated here, never stored) and signed
// latest-linux.yml metadata as npm run dist would publish it.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { publicKeyForBuild, signUpdateMetadata } from '../metadata-signature.ts';

export const FEED = 'https://updates.kspay.example/pos/';

export function testKeys(): { privateKeyPem: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, publicKey: publicKeyForBuild(privateKeyPem) };
}

export function metadataYaml(options: { version?: string; url?: string } = {}): Buffer {
  const url = options.url ?? 'KS-Pay-POS-0.2.0-x86_64.AppImage';
  const sha512 = createHash('sha512').update('the AppImage').digest('base64');
  return Buffer.from(
    [
      `version: ${options.version ?? '0.2.0'}`,
      'files:',
      `  - url: ${url}`,
      `    sha512: ${sha512}`,
      '    size: 104857600',
      `path: ${url}`,
      `sha512: ${sha512}`,
      "releaseDate: '2026-12-01T10:00:00.000Z'",
      '',
    ].join('\n'),
    'utf8',
  );
}

export function signed(metadata: Buffer, privateKeyPem: string): string {
  return signUpdateMetadata(metadata, privateKeyPem);
}
