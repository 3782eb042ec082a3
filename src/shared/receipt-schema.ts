// The receipt's structure as a schema (what buildReceipt in receipt.ts returns), apart from the builder so
// the renderer can lay out a receipt without bundling zod.
import { z } from 'zod';
import { IsoCurrencyCode, SaleStatus } from './domain.ts';

export const ReceiptRow = z.object({ label: z.string(), value: z.string() });
export type ReceiptRow = z.infer<typeof ReceiptRow>;

export const ReceiptContent = z.object({
  /** The merchant's header, one entry per line. */
  header: z.array(z.string()),
  /** Set for Demo mode sales, printed prominently so nobody takes it for a real payment. */
  demoNotice: z.string().optional(),
  /** Set when this receipt was printed before: a reprint never passes for the original. */
  duplicateNotice: z.string().optional(),
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
