// What a receipt says, worked out once from a sale and the settings: the renderer's receipt view
// and the ESC/POS printer in main both lay out this same structure.
import { z } from 'zod';
import { IsoCurrencyCode, SaleStatus } from './domain.ts';
import type { Sale, Settings } from './domain.ts';
import { currencyExponent, formatMoney, minorToDecimalString } from './money.ts';

export const RECEIPT_LABELS = {
  terminal: 'Terminal',
  cashier: 'Cashier',
  time: 'Time',
  amount: 'Amount',
  currency: 'Currency',
  method: 'Method',
  status: 'Status',
  reference: 'Reference',
  transactionId: 'Transaction ID',
} as const;

/** The word printed for each status; a receipt of a sale not yet final says so plainly. */
export const RECEIPT_STATUS_WORDS: Record<SaleStatus, string> = {
  draft: 'Not confirmed',
  initiating: 'Not confirmed',
  processing: 'Not confirmed',
  awaiting_payment: 'Not confirmed',
  verifying: 'Not confirmed',
  unknown: 'Not confirmed',
  succeeded: 'Paid',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export const DEMO_NOTICE = 'DEMO - NOT A REAL PAYMENT';

export const ReceiptRow = z.object({ label: z.string(), value: z.string() });
export type ReceiptRow = z.infer<typeof ReceiptRow>;

export const ReceiptContent = z.object({
  /** The merchant's header, one entry per line. */
  header: z.array(z.string()),
  /** Set for Demo mode sales, printed prominently so nobody takes it for a real payment. */
  demoNotice: z.string().optional(),
  terminal: z.string(),
  /** When the result was confirmed (else last updated), as ISO and as people read it. */
  at: z.string(),
  dateTime: z.string(),
  amountMinor: z.number().int(),
  currency: IsoCurrencyCode,
  /** With the currency symbol, as Intl writes it for the locale: "₹345.67". */
  amount: z.string(),
  /** With the ISO code instead of a symbol, for printers whose code pages lack it: "INR 345.67". */
  amountWithCode: z.string(),
  method: z.string(),
  status: SaleStatus,
  statusWord: z.string(),
  reference: z.string(),
  txnId: z.string().optional(),
  /** What the receipt's QR code encodes: the KS Pay transaction id; null before there is one. */
  qrPayload: z.string().nullable(),
  /** Label and value in print order, for layouts that list them. */
  rows: z.array(ReceiptRow),
  footer: z.array(z.string()),
});
export type ReceiptContent = z.infer<typeof ReceiptContent>;

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** "INR 345.67" in the locale's grouping and decimal sign, with plain spaces. */
function formatWithCode(amountMinor: number, currency: string, locale: string | undefined): string {
  const exponent = currencyExponent(currency);
  const text = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(minorToDecimalString(amountMinor, exponent) as unknown as number);
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

export function buildReceipt(
  sale: Sale,
  settings: Settings,
  locale?: string,
  timeZone?: string,
): ReceiptContent {
  const at = sale.verifiedAt ?? sale.updatedAt;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone })
    .format(new Date(at))
    .replace(/[\u00a0\u202f]/g, ' ');
  const amount = formatMoney(sale.amountMinor, sale.currency, locale);
  const statusWord = RECEIPT_STATUS_WORDS[sale.status];
  const rows: ReceiptRow[] = [
    { label: RECEIPT_LABELS.terminal, value: settings.terminalName },
    ...(sale.cashier ? [{ label: RECEIPT_LABELS.cashier, value: sale.cashier }] : []),
    { label: RECEIPT_LABELS.time, value: dateTime },
    { label: RECEIPT_LABELS.amount, value: amount },
    { label: RECEIPT_LABELS.currency, value: sale.currency },
    { label: RECEIPT_LABELS.method, value: sale.methodName },
    { label: RECEIPT_LABELS.status, value: statusWord },
    { label: RECEIPT_LABELS.reference, value: sale.reference },
    ...(sale.txnId ? [{ label: RECEIPT_LABELS.transactionId, value: sale.txnId }] : []),
  ];
  return {
    header: lines(settings.receiptHeader),
    ...(sale.demo ? { demoNotice: DEMO_NOTICE } : {}),
    terminal: settings.terminalName,
    at,
    dateTime,
    amountMinor: sale.amountMinor,
    currency: sale.currency,
    amount,
    amountWithCode: formatWithCode(sale.amountMinor, sale.currency, locale),
    method: sale.methodName,
    status: sale.status,
    statusWord,
    reference: sale.reference,
    ...(sale.txnId ? { txnId: sale.txnId } : {}),
    qrPayload: sale.txnId ?? null,
    rows,
    footer: lines(settings.receiptFooter),
  };
}
