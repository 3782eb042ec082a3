import { constants } from 'node:fs';
import {
  mkdtemp,
  mkdir,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  writeFile,
  appendFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale, ZReport } from '../../shared/domain.ts';
import { silentLogger } from '../deps.ts';
import { createJournal, dayFileName, JournalError, localDayKey } from './index.ts';
import type { Journal } from './index.ts';

const T0 = Date.parse('2026-11-29T10:00:00.000Z');

function sale(id: string, status: Sale['status'], overrides: Partial<Sale> = {}): Sale {
  return {
    id,
    reference: `POS-${id}`,
    amountMinor: 34567,
    currency: 'INR',
    currencyId: 'c_inr',
    methodId: 'pm_card',
    methodName: 'DEBIT CARD',
    status,
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    flags: [],
    reviewed: false,
    demo: false,
    ...overrides,
  };
}

const zreport: ZReport = {
  number: 1,
  day: '2026-11-29',
  closedAt: '2026-11-29T22:00:00.000Z',
  closedBy: 'manager',
  terminalName: 'Counter 1',
  summary: { day: '2026-11-29', currencies: [], unresolved: 0 },
  unresolvedSaleIds: [],
  previousHash: '',
  hash: 'abc',
};

let dir: string;
let now: number;
const clock = { now: () => now };
const open: Journal[] = [];

function journal(): Journal {
  const j = createJournal({ dir, clock, log: silentLogger });
  open.push(j);
  return j;
}

