// Lays a receipt out as ESC/POS bytes for 58 mm or 80 mm paper. The encoder library
// (@point-of-sale/receipt-printer-encoder) handles code pages, QR and cut commands, so no byte here is hand-rolled.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { RECEIPT_LABELS } from '../../shared/receipt.ts';
import type { ReceiptContent } from '../../shared/receipt.ts';

export type ThermalPaper = '58mm' | '80mm';

/** Characters per line in the standard 12×24 font: 384 dots on 58 mm paper, 576 on 80 mm. */
export const PAPER_COLUMNS: Record<ThermalPaper, number> = { '58mm': 32, '80mm': 48 };

/** "Label      value" across the line, or the value on its own right-aligned line when both do not fit. */
export function labelledLines(label: string, value: string, columns: number): string[] {
  if (label.length + 1 + value.length <= columns) {
    return [label + ' '.repeat(columns - label.length - value.length) + value];
  }
  const wrapped: string[] = [];
  for (let start = 0; start < value.length; start += columns)
    wrapped.push(value.slice(start, start + columns));
  return [label, ...wrapped.map((part) => part.padStart(columns))];
}

export function encodeReceipt(receipt: ReceiptContent, paper: ThermalPaper): Uint8Array {
  const columns = PAPER_COLUMNS[paper];
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, feedBeforeCut: 4 });
  encoder.initialize().align('center');

  receipt.header.forEach((line, index) => {
    // The first header line is the merchant's name: printed bold.
    encoder.bold(index === 0).line(line);
  });
  encoder.bold(false);
  if (receipt.demoNotice) encoder.newline().invert(true).line(receipt.demoNotice).invert(false);
  if (receipt.duplicateNotice) encoder.newline().invert(true).line(receipt.duplicateNotice).invert(false);
  encoder.newline().align('left');

  for (const row of receipt.rows) {
    // The amount is printed large below; the symbol form may not exist in the printer's code page.
    if (row.label === RECEIPT_LABELS.amount) continue;
    for (const text of labelledLines(row.label, row.value, columns)) encoder.line(text);
  }

  // Double size halves the characters per line: a long amount stays at normal size rather than wrap.
  const scale = receipt.amountWithCode.length * 2 <= columns ? 2 : 1;
  encoder
    .newline()
    .align('center')
    .bold(true)
    .size(scale, scale)
    .line(receipt.amountWithCode)
    .size(1, 1)
    .line(receipt.statusWord.toUpperCase())
    .bold(false);

  if (receipt.qrPayload) {
    encoder
      .newline()
      .qrcode(receipt.qrPayload, { model: 2, size: paper === '58mm' ? 5 : 6, errorlevel: 'm' });
  }
  if (receipt.footer.length > 0) {
    encoder.newline();
    for (const line of receipt.footer) encoder.line(line);
  }
  return encoder.cut('partial').encode();
}
