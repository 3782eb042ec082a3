// The manager's transaction filter: one schema for the renderer's live filtering and main's CSV export.
import { z } from 'zod';
import { IsoCurrencyCode, IsoDateTime, SaleStatus } from './domain.ts';

export const TransactionFilter = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  status: SaleStatus.optional(),
  currency: IsoCurrencyCode.optional(),
  method: z.string().max(100).optional(),
  minAmountMinor: z.number().int().nonnegative().optional(),
  maxAmountMinor: z.number().int().nonnegative().optional(),
  search: z.string().max(200).optional(),
  /** Only rows where the terminal and the server disagree. */
  mismatchOnly: z.boolean().optional(),
});
export type TransactionFilter = z.infer<typeof TransactionFilter>;
