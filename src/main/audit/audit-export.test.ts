// The audit export names its file by the terminal's calendar day, not UTC's, and records itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditExport, createAuditLog } from './index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pos-audit-export-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('audit export', () => {
  // 20:30 UTC on 1 November is already 2 November in Kolkata (+05:30) and still 1 November in New York.
  const evening = Date.parse('2026-11-01T20:30:00Z');

  it('dates the file in the terminal time zone, where the UTC date differs', async () => {
    const clock = { now: () => evening };
    const audit = createAuditLog({ dir, clock });
    const kolkata = createAuditExport({ audit, timeZone: 'Asia/Kolkata', clock });
    const newYork = createAuditExport({ audit, timeZone: 'America/New_York', clock });
    expect((await kolkata.export('manager')).filename).toBe('audit-log-2026-11-02.csv');
    expect((await newYork.export('manager')).filename).toBe('audit-log-2026-11-01.csv');
  });

  it('gives the log as CSV with a byte-order mark and records who exported it', async () => {
    const clock = { now: () => evening };
    const audit = createAuditLog({ dir, clock });
    await audit.record({ action: 'demo.entered', actor: 'cashier', detail: 'Demo mode entered' });
    const file = await createAuditExport({ audit, timeZone: 'Asia/Kolkata', clock }).export('Asha');
    expect(file.mimeType).toMatch(/^text\/csv/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('demo.entered');
    const last = (await audit.list()).at(-1);
    expect(last).toMatchObject({
      action: 'export.audit',
      actor: 'Asha',
      detail: 'Exported the audit log to audit-log-2026-11-02.csv',
    });
  });
});
