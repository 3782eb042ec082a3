// What a receipt says, worked out once from a sale and the settings: the renderer's receipt view
// and the ESC/POS printer in main both lay out this same structure.
import type { Sale, SaleStatus, Settings } from './domain.ts';
// Only the types: the schemas stay out of the renderer's bundle (no zod on the cashier's first screen).
import type { ReceiptContent, ReceiptRow } from './receipt-schema.ts';
import { dateTimeFormatOptions } from './date-formats.ts';
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

/** A sale cancelled at the counter that the customer paid anyway, before and after a refund outside the terminal. */
export const RECEIPT_AFTER_CANCEL_WORDS = {
  paid: 'Paid after cancel',
  refunded: 'Refunded outside the terminal',
} as const;

function statusWordOf(sale: Sale): string {
  if (!sale.flags.includes('paid_after_cancel')) return RECEIPT_STATUS_WORDS[sale.status];
  return sale.flags.includes('refunded_outside')
    ? RECEIPT_AFTER_CANCEL_WORDS.refunded
    : RECEIPT_AFTER_CANCEL_WORDS.paid;
}

export const DEMO_NOTICE = 'DEMO - NOT A REAL PAYMENT';
export const DUPLICATE_NOTICE = 'DUPLICATE';

export type { ReceiptContent, ReceiptRow } from './receipt-schema.ts';

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
  options: { duplicate?: boolean } = {},
): ReceiptContent {
  const at = sale.verifiedAt ?? sale.updatedAt;
  const dateTime = new Intl.DateTimeFormat(locale, dateTimeFormatOptions(locale, timeZone))
    .format(new Date(at))
    .replace(/[\u00a0\u202f]/g, ' ');
  const amount = formatMoney(sale.amountMinor, sale.currency, locale);
  const statusWord = statusWordOf(sale);
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
    ...(options.duplicate ? { duplicateNotice: DUPLICATE_NOTICE } : {}),
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
