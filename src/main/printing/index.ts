// Printing's public face: ESC/POS receipts to a network thermal printer.
export { createEscposPrinter, PrintError, DEFAULT_PRINT_TIMEOUT_MS } from './escpos-printer.ts';
export type {
  EscposPrinter,
  EscposPrinterOptions,
  EscposTarget,
  PrintErrorCode,
  SocketLike,
} from './escpos-printer.ts';
export { encodeReceipt, PAPER_COLUMNS } from './escpos-layout.ts';
export type { ThermalPaper } from './escpos-layout.ts';
