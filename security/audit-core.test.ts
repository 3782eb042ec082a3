// Reading npm audit's JSON: high/critical production vulnerabilities fail; an unreachable endpoint is reported as such.
import { describe, expect, it } from 'vitest';
import { judgeAudit } from './audit-core.ts';

const report = (vulnerabilities: Record<string, unknown>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });

describe('judgeAudit', () => {
  it('passes a report with only low and moderate findings', () => {
    const verdict = judgeAudit(
      report({
        a: { name: 'a', severity: 'moderate', via: [{ title: 'ReDoS' }] },
        b: { name: 'b', severity: 'low', via: ['a'] },
      }),
    );
    expect(verdict).toEqual({ kind: 'ok', counts: { info: 0, low: 1, moderate: 1, high: 0, critical: 0 } });
  });

  it('fails on high or critical findings and names them', () => {
    const verdict = judgeAudit(
      report({
        qs: {
          name: 'qs',
          severity: 'high',
          via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/x' }],
        },
        express: { name: 'express', severity: 'critical', via: ['qs'] },
      }),
    );
    expect(verdict).toEqual({
      kind: 'fail',
      findings: ['HIGH qs: Prototype pollution', 'CRITICAL express: via qs'],
    });
  });

  it('reports an unreachable advisory endpoint instead of passing silently', () => {
    expect(
      judgeAudit(
        JSON.stringify({
          message:
            '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
          statusCode: 405,
        }),
      ),
    ).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(
      judgeAudit(
        JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } }),
      ),
    ).toMatchObject({ kind: 'unreachable' });
    expect(judgeAudit('')).toMatchObject({ kind: 'unreachable' });
  });
});
