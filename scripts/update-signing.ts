// npm run dist's update signing (scripts/dist.sh): the Ed25519 key comes only from the build environment,
// KSPAY_UPDATE_SIGNING_KEY (PEM text) or KSPAY_UPDATE_SIGNING_KEY_FILE (a path to the PEM).
//   node scripts/update-signing.ts public-key     prints the public key the app is built with
//   node scripts/update-signing.ts sign <dir>     writes <file>.sig next to every latest*.yml in <dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyForBuild, signUpdateMetadata, SIGNATURE_SUFFIX } from '../src/main/updates/index.ts';

function signingKey(): string {
  const inline = process.env['KSPAY_UPDATE_SIGNING_KEY'];
  if (inline && inline.trim() !== '') return inline;
  const file = process.env['KSPAY_UPDATE_SIGNING_KEY_FILE'];
  if (file && file.trim() !== '') return readFileSync(file, 'utf8');
  throw new Error('no signing key: set KSPAY_UPDATE_SIGNING_KEY (PEM) or KSPAY_UPDATE_SIGNING_KEY_FILE');
}

const [command, dir] = process.argv.slice(2);
try {
  if (command === 'public-key') {
    process.stdout.write(`${publicKeyForBuild(signingKey())}\n`);
  } else if (command === 'sign' && dir) {
    const key = signingKey();
    const files = readdirSync(dir).filter((name) => /^latest.*\.yml$/.test(name));
    if (files.length === 0) throw new Error(`no latest*.yml update metadata in ${dir}`);
    for (const name of files) {
      const path = join(dir, name);
      writeFileSync(`${path}${SIGNATURE_SUFFIX}`, `${signUpdateMetadata(readFileSync(path), key)}\n`);
      console.log(`npm run dist: signed ${path} → ${name}${SIGNATURE_SUFFIX}`);
    }
  } else {
    throw new Error('usage: node scripts/update-signing.ts public-key | sign <dir>');
  }
} catch (error) {
  console.error(`update signing failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
