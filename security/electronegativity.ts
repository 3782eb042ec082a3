// Runs Electronegativity over src/ offline and fails on any HIGH or MEDIUM finding that has not been
// reviewed in security/electronegativity-reviews.json (only "manual review" checks may be reviewed).
// Usage: node security/electronegativity.ts [--input src]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { findInlineDisables, judgeFindings, Review } from './electronegativity-policy.ts';
import type { Finding } from './electronegativity-policy.ts';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { input: { type: 'string', default: 'src' } } });
const input = resolve(root, values.input);

const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolVersion = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8'))).version;
const electronVersion = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'))).version;

// The tool downloads translations (and Electron's release list) at start. CI has no business calling
// the internet from a check, so its HTTP client answers "not found" and the English strings are used.
const toolRequire = createRequire(join(toolDir, 'dist', 'locales', 'i18n.js'));
const gotPath = toolRequire.resolve('got');
const offline = Object.assign(async () => ({ statusCode: 404, body: '' }), { __esModule: true });
Object.assign(offline, { default: offline });
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: offline,
} as unknown as NodeJS.Module;

const RawIssue = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  description: z.string(),
  severity: z.object({ name: z.enum(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']) }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean().optional(),
  sample: z.string().optional(),
});
const RunResult = z.object({
  issues: z.array(RawIssue),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  globalChecks: z.number(),
  atomicChecks: z.number(),
});

const tool: unknown = require('@doyensec/electronegativity');
if (typeof tool !== 'function')
  throw new Error(
    '@doyensec/electronegativity no longer exports its runner as a function; check its version.',
  );
const run = tool as (options: Record<string, unknown>) => Promise<unknown>;
const result = RunResult.parse(
  await run({
    input,
    electronVersionOverride: electronVersion,
    // Needs Electron's release list from the internet; npm audit covers known-vulnerable Electron versions.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: false,
  }),
);

// For CSP findings, say which directive Google's CSP Evaluator (bundled with the tool) objects to.
const cspEvaluator = createRequire(join(toolDir, 'package.json'))('@doyensec/csp-evaluator') as {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (
    csp: unknown,
    version: unknown,
  ) => { evaluate(): Array<{ directive: string; value?: string; description: string }> };
  Version: { CSP3: unknown };
};
function cspDetails(policy: string | undefined): string {
  if (!policy) return '';
  const reasons = new cspEvaluator.CspEvaluator(
    new cspEvaluator.CspParser(policy).csp,
    cspEvaluator.Version.CSP3,
  ).evaluate();
  return reasons
    .map((reason) => ` [${reason.directive}${reason.value ? ` ${reason.value}` : ''}: ${reason.description}]`)
    .join('');
}

const findings: Finding[] = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file === 'N/A' ? 'N/A' : relative(root, issue.file),
  line: issue.location.line,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  manualReview: issue.manualReview === true,
  description:
    issue.id === 'CSP_GLOBAL_CHECK' ? `${issue.description}${cspDetails(issue.sample)}` : issue.description,
}));
const reviews = z
  .array(Review)
  .parse(JSON.parse(readFileSync(join(root, 'security', 'electronegativity-reviews.json'), 'utf8')));
const verdict = judgeFindings(findings, reviews);
const inlineDisables = findInlineDisables(root, input);

console.log(
  `Electronegativity ${toolVersion} over ${relative(root, input) || '.'} (Electron ${electronVersion}): ${result.atomicChecks + result.globalChecks} checks, ${findings.length} findings`,
);
for (const { finding, review } of verdict.reviewed)
  console.log(
    `  reviewed ${finding.severity} ${finding.check} ${finding.file}:${finding.line} — ${review.why}`,
  );
for (const finding of verdict.low)
  console.log(`  LOW ${finding.check} ${finding.file}:${finding.line} — ${finding.description}`);
for (const finding of verdict.failing)
  console.log(
    `  ${finding.severity} ${finding.check} ${finding.file}:${finding.line} (${finding.confidence}) — ${finding.description}`,
  );
for (const review of verdict.staleReviews)
  console.log(
    `  stale review: ${review.check} in ${review.file} matches no finding any more; remove it from security/electronegativity-reviews.json`,
  );
for (const review of verdict.invalidReviews)
  console.log(
    `  invalid review: ${review.check} in ${review.file} is not a manual-review check; fix the code instead`,
  );
for (const site of inlineDisables)
  console.log(
    `  inline eng-disable at ${site}: record reviews in security/electronegativity-reviews.json instead`,
  );
const parseFailures = result.errors.filter((error) => !error.tolerable);
for (const error of parseFailures)
  console.log(`  could not parse ${relative(root, error.file)}: ${error.message}`);

const problems =
  verdict.failing.length +
  verdict.staleReviews.length +
  verdict.invalidReviews.length +
  inlineDisables.length +
  parseFailures.length;
if (problems > 0) {
  console.log(
    `Electronegativity: FAILED (${verdict.failing.length} HIGH/MEDIUM findings, ${verdict.staleReviews.length + verdict.invalidReviews.length} review problems, ${inlineDisables.length} inline disables, ${parseFailures.length} files not parsed). Fix the code; see security/README.md.`,
  );
  process.exit(1);
}
console.log(
  `Electronegativity: passed (no unreviewed HIGH or MEDIUM finding; ${verdict.reviewed.length} reviewed, ${verdict.low.length} LOW, ${verdict.informational} informational)`,
);