const todayFile = (): string => join(dir, dayFileName(localDayKey(now)));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'));
  now = T0;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((j) => j.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A settled sale's journal line with the given sequence number, as a test writes it by hand. */
const saleLine = (seq: unknown, id: string): string =>
  JSON.stringify({
    seq,
    kind: 'sale',
    at: new Date(T0).toISOString(),
    sale: sale(id, 'succeeded'),
    note: 'ok',
  });

describe('journal', () => {
  it('reads back every sale at its latest state with its timeline, after a restart', async () => {
    const first = journal();
    await first.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    await first.append({ kind: 'sale', sale: sale('b', 'initiating'), note: 'Sale started' });
    now += 1000;
    await first.append({
      kind: 'sale',
      sale: sale('a', 'awaiting_payment', { txnId: 'tx_1' }),
      note: 'Waiting for the customer',
    });
    await first.close();

    const second = journal();
    expect(second.replayed()).toBe(false);
    const summary = await second.replay();
    expect(second.replayed()).toBe(true);
    expect(summary).toMatchObject({ files: 1, records: 3, sales: 2, problems: [] });
    expect(second.sales().map((s) => [s.id, s.status])).toEqual([
      ['a', 'awaiting_payment'],
      ['b', 'initiating'],
    ]);
    expect(second.sale('a')?.txnId).toBe('tx_1');
    expect(second.timeline('a')).toEqual([
      { at: new Date(T0).toISOString(), status: 'initiating', note: 'Sale started' },
      { at: new Date(T0 + 1000).toISOString(), status: 'awaiting_payment', note: 'Waiting for the customer' },
    ]);
  });

  it('keeps what it appended visible without a replay', async () => {
    const j = journal();
    await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    expect(j.sale('a')?.status).toBe('initiating');
    expect(j.timeline('a')).toHaveLength(1);
  });

  it('writes one file per local day and reads the days back in order', async () => {
    const j = journal();
    await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'day one' });
    now += 24 * 3600 * 1000;
    await j.append({ kind: 'sale', sale: sale('a', 'succeeded'), note: 'day two' });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual([dayFileName(localDayKey(T0)), dayFileName(localDayKey(now))]);
    const again = journal();
    await again.replay();
    expect(again.sale('a')?.status).toBe('succeeded');
    expect(again.timeline('a').map((e) => e.note)).toEqual(['day one', 'day two']);
  });

  it('refuses a record that does not fit the schema and writes nothing', async () => {
    const j = journal();
    const bad = { ...sale('a', 'initiating'), amountMinor: -5 };
    await expect(j.append({ kind: 'sale', sale: bad, note: 'x' })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('never writes fields outside the schema, such as a signature or a token', async () => {
    const j = journal();
    const withSecret = { ...sale('a', 'processing'), signature: 'SIG-SECRET', accessToken: 'TOKEN-SECRET' };
    await j.append({ kind: 'sale', sale: withSecret, note: 'Processing' });
    const text = await readFile(todayFile(), 'utf8');
    expect(text).not.toContain('SECRET');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps review, Z report and issue records and lists them by kind', async () => {
    const j = journal();
    await j.append({ kind: 'review', issueId: 'amount_mismatch:a', note: 'refunded', actor: 'manager' });
    await j.append({ kind: 'zreport', report: zreport });
    await j.append({
      kind: 'issue',
      issue: {
        id: 'server_only:tx_9',
        kind: 'server_only',
        txnId: 'tx_9',
        explanation: 'x',
        reviewed: false,
      },
    });
    const again = journal();
    await again.replay();
    expect(again.records('zreport').map((r) => r.report)).toEqual([zreport]);
    expect(again.records('review')).toMatchObject([
      { issueId: 'amount_mismatch:a', note: 'refunded', actor: 'manager', at: new Date(T0).toISOString() },
    ]);
    expect(again.records('issue')).toHaveLength(1);
  });

  it('writes many concurrent appends whole and in call order', async () => {
    const j = journal();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        j.append({ kind: 'sale', sale: sale(`s${i}`, 'initiating'), note: `n${i}` }),
      ),
    );
    const lines = (await readFile(todayFile(), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => (JSON.parse(l) as { note: string }).note)).toEqual(
      Array.from({ length: 200 }, (_, i) => `n${i}`),
    );
  });

  it('refuses appends once closed', async () => {
    const j = journal();
    await j.close();
    const error: unknown = await j
      .append({ kind: 'review', issueId: 'x', note: '', actor: 'm' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect(error).toMatchObject({ code: 'closed' });
  });

  describe('after a power cut', () => {
    async function writeTornDay(): Promise<string> {
      const j = journal();
      await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
      await j.append({ kind: 'sale', sale: sale('a', 'processing'), note: 'Processing' });
      await j.close();
      const torn = JSON.stringify({
        kind: 'sale',
        at: new Date(T0).toISOString(),
        sale: sale('a', 'awaiting_payment'),
        note: 'W',
      }).slice(0, 57);
      await appendFile(todayFile(), torn);
      return torn;
    }

    it('sets a torn last line aside, reports it, and reads everything before it', async () => {
      const torn = await writeTornDay();
      const j = journal();
      const summary = await j.replay();
      expect(j.sale('a')?.status).toBe('processing');
      expect(summary.problems).toHaveLength(1);
      const [problem] = summary.problems;
      expect(problem).toMatchObject({ kind: 'torn_tail', file: dayFileName(localDayKey(T0)) });
      expect(problem?.message).toMatch(/cut short/);
      const aside = await readFile(join(dir, problem?.setAsideTo ?? 'missing'), 'utf8');
      expect(aside).toBe(torn);
      const text = await readFile(todayFile(), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.split('\n')).toHaveLength(3);
    });

    it('appends cleanly after the torn line, so the next start reads every record with no problem', async () => {
      await writeTornDay();
      const j = journal();
      await j.replay();
      await j.append({ kind: 'sale', sale: sale('a', 'unknown'), note: 'Looking it up' });
      await j.close();
      const again = journal();
      const summary = await again.replay();
      expect(summary.problems).toEqual([]);
      expect(again.timeline('a').map((e) => e.status)).toEqual(['initiating', 'processing', 'unknown']);
    });

    it('repairs a torn tail before appending even when nothing replayed first', async () => {
      await writeTornDay();
      const j = journal();
      await j.append({ kind: 'sale', sale: sale('b', 'initiating'), note: 'Sale started' });
      expect(j.problems()).toMatchObject([{ kind: 'torn_tail' }]);
      const again = journal();
      const summary = await again.replay();
      expect(summary.problems).toEqual([]);
      expect(again.sales().map((s) => s.id)).toEqual(['a', 'b']);
    });

    it('sets aside a tail of zero bytes left by a file system that grew the file but never wrote it', async () => {
      const j = journal();
      await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
      await j.close();
      await appendFile(todayFile(), Buffer.alloc(300));
      const again = journal();
      const summary = await again.replay();
      expect(summary.problems).toMatchObject([{ kind: 'torn_tail' }]);
      expect(again.sale('a')?.status).toBe('initiating');
    });
  });

  describe('with a damaged file', () => {
    it('skips and reports a corrupt line in the middle and reads the lines after it', async () => {
      const good = (id: string, seq: number): string =>
        JSON.stringify({
          seq,
          kind: 'sale',
          at: new Date(T0).toISOString(),
          sale: sale(id, 'succeeded'),
          note: 'ok',
        });
      await writeFile(
        todayFile(),
        [
          good('a', 1),
          '{"kind":"sale","at":"garbage',
          JSON.stringify({ seq: 2, kind: 'sale', note: 'no sale' }),
          good('b', 3),
          '',
        ].join('\n'),
      );
      const j = journal();
      const summary = await j.replay();
      expect(j.sales().map((s) => s.id)).toEqual(['a', 'b']);
      expect(summary.problems.map((p) => [p.kind, p.line])).toEqual([
        ['corrupt_line', 2],
        ['corrupt_line', 3],
      ]);
      expect(summary.problems[0]?.message).toMatch(/skipped/);
    });

    it('never loses the other days when one day file is garbage or unreadable', async () => {
      const line = (id: string, day: string, seq: number): string =>
        `${JSON.stringify({ seq, kind: 'sale', at: `${day}T10:00:00.000Z`, sale: sale(id, 'succeeded'), note: 'ok' })}\n`;
      await writeFile(join(dir, 'journal-2026-11-01.jsonl'), line('first', '2026-11-01', 1));
      await writeFile(
        join(dir, 'journal-2026-11-02.jsonl'),
        Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0x7b, 0x0a, 0x80, 0x81, 0x0a]),
      );
      await mkdir(join(dir, 'journal-2026-11-03.jsonl'));
      await writeFile(join(dir, 'journal-2026-11-04.jsonl'), line('last', '2026-11-04', 2));
      await writeFile(join(dir, 'notes.txt'), 'not a journal');
      const j = journal();
      const summary = await j.replay();
      expect(j.sales().map((s) => s.id)).toEqual(['first', 'last']);
      expect(summary.files).toBe(4);
      expect(summary.problems.map((p) => [p.kind, p.file])).toEqual([
        ['corrupt_line', 'journal-2026-11-02.jsonl'],
        ['corrupt_line', 'journal-2026-11-02.jsonl'],
        ['corrupt_line', 'journal-2026-11-02.jsonl'],
        ['unreadable_file', 'journal-2026-11-03.jsonl'],
      ]);
    });

    it('reads a file larger than its read chunk, with lines split across chunks', async () => {
      const note = 'n'.repeat(400);
      const lines = Array.from({ length: 25_000 }, (_, i) =>
        JSON.stringify({
          seq: i + 1,
          kind: 'sale',
          at: new Date(T0).toISOString(),
          sale: sale(`s${i}`, 'succeeded', { note: note.slice(0, 200) }),
          note,
        }),
      );
      await writeFile(todayFile(), `${lines.join('\n')}\n`);
      const j = journal();
      const summary = await j.replay();
      expect(summary).toMatchObject({ records: 25_000, sales: 25_000, problems: [] });
      expect(j.sale('s24999')?.status).toBe('succeeded');
    });
  });
});

