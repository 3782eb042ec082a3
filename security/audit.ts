// npm run security:audit — `npm audit --omit=dev`: no high or critical vulnerability in what ships.
// When the registry's advisory endpoint cannot be reached (as on a closed build machine) it says so in
// one line and passes, unless KSPAY_REQUIRE_AUDIT=1 makes that a failure (set it where the endpoint works).
import { spawnSync } from 'node:child_process';
import { judgeAudit } from './audit-core.ts';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  cwd: new URL('..', import.meta.url).pathname,
});
const verdict = judgeAudit(result.stdout);
if (verdict.kind === 'ok') {
  console.log(
    `npm audit (production dependencies): no high or critical vulnerabilities (${Object.entries(
      verdict.counts,
    )
      .map(([level, count]) => `${count} ${level}`)
      .join(', ')}).`,
  );
} else if (verdict.kind === 'fail') {
  for (const finding of verdict.findings) console.log(`  ${finding}`);
  console.log(
    `npm audit: FAILED — ${verdict.findings.length} high/critical vulnerabilities in production dependencies. Update them (npm update <name>) or replace them.`,
  );
  process.exit(1);
} else {
  const required = process.env['KSPAY_REQUIRE_AUDIT'] === '1';
  console.log(
    `npm audit: not checked — the registry's advisory database could not be reached (${verdict.reason})${required ? '; KSPAY_REQUIRE_AUDIT=1 makes this a failure.' : '.'}`,
  );
  if (required) process.exit(1);
}
