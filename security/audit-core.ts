// Reads `npm audit --json` output: production vulnerabilities rated high or critical fail the build.
import { z } from 'zod';

const Vulnerability = z.object({
  name: z.string(),
  severity: z.enum(['info', 'low', 'moderate', 'high', 'critical']),
  via: z.array(
    z.union([z.string(), z.object({ title: z.string().optional(), url: z.string().optional() }).loose()]),
  ),
  fixAvailable: z.unknown().optional(),
});
const Report = z.object({ vulnerabilities: z.record(z.string(), Vulnerability) });
const ErrorReport = z.object({
  error: z.object({ code: z.string().nullable().optional(), summary: z.string().optional() }).loose(),
});
const HttpErrorReport = z.object({ message: z.string(), statusCode: z.number() });

export type AuditVerdict =
  | { kind: 'ok'; counts: Record<string, number> }
  | { kind: 'fail'; findings: string[] }
  | { kind: 'unreachable'; reason: string };

export function judgeAudit(stdout: string): AuditVerdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no JSON report' };
  }
  const report = Report.safeParse(json);
  if (report.success) {
    const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
    const findings: string[] = [];
    for (const vulnerability of Object.values(report.data.vulnerabilities)) {
      counts[vulnerability.severity] = (counts[vulnerability.severity] ?? 0) + 1;
      if (vulnerability.severity === 'high' || vulnerability.severity === 'critical') {
        const titles = vulnerability.via
          .map((via) => (typeof via === 'string' ? `via ${via}` : (via.title ?? via.url ?? 'advisory')))
          .join('; ');
        findings.push(`${vulnerability.severity.toUpperCase()} ${vulnerability.name}: ${titles}`);
      }
    }
    return findings.length > 0 ? { kind: 'fail', findings } : { kind: 'ok', counts };
  }
  const http = HttpErrorReport.safeParse(json);
  if (http.success) return { kind: 'unreachable', reason: http.data.message };
  const error = ErrorReport.safeParse(json);
  if (error.success)
    return {
      kind: 'unreachable',
      reason: error.data.error.summary || error.data.error.code || 'the audit endpoint returned an error',
    };
  return { kind: 'unreachable', reason: 'npm audit printed a report this script does not understand' };
}