describe.skipIf(process.platform === 'win32')('journal files are private to the user', () => {
  it('creates its folders 0700 and its day files and set-aside tails 0600', async () => {
    const nested = join(dir, 'profiles', 'live', 'journal');
    const j = createJournal({ dir: nested, clock, log: silentLogger });
    open.push(j);
    await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    await j.close();
    for (const folder of [join(dir, 'profiles'), join(dir, 'profiles', 'live'), nested])
      expect((await stat(folder)).mode & 0o777, folder).toBe(0o700);
    const day = join(nested, dayFileName(localDayKey(now)));
    expect((await stat(day)).mode & 0o777).toBe(0o600);

    await appendFile(day, '{"kind":"sale","at"');
    const again = createJournal({ dir: nested, clock, log: silentLogger });
    open.push(again);
    const [problem] = (await again.replay()).problems;
    expect((await stat(join(nested, problem?.setAsideTo ?? 'missing'))).mode & 0o777).toBe(0o600);
  });
});

describe("the journal's own order", () => {
  /** The calendar day of an instant in a time zone, as the terminal names its day files. */
  const zonedDay =
    (timeZone: string) =>
    (epochMs: number): string =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(epochMs);
  const inZone = (timeZone: string): Journal => {
    const j = createJournal({ dir, clock, log: silentLogger, dayKey: zonedDay(timeZone) });
    open.push(j);
    return j;
  };
  const at = (iso: string): number => Date.parse(iso);
  async function seqsOnDisk(): Promise<number[]> {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
    const lines = (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8'))))
      .join('')
      .trimEnd()
      .split('\n');
    return lines.map((line) => (JSON.parse(line) as { seq?: number }).seq ?? 0).sort((a, b) => a - b);
  }

  it('replays the last step written, not the last day file, when the clock steps back across midnight', async () => {
    const j = inZone('UTC');
    now = at('2026-11-29T23:59:00.000Z');
    await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    now = at('2026-11-30T00:00:30.000Z');
    await j.append({ kind: 'sale', sale: sale('a', 'awaiting_payment'), note: 'Waiting' });
    // NTP pulls the clock back 50 s, to the day before.
    now = at('2026-11-29T23:59:40.000Z');
    await j.append({ kind: 'sale', sale: sale('a', 'succeeded'), note: 'Paid' });
    await j.append({ kind: 'sale', sale: sale('b', 'initiating'), note: 'Sale started' });
    expect(j.sale('a')?.status).toBe('succeeded');
    expect((await readdir(dir)).sort()).toEqual(['journal-2026-11-29.jsonl', 'journal-2026-11-30.jsonl']);
    await j.close();

    const again = inZone('UTC');
    await again.replay();
    expect(again.sale('a')?.status).toBe('succeeded');
    expect(again.timeline('a').map((e) => e.status)).toEqual(['initiating', 'awaiting_payment', 'succeeded']);
    expect(again.sales().map((s) => s.id)).toEqual(['a', 'b']);
    expect(await seqsOnDisk()).toEqual([1, 2, 3, 4]);
  });

  it('replays the last step written when the time zone changes between two writes', async () => {
    now = at('2026-11-29T10:00:00.000Z');
    // UTC+14: already 30 November there.
    const before = inZone('Pacific/Kiritimati');
    await before.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    await before.append({ kind: 'sale', sale: sale('a', 'awaiting_payment'), note: 'Waiting' });
    await before.append({ kind: 'review', issueId: 'first', note: '', actor: 'manager' });
    await before.close();
    // The terminal restarts in UTC−10: still 29 November, so the next steps go to an earlier-named file.
    now = at('2026-11-29T10:05:00.000Z');
    const after = inZone('Pacific/Honolulu');
    await after.append({ kind: 'sale', sale: sale('a', 'succeeded'), note: 'Paid' });
    await after.append({ kind: 'review', issueId: 'second', note: '', actor: 'manager' });
    await after.close();
    expect((await readdir(dir)).sort()).toEqual(['journal-2026-11-29.jsonl', 'journal-2026-11-30.jsonl']);

    const again = inZone('UTC');
    await again.replay();
    expect(again.sale('a')?.status).toBe('succeeded');
    expect(again.timeline('a').map((e) => e.note)).toEqual(['Sale started', 'Waiting', 'Paid']);
    expect(again.records('review').map((r) => r.issueId)).toEqual(['first', 'second']);
    expect(await seqsOnDisk()).toEqual([1, 2, 3, 4, 5]);
  });

  it('never hands out a number twice, even when a new journal writes before reading the old files', async () => {
    const first = inZone('UTC');
    await first.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'one' });
    await first.append({ kind: 'sale', sale: sale('a', 'processing'), note: 'two' });
    await first.close();
    now -= 24 * 3600_000;
    const second = inZone('UTC');
    const written = await second.append({ kind: 'sale', sale: sale('a', 'unknown'), note: 'three' });
    expect(written.seq).toBe(3);
    await second.close();
    const third = inZone('UTC');
    await third.replay();
    expect(third.sale('a')?.status).toBe('unknown');
    expect((await third.append({ kind: 'sale', sale: sale('a', 'failed'), note: 'four' })).seq).toBe(4);
  });

  it('skips and reports a line whose sequence number is missing or not a positive whole number, and reads the rest', async () => {
    await writeFile(
      todayFile(),
      [
        saleLine(1, 'a'),
        saleLine(-3, 'b'),
        saleLine('7', 'c'),
        saleLine(2.5, 'd'),
        saleLine(undefined, 'u'),
        saleLine(4, 'e'),
        '',
      ].join('\n'),
    );
    const j = journal();
    const summary = await j.replay();
    expect(j.sales().map((s) => s.id)).toEqual(['a', 'e']);
    expect(summary.problems.map((p) => [p.kind, p.line])).toEqual([
      ['corrupt_line', 2],
      ['corrupt_line', 3],
      ['corrupt_line', 4],
      ['corrupt_line', 5],
    ]);
    expect(summary.problems[0]?.message).toMatch(/seq/);
    expect((await j.append({ kind: 'sale', sale: sale('f', 'initiating'), note: 'next' })).seq).toBe(5);
  });
  it('sets aside a line whose sequence number is near 2^53 or does not grow, and numbers on safely after a restart', async () => {
    await writeFile(
      todayFile(),
      [
        saleLine(1, 'a'),
        saleLine(2 ** 53 - 2, 'b'),
        saleLine(3, 'c'),
        saleLine(3, 'd'),
        saleLine(2, 'e'),
        '',
      ].join('\n'),
    );
    const j = journal();
    const summary = await j.replay();
    expect(j.sales().map((s) => s.id)).toEqual(['a', 'c']);
    expect(summary.problems.map((p) => [p.kind, p.line])).toEqual([
      ['corrupt_line', 2],
      ['corrupt_line', 4],
      ['corrupt_line', 5],
    ]);
    expect(summary.problems[1]?.message).toMatch(/sequence number 3 does not follow 3/);
    expect((await j.append({ kind: 'sale', sale: sale('f', 'initiating'), note: 'next' })).seq).toBe(4);
    await j.close();
    const again = journal();
    await again.replay();
    expect(again.sale('f')?.status).toBe('initiating');
  });
});

describe.runIf(process.platform === 'linux')('journal writes on Linux', () => {
  /** The open flags of the descriptor this process holds on `path`, as /proc reports them. */
  async function openFlags(path: string): Promise<number[]> {
    const flags: number[] = [];
    for (const fd of await readdir('/proc/self/fd')) {
      const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
      if (target !== path) continue;
      const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
      const octal = /^flags:\s*([0-7]+)$/m.exec(info)?.[1];
      if (octal !== undefined) flags.push(Number.parseInt(octal, 8));
    }
    return flags;
  }

  it('keeps its day file open for appends that are on the disk when the write returns (O_DSYNC)', async () => {
    const j = journal();
    await j.append({ kind: 'sale', sale: sale('a', 'initiating'), note: 'Sale started' });
    const flags = await openFlags(todayFile());
    expect(flags).toHaveLength(1);
    expect((flags[0] ?? 0) & constants.O_DSYNC).toBe(constants.O_DSYNC);
    expect((flags[0] ?? 0) & constants.O_APPEND).toBe(constants.O_APPEND);
  });
});
