// How Electronegativity's findings decide the build: unreviewed HIGH/MEDIUM fail, reviews only cover
// manual-review checks, stale reviews fail, LOW and informational findings are reported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInlineDisables, judgeFindings } from './electronegativity-policy.ts';
import type { Finding, Review } from './electronegativity-policy.ts';

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'PRELOAD_JS_CHECK',
  file: 'src/main/windows/main-window.ts',
  line: 10,
  severity: 'MEDIUM',
  confidence: 'FIRM',
  manualReview: true,
  description: 'Review the use of preload scripts',
  ...overrides,
});
const review: Review = {
  check: 'PRELOAD_JS_CHECK',
  file: 'src/main/windows/main-window.ts',
  why: 'exposes only the contract’s named calls',
  enforcedBy: 'checklist test',
};

describe('judgeFindings', () => {
  it('fails unreviewed HIGH and MEDIUM findings', () => {
    const verdict = judgeFindings(
      [finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', manualReview: false }), finding({})],
      [],
    );
    expect(verdict.failing.map((item) => item.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'PRELOAD_JS_CHECK',
    ]);
  });

  it('passes a manual-review finding that has a review for its file', () => {
    const verdict = judgeFindings([finding({})], [review]);
    expect(verdict.failing).toEqual([]);
    expect(verdict.reviewed).toHaveLength(1);
  });

  it('does not let a review cover the same check in another file', () => {
    const verdict = judgeFindings([finding({ file: 'src/main/windows/other-window.ts' })], [review]);
    expect(verdict.failing).toHaveLength(1);
    expect(verdict.staleReviews).toEqual([review]);
  });

  it('refuses a review of a check that is not a manual-review check', () => {
    const auxclick = { ...review, check: 'AUXCLICK_JS_CHECK' };
    const verdict = judgeFindings([finding({ check: 'AUXCLICK_JS_CHECK', manualReview: false })], [auxclick]);
    expect(verdict.failing).toHaveLength(1);
    expect(verdict.invalidReviews).toEqual([auxclick]);
  });

  it('reports a review that matches nothing any more', () => {
    expect(judgeFindings([], [review]).staleReviews).toEqual([review]);
  });

  it('lists LOW findings and counts informational ones without failing', () => {
    const verdict = judgeFindings(
      [finding({ severity: 'LOW', check: 'CSP_GLOBAL_CHECK' }), finding({ severity: 'INFORMATIONAL' })],
      [],
    );
    expect(verdict).toMatchObject({ failing: [], informational: 1 });
    expect(verdict.low.map((item) => item.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });
});

describe('findInlineDisables', () => {
  it('finds eng-disable comments in scripts and HTML', () => {
    const root = mkdtempSync(join(tmpdir(), 'kspay-eng-'));
    try {
      mkdirSync(join(root, 'src/main'), { recursive: true });
      writeFileSync(
        join(root, 'src/main/a.ts'),
        'const a = 1;\n// eng-disable PRELOAD_JS_CHECK\nnew BrowserWindow({});\n',
      );
      writeFileSync(join(root, 'src/index.html'), '<!-- eng-disable CSP_GLOBAL_CHECK -->\n');
      writeFileSync(join(root, 'src/main/b.ts'), 'const note = "we never use eng disable comments";\n');
      expect(findInlineDisables(root, join(root, 'src')).sort()).toEqual([
        'src/index.html:1',
        'src/main/a.ts:2',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
