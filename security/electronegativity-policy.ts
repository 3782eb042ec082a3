// What an Electronegativity run means for CI: which findings fail, which were reviewed, which reviews are stale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  /** The tool flags the pattern for a person to review, whatever the code around it does. */
  manualReview: boolean;
  description: string;
}

/** A person's review of a "manual review" finding, and the test that keeps the reviewed property true. */
export const Review = z.object({
  check: z.string().regex(/^[A-Z_]+$/),
  file: z.string().min(1),
  why: z.string().min(20),
  enforcedBy: z.string().min(5),
});
export type Review = z.infer<typeof Review>;

export interface Verdict {
  failing: Finding[];
  reviewed: Array<{ finding: Finding; review: Review }>;
  low: Finding[];
  informational: number;
  staleReviews: Review[];
  invalidReviews: Review[];
}

export function judgeFindings(findings: readonly Finding[], reviews: readonly Review[]): Verdict {
  const verdict: Verdict = {
    failing: [],
    reviewed: [],
    low: [],
    informational: 0,
    staleReviews: [],
    invalidReviews: [],
  };
  const used = new Set<Review>();
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') {
      verdict.informational += 1;
      continue;
    }
    if (finding.severity === 'LOW') {
      verdict.low.push(finding);
      continue;
    }
    const review = reviews.find(
      (candidate) => candidate.check === finding.check && candidate.file === finding.file,
    );
    if (review && finding.manualReview) {
      used.add(review);
      verdict.reviewed.push({ finding, review });
    } else {
      if (review) used.add(review);
      verdict.failing.push(finding);
    }
  }
  for (const review of reviews) {
    const matches = findings.filter(
      (finding) => finding.check === review.check && finding.file === review.file,
    );
    if (matches.length === 0) verdict.staleReviews.push(review);
    else if (matches.some((finding) => !finding.manualReview)) verdict.invalidReviews.push(review);
  }
  return verdict;
}

const SOURCE = /\.(ts|tsx|js|jsx|cjs|mjs|html)$/;
const INLINE_DISABLE = /(?:\/\/|\/\*|<!--)\s*eng-disable\b/;

/** Every `eng-disable` comment under dir, as `path:line` relative to root. */
export function findInlineDisables(root: string, dir: string): string[] {
  const sites: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules') walk(path);
      } else if (SOURCE.test(name)) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, index) => {
            if (INLINE_DISABLE.test(line)) sites.push(`${relative(root, path)}:${index + 1}`);
          });
      }
    }
  };
  walk(dir);
  return sites;
}
