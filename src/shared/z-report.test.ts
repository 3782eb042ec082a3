import { describe, expect, it } from 'vitest';
import type { ZReport } from './domain.ts';
import {
  GENESIS_HASH,
  verifyZReportChain,
  zReportCsv,
  zReportFileName,
  zReportHashText,
  type UnhashedZReport,
} from './z-report.ts';

// Shared code has no crypto; main passes sha-256. Any deterministic text hash proves the chain logic,
// so the test uses 64-bit FNV-1a (main's reports tests cover the real sha-256).
const textHash = (text: string): string => {
  let h = 0xcbf29ce484222325n;
  for (const unit of new TextEncoder().encode(text))
    h = ((h ^ BigInt(unit)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
};

function chain(days: string[]): ZReport[] {
  const reports: ZReport[] = [];
  for (const [i, day] of days.entries()) {
    const unhashed: UnhashedZReport = {
      number: i + 1,
      day,
      closedAt: `${day}T22:00:00.000Z`,
      closedBy: 'manager',
      terminalName: 'Counter 1',
      summary: {
        day,
        unresolved: 0,
        currencies: [
          {
            currency: 'INR',
            grossMinor: 34567 * (i + 1),
            count: i + 1,
            succeeded: i + 1,
            failed: 0,
            cancelled: 0,
            pending: 0,
            averageTicketMinor: 34567,
            byMethod: [{ method: 'UPI', grossMinor: 34567 * (i + 1), count: i + 1 }],
            byCashier: [{ cashier: 'Terminal', grossMinor: 34567 * (i + 1), count: i + 1 }],
            hourly: Array.from({ length: 24 }, (_, hour) =>
              hour === 10
                ? { hour, grossMinor: 34567 * (i + 1), count: i + 1 }
                : { hour, grossMinor: 0, count: 0 },
            ),
          },
        ],
      },
      unresolvedSaleIds: [],
      previousHash: reports.at(-1)?.hash ?? GENESIS_HASH,
    };
    reports.push({ ...unhashed, hash: textHash(zReportHashText(unhashed)) });
  }
  return reports;
}

describe('Z report hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyZReportChain(chain(['2026-11-01', '2026-11-02', '2026-11-03']), textHash)).toEqual({
      ok: true,
    });
  });

  it('hashes the same report the same way whatever order its keys arrive in', () => {
    const [report] = chain(['2026-11-01']);
    const shuffled = Object.fromEntries(Object.entries(report as ZReport).reverse()) as ZReport;
    expect(zReportHashText(shuffled)).toBe(zReportHashText(report as ZReport));
    expect(zReportHashText(report as ZReport)).not.toContain('"hash"');
  });

  it('finds a past report whose totals were changed', () => {
    const reports = chain(['2026-11-01', '2026-11-02', '2026-11-03']);
    const tampered = structuredClone(reports);
    (tampered[1] as ZReport).summary.currencies[0]!.grossMinor += 1;
    expect(verifyZReportChain(tampered, textHash)).toEqual({
      ok: false,
      number: 2,
      problem: 'Z report 2 was changed after it was closed',
    });
  });

  it('finds a report re-hashed after a change, because the next one no longer links to it', () => {
    const reports = chain(['2026-11-01', '2026-11-02', '2026-11-03']);
    const second = { ...(reports[1] as ZReport), closedBy: 'someone else' };
    second.hash = textHash(zReportHashText(second));
    expect(
      verifyZReportChain([reports[0] as ZReport, second, reports[2] as ZReport], textHash),
    ).toMatchObject({ ok: false, number: 3 });
  });

  it('finds a missing report', () => {
    const reports = chain(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(verifyZReportChain([reports[0] as ZReport, reports[2] as ZReport], textHash)).toMatchObject({
      ok: false,
      number: 3,
      problem: 'Z report 3 is out of sequence: 2 was expected',
    });
  });
});

describe('zReportCsv', () => {
  it('lists the report facts, then totals in decimals, with every line the same width', () => {
    const [report] = chain(['2026-11-01']);
    const csv = zReportCsv(report as ZReport);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Z report,1,,,,,,,,,,,');
    expect(lines).toContain(
      'Currency,Gross,Count,Succeeded,Failed,Cancelled,Pending,Paid after cancel,Average ticket,Reversed after paid,Reversed amount,Refunded outside the terminal,Refunded outside amount',
    );
    expect(lines).toContain('INR,345.67,1,1,0,0,0,0,345.67,0,0.00,0,0.00');
    expect(lines).toContain('INR,Hour,10:00,345.67,1,,,,,,,,');
    expect(new Set(lines.map((l) => l.split(',').length))).toEqual(new Set([13]));
    expect(zReportFileName(report as ZReport)).toBe('z-report-0001-2026-11-01.csv');
  });
});
