import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TRANSACTION_CSV_HEADER } from '../../shared/csv.ts';
import type { TransactionRow } from '../../shared/domain.ts';
import { createZonedTime } from '../../shared/zoned-time.ts';
import { transactionsXlsx } from './transactions-xlsx.ts';

const zoned = createZonedTime('Asia/Kolkata');

function row(overrides: Partial<TransactionRow>): TransactionRow {
  return {
    key: 'sale:R',
    time: '2026-11-01T04:30:00.000Z',
    reference: 'POS-1',
    amountMinor: 34567,
    currency: 'INR',
    method: 'UPI',
    status: 'succeeded',
    source: 'both',
    mismatch: false,
    flags: [],
    ...overrides,
  };
}

interface ReadCell {
  kind: 'text' | 'number';
  value: string;
  format?: string;
}

/** The first sheet as rows of cells by column letter, read back from the workbook's XML. */
async function readSheet(rows: TransactionRow[]): Promise<Record<string, ReadCell>[]> {
  const files = unzipSync(new Uint8Array(await transactionsXlsx(rows, zoned)));
  const xml = (name: string) => strFromU8(files[name]!);
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => m[1]!);
  const formats = new Map(
    [...xml('xl/styles.xml').matchAll(/numFmtId="(\d+)" formatCode="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const styles = [...xml('xl/styles.xml').matchAll(/<xf ([^>]*)>/g)].map(
    (m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1],
  );
  const sheet = xml('xl/worksheets/sheet1.xml');
  expect(sheet).not.toContain('<f>'); // no formulas anywhere
  return [...sheet.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((r) => {
    const cells: Record<string, ReadCell> = {};
    for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*)><v>(.*?)<\/v><\/c>/g)) {
      const [, column, attributes, value] = c as unknown as [string, string, string, string];
      const style = /s="(\d+)"/.exec(attributes)?.[1];
      const format = style ? formats.get(styles[Number(style)] ?? '') : undefined;
      cells[column] = attributes.includes('t="s"')
        ? { kind: 'text', value: shared[Number(value)]! }
        : { kind: 'number', value, ...(format ? { format } : {}) };
    }
    return cells;
  });
}

describe('transactionsXlsx', () => {
  it('writes the same columns as the CSV, with amounts as numbers in each currency’s decimals', async () => {
    const [header, inr, jpy, kwd] = await readSheet([
      row({ txnId: 'tx_1', cashier: 'Asha' }),
      row({ reference: 'POS-2', amountMinor: 500, currency: 'JPY', status: 'failed' }),
      row({
        reference: 'POS-3',
        amountMinor: 1234,
        currency: 'KWD',
        mismatch: true,
        flags: ['paid_after_cancel'],
      }),
    ]);
    expect(Object.values(header!).map((c) => c.value)).toEqual([...TRANSACTION_CSV_HEADER]);
    expect(inr).toMatchObject({
      A: { kind: 'text', value: '2026-11-01T10:00:00+05:30' },
      B: { kind: 'text', value: 'POS-1' },
      C: { kind: 'number', value: '345.67', format: '0.00' },
      D: { kind: 'text', value: 'INR' },
      I: { kind: 'text', value: 'tx_1' },
      J: { kind: 'text', value: 'Asha' },
      L: { kind: 'text', value: 'no' },
    });
    expect(jpy!.C).toEqual({ kind: 'number', value: '500', format: '0' });
    expect(kwd!.C).toEqual({ kind: 'number', value: '1.234', format: '0.000' });
    expect(kwd!.M).toEqual({ kind: 'text', value: 'paid_after_cancel' });
    expect(jpy!.J).toBeUndefined(); // no cashier: an empty cell, not the text "undefined"
  });

  it('keeps a reference that looks like a formula as plain text', async () => {
    const [, risky] = await readSheet([row({ reference: '=HYPERLINK("http://evil.example","x")' })]);
    expect(risky!.B).toEqual({
      kind: 'text',
      value: '=HYPERLINK("http://evil.example","x")',
    });
  });
});
