// npm run security:secrets — scans every file the app wrote during the e2e run (default .tmp/e2e:
// data dirs, logs, recorded bridge replies; zips are opened) for the demo keys, tokens and signatures.
// Usage: node security/secret-scan.ts [path ...] [--secret VALUE ...]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { DEMO_CREDENTIALS } from '../src/sandbox/index.ts';
import { keyFileVerdict, scanText } from './secret-scan-core.ts';
import type { SecretHit } from './secret-scan-core.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { secret: { type: 'string', multiple: true, default: [] } },
});
const targets = (positionals.length > 0 ? positionals : ['.tmp/e2e']).map((path) => resolve(root, path));
const knownSecrets = [DEMO_CREDENTIALS.accessKey, DEMO_CREDENTIALS.secretKey, ...values.secret];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(resolve(path, name)));
}

const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) {
  console.log(
    `Secret scan: nothing to scan at ${missing.map((path) => relative(root, path)).join(', ')}. Run the e2e suite first (npx playwright test); it writes there.`,
  );
  process.exit(1);
}

let files = 0;
let bytes = 0;
let keyFiles = 0;
const hits: SecretHit[] = [];
for (const file of targets.flatMap(filesUnder)) {
  const content = readFileSync(file);
  const name = relative(root, file);
  const verdict = keyFileVerdict(name, statSync(file).mode);
  if (verdict === 'owner-only') {
    keyFiles += 1;
    continue;
  }
  if (verdict === 'readable-by-others') {
    hits.push({ file: name, line: 1, kind: 'key file readable by others', preview: '' });
    continue;
  }
  files += 1;
  bytes += content.length;
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) {
    // A zip (e.g. saved diagnostics): scan what is inside, since compression hides it from a text scan.
    for (const [entry, data] of Object.entries(unzipSync(content)))
      hits.push(...scanText(`${name}!${entry}`, Buffer.from(data).toString('latin1'), knownSecrets));
  } else {
    hits.push(...scanText(name, content.toString('latin1'), knownSecrets));
  }
}

const scope = targets.map((path) => relative(root, path) || '.').join(', ');
if (files === 0) {
  console.log(
    `Secret scan: ${scope} holds no files. Run the e2e suite first (npx playwright test); it writes there.`,
  );
  process.exit(1);
}
if (hits.length > 0) {
  for (const hit of hits) console.log(`${hit.file}:${hit.line}: ${hit.kind} ${hit.preview}`);
  console.log(
    `Secret scan: FAILED — ${hits.length} secrets in ${new Set(hits.map((hit) => hit.file)).size} files under ${scope}. Keys, tokens and signatures must never be written by the app; find who wrote each line.`,
  );
  process.exit(1);
}
console.log(
  `Secret scan: ${files} files (${bytes} bytes) under ${scope}: no keys, tokens or signatures` +
    (keyFiles > 0
      ? ` (${keyFiles} owner-only key files, 0600, left unread: they hold the keys by design).`
      : '.'),
);
