// npm run security:licenses — every production dependency (what the installer ships) must declare a
// licence on the allow-list in security/licenses-core.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { declaredLicense, isAllowedExpression } from './licenses-core.ts';

const root = new URL('..', import.meta.url).pathname;
// `npm ls` exits non-zero for harmless tree warnings (an unmet optional peer); the list is still complete.
const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
  cwd: root,
  encoding: 'utf8',
});
const paths = [...new Set(listed.stdout.split('\n').filter(Boolean))].filter(
  (path) => path !== root.replace(/\/$/, ''),
);
if (paths.length === 0) {
  console.log(
    `Licence check: npm ls listed no production dependencies (${listed.stderr.trim().split('\n')[0] ?? 'no output'}). Run npm ci first.`,
  );
  process.exit(1);
}

const refused: string[] = [];
const seen = new Map<string, number>();
for (const path of paths) {
  const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: unknown;
    licenses?: unknown;
    private?: boolean;
  };
  const license = declaredLicense(pkg);
  seen.set(license ?? 'none', (seen.get(license ?? 'none') ?? 0) + 1);
  if (license === null || !isAllowedExpression(license))
    refused.push(
      `${pkg.name ?? relative(root, path)}@${pkg.version ?? '?'}: ${license ?? 'no licence declared'}`,
    );
}
const summary = [...seen]
  .sort((a, b) => b[1] - a[1])
  .map(([license, count]) => `${count} ${license}`)
  .join(', ');
if (refused.length > 0) {
  for (const line of refused) console.log(`  ${line}`);
  console.log(
    `Licence check: FAILED — ${refused.length} production packages have licences outside the allow-list. Replace them, or add the licence to security/licenses-core.ts after a legal review.`,
  );
  process.exit(1);
}
console.log(`Licence check: ${paths.length} production packages, all on the allow-list (${summary}).`);
