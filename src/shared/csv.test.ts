import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, exportFileName, toCsv, TRANSACTION_CSV_HEADER, transactionsCsv } from './csv.ts';
import { createZonedTime } from './zoned-time.ts';
import type { TransactionRow } from './domain.ts';

/** A strict RFC 4180 reader, to prove what the writer produced parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += ch;
        i += 1;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('last line does not end in CRLF');
  return rows;
}

describe('csvCell', () => {
  it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves plain negative numbers alone', () => {
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('toCsv', () => {
  it('ends every line with CRLF and parses back to the same cells (formula cells prefixed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 3, maxLength: 3 }), { maxLength: 10 }),
        (rows) => {
          const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows));
          expect(parsed[0]).toEqual(['a', 'b', 'c']);
          expect(parsed.slice(1)).toEqual(
            rows.map((cells) =>
              cells.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c)),
            ),
          );
        },
      ),
    );
  });
});

describe('transactionsCsv', () => {
  const base: TransactionRow = {
    key: 'k',
    time: '2026-11-01T04:00:00.000Z',
    reference: 'POS-1',
    amountMinor: 34567,
    currency: 'INR',
    method: 'UPI',
    status: 'succeeded',
    source: 'both',
    mismatch: false,
    flags: [],
  };

  it('writes amounts with the currency exponent and times with the terminal offset', () => {
    const rows: TransactionRow[] = [
      base,
      { ...base, key: 'j', reference: 'POS-2', amountMinor: 500, currency: 'JPY', cashier: 'Asha' },
      {
        ...base,
        key: 'w',
        reference: '=cmd()',
        amountMinor: 1234,
        currency: 'KWD',
        status: 'cancelled',
        serverStatus: 'succeeded',
        terminalStatus: 'cancelled',
        mismatch: true,
        flags: ['paid_after_cancel'],
        txnId: 'tx_1',
      },
    ];
    const parsed = parseCsv(transactionsCsv(rows, createZonedTime('Asia/Kolkata')));
    expect(parsed[0]).toEqual([...TRANSACTION_CSV_HEADER]);
    expect(parsed[1]).toEqual([
      '2026-11-01T09:30:00+05:30',
      'POS-1',
      '345.67',
      'INR',
      'UPI',
      'succeeded',
      '',
      '',
      '',
      '',
      'both',
      'no',
      '',
    ]);
    expect(parsed[2]?.slice(0, 4)).toEqual(['2026-11-01T09:30:00+05:30', 'POS-2', '500', 'JPY']);
    expect(parsed[2]?.[9]).toBe('Asha');
    expect(parsed[3]).toEqual([
      '2026-11-01T09:30:00+05:30',
      "'=cmd()",
      '1.234',
      'KWD',
      'UPI',
      'cancelled',
      'succeeded',
      'cancelled',
      'tx_1',
      '',
      'both',
      'yes',
      'paid_after_cancel',
    ]);
  });

  it('names files by terminal and local time, safe on every system', () => {
    expect(
      exportFileName(
        'transactions',
        'Counter #1 / Front',
        createZonedTime('Asia/Kolkata'),
        Date.parse('2026-11-01T08:33:00Z'),
      ),
    ).toBe('transactions-counter-1-front-2026-11-01-1403.csv');
  });
});
