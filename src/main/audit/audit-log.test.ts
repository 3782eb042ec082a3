import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditError, createAuditLog } from './index.ts';

let dir: string;
let now: number;
const clock = { now: () => now };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-'));
  now = Date.parse('2026-03-04T05:06:07.000Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit log', () => {
  it('appends one JSON line per record and lists them oldest first', async () => {
    const audit = createAuditLog({ dir, clock });
    await audit.record({ action: 'pin.failed', actor: 'manager', detail: 'Wrong PIN, 4 attempts left' });
    now += 1000;
    await audit.record({ action: 'settings.changed', actor: 'manager', detail: 'terminalName' });

    const lines = (await readFile(join(dir, 'audit.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      at: '2026-03-04T05:06:07.000Z',
      action: 'pin.failed',
      actor: 'manager',
      detail: 'Wrong PIN, 4 attempts left',
    });
    expect((await audit.list()).map((e) => e.action)).toEqual(['pin.failed', 'settings.changed']);
  });

  it('keeps the file private to the user', async () => {
    const audit = createAuditLog({ dir, clock });
    await audit.record({ action: 'keys.changed', actor: 'manager' });
    expect((await stat(audit.filePath)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('creates the folder it needs owner-only (0700)', async () => {
    const audit = createAuditLog({ dir: join(dir, 'data', 'new'), clock });
    await audit.record({ action: 'settings.changed', actor: 'manager' });
    for (const folder of [join(dir, 'data'), join(dir, 'data', 'new')])
      expect((await stat(folder)).mode & 0o777, folder).toBe(0o700);
    expect((await stat(audit.filePath)).mode & 0o777).toBe(0o600);
  });

  it('keeps every entry when many are recorded at once', async () => {
    const audit = createAuditLog({ dir, clock });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.record({ action: 'export', actor: 'manager', detail: `n${i}` }),
      ),
    );
    const details = (await audit.list()).map((e) => e.detail);
    expect(details).toHaveLength(40);
    expect(new Set(details).size).toBe(40);
  });

  it('leaves out a torn last line and starts the next record on a fresh line', async () => {
    const audit = createAuditLog({ dir, clock });
    await audit.record({ action: 'first', actor: 'manager' });
    await appendFile(audit.filePath, '{"at":"2026-03-04T05:06:07.000Z","act');
    expect((await audit.list()).map((e) => e.action)).toEqual(['first']);

    const reopened = createAuditLog({ dir, clock });
    await reopened.record({ action: 'second', actor: 'manager' });
    const actions = (await reopened.list()).map((e) => e.action);
    // The torn line is now in the middle: it is shown as unreadable rather than hidden.
    expect(actions).toEqual(['first', 'audit.unreadable_line', 'second']);
  });

  it('lists nothing before the first record', async () => {
    expect(await createAuditLog({ dir, clock }).list()).toEqual([]);
  });

  it('never records keys, tokens or PINs passed in a detail', async () => {
    const audit = createAuditLog({ dir, clock });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';
    await audit.record({
      action: 'keys.changed',
      actor: 'manager',
      detail: 'accessKey=AK_live_1f2e3d secretKey: SK_live_9a8b7c',
    });
    await audit.record({
      action: 'debug',
      actor: 'manager',
      detail: `{"token":"${jwt}","pin":"482915"} Bearer abc.def.ghi`,
    });
    const text = await readFile(audit.filePath, 'utf8');
    for (const secret of ['AK_live_1f2e3d', 'SK_live_9a8b7c', jwt, '482915', 'abc.def.ghi']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('refuses an entry without an action', async () => {
    await expect(
      createAuditLog({ dir, clock }).record({ action: 42 as unknown as string, actor: 'x' }),
    ).rejects.toBeInstanceOf(AuditError);
  });

  it('reports a write it could not make in plain words', async () => {
    const audit = createAuditLog({ dir: join(dir, 'audit.jsonl-is-a-file', 'sub'), clock });
    await appendFile(join(dir, 'audit.jsonl-is-a-file'), 'x');
    await expect(audit.record({ action: 'x', actor: 'y' })).rejects.toMatchObject({
      code: 'write_failed',
      message: expect.stringContaining('could not be written'),
    });
  });
});

describe('audit CSV export', () => {
  it('writes RFC 4180 CSV with a header and CRLF line ends', async () => {
    const audit = createAuditLog({ dir, clock });
    await audit.record({ action: 'export', actor: 'manager', detail: 'rows: 3, "today"\nsecond line' });
    expect(await audit.exportCsv()).toBe(
      'Time,Action,Actor,Detail\r\n2026-03-04T05:06:07.000Z,export,manager,"rows: 3, ""today""\nsecond line"\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    const audit = createAuditLog({ dir, clock });
    for (const detail of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)']) {
      await audit.record({ action: 'note', actor: 'manager', detail });
    }
    const rows = (await audit.exportCsv()).trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(3).join(','))).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
    ]);
  });
});
