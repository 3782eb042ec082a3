// npm run dist's update signing (scripts/update-signing.ts), run as dist.sh runs it: with a key from the
// environment it signs every latest*.yml so the app's check accepts it; without one it says so and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMetadataSignedBy } from '../src/main/updates/index.ts';
import { metadataYaml, testKeys } from '../src/main/updates/testing/test-feed.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts/update-signing.ts');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'update-signing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const { KSPAY_UPDATE_SIGNING_KEY: _key, KSPAY_UPDATE_SIGNING_KEY_FILE: _file, ...rest } = process.env;
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/update-signing.ts', () => {
  it('signs every latest*.yml with the key from the environment, as the app then accepts', () => {
    const keys = testKeys();
    writeFileSync(join(dir, 'latest-linux.yml'), metadataYaml());
    writeFileSync(
      join(dir, 'latest-linux-arm64.yml'),
      metadataYaml({ url: 'KS-Pay-POS-0.2.0-arm64.AppImage' }),
    );
    const keyFile = join(dir, 'signing.pem');
    writeFileSync(keyFile, keys.privateKeyPem);

    const publicKey = execFileSync(process.execPath, [script, 'public-key'], {
      env: { ...process.env, KSPAY_UPDATE_SIGNING_KEY: keys.privateKeyPem },
      encoding: 'utf8',
    }).trim();
    expect(publicKey).toBe(keys.publicKey);
    const signed = run(['sign', dir], { KSPAY_UPDATE_SIGNING_KEY_FILE: keyFile });
    expect(signed.status).toBe(0);
    expect(signed.stdout).toContain('signed');
    for (const name of ['latest-linux.yml', 'latest-linux-arm64.yml']) {
      const signature = readFileSync(join(dir, `${name}.sig`), 'utf8');
      expect(isMetadataSignedBy(readFileSync(join(dir, name)), signature, keys.publicKey), name).toBe(true);
      expect(isMetadataSignedBy(readFileSync(join(dir, name)), signature, testKeys().publicKey), name).toBe(
        false,
      );
    }
  });

  it('says there is no key, and fails, instead of leaving metadata unsigned silently', () => {
    writeFileSync(join(dir, 'latest-linux.yml'), metadataYaml());
    const result = run(['sign', dir], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no signing key: set KSPAY_UPDATE_SIGNING_KEY');
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    writeFileSync(join(dir, 'latest-linux.yml'), metadataYaml());
    const result = run(['sign', dir], { KSPAY_UPDATE_SIGNING_KEY: rsa });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('must be an Ed25519 private key');
  });
});
