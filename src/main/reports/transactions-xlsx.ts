// The manager's transaction list as an Excel workbook (write-excel-file: small, one dependency): the
// same columns as the CSV, amounts as numbers in the currency's decimals so a spreadsheet can sum
// them, every other cell typed as text so nothing in it can run as a formula.
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { TRANSACTION_AMOUNT_COLUMN, TRANSACTION_CSV_HEADER, transactionCells } from '../../shared/csv.ts';
import type { TransactionRow } from '../../shared/domain.ts';
import { currencyExponent, minorToDecimalString } from '../../shared/money.ts';
import type { ZonedTime } from '../../shared/zoned-time.ts';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function amountCell(row: TransactionRow): Cell {
  const exponent = currencyExponent(row.currency);
  return {
    type: Number,
    // Exact decimal text to number: the spreadsheet shows it with exactly the currency's decimals.
    value: Number(minorToDecimalString(row.amountMinor, exponent)),
    format: exponent === 0 ? '0' : `0.${'0'.repeat(exponent)}`,
  };
}

export async function transactionsXlsx(rows: readonly TransactionRow[], zoned: ZonedTime): Promise<Buffer> {
  const header: Cell[] = TRANSACTION_CSV_HEADER.map((title) => ({
    type: String,
    value: title,
    fontWeight: 'bold',
  }));
  const data: SheetData = [header];
  for (const row of rows) {
    const cells: Cell[] = transactionCells(row, zoned).map((value) =>
      value === undefined || value === '' ? null : { type: String, value },
    );
    cells[TRANSACTION_AMOUNT_COLUMN] = amountCell(row);
    data.push(cells);
  }
  return writeExcelFile(data, { stickyRowsCount: 1 }).toBuffer();
}
