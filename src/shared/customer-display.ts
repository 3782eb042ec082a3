// What the customer-facing display may know: one small read-only state, projected in main from the sale on
// the counter and the amount being keyed in. No key, token, journal, reference or other sale ever fits in it.
import { z } from 'zod';
import { AmountMinor, IsoCurrencyCode, Settings } from './domain.ts';

/** The cashier's keyed-in amount, reported by the cashier screen on every keystroke (call `display.keying`). */
export const KeyedAmount = z
  .object({
    amountMinor: AmountMinor,
    currency: IsoCurrencyCode,
    /** The payment method as the cashier chose it, by name. */
    methodName: z.string().trim().min(1).max(100).optional(),
  })
  .nullable();
export type KeyedAmount = z.infer<typeof KeyedAmount>;

const Look = {
  /** The merchant's name: the receipt header. */
  merchant: z.string().max(200),
  theme: Settings.shape.theme.unwrap(),
  locale: z.string().max(40).optional(),
};

const Money = { amountMinor: AmountMinor, currency: IsoCurrencyCode };

/** The customer's result, only once KS Pay confirmed it (the same words as the cashier's screen). */
export const CustomerOutcome = z.enum(['paid', 'not_completed', 'cancelled']);
export type CustomerOutcome = z.infer<typeof CustomerOutcome>;

export const CustomerDisplayState = z.discriminatedUnion('view', [
  z.object({ view: z.literal('idle'), ...Look }),
  z.object({
    view: z.literal('keying'),
    ...Look,
    ...Money,
    methodName: z.string().max(100).optional(),
  }),
  z.object({
    view: z.literal('waiting'),
    ...Look,
    ...Money,
    methodName: z.string().max(100),
    /** The hosted checkout page (the cashier's QR shows the same), once KS Pay has made it. */
    checkoutUrl: z.string().url().optional(),
    /** True once the customer is back and the terminal is asking KS Pay (or could not yet). */
    checking: z.boolean(),
  }),
  z.object({ view: z.literal('result'), ...Look, ...Money, outcome: CustomerOutcome }),
]);
export type CustomerDisplayState = z.infer<typeof CustomerDisplayState>;
export type CustomerDisplayView = CustomerDisplayState['view'];
