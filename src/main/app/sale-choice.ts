// What a cashier chose for a new sale, checked against KS Pay's catalogue before anything is sent:
// the currency code must be the one KS Pay lists for the currency ID, and the method offered for it.
// The method's name on the receipt, the journal and the Z report is the catalogue's, never the caller's.
import { z } from 'zod';
import type { StartSaleInput } from '../../shared/contract.ts';
import type { Catalog } from '../catalog/index.ts';
import { PosAppError } from './app-error.ts';

/** KS Pay's name for a method, held to the rule a name on a receipt keeps. */
const MethodName = z.string().trim().min(1).max(100);

/**
 * The method's name for the sale, as KS Pay lists it. Refuses a currency ID KS Pay does not list, a code
 * that is not that currency's, and a method the currency does not offer; a list that cannot be loaded
 * refuses the sale with KS Pay's own plain reason (offline, keys).
 */
export async function checkSaleChoice(
  catalog: Pick<Catalog, 'currencies' | 'methodName'>,
  input: Pick<StartSaleInput, 'currency' | 'currencyId' | 'methodId'>,
): Promise<string> {
  const listed = (await catalog.currencies()).find((currency) => currency.id === input.currencyId);
  if (!listed)
    throw new PosAppError(
      'invalid',
      'KS Pay does not offer the chosen currency on this terminal, so the sale was not started. Pick the currency again, then charge.',
    );
  if (listed.code !== input.currency)
    throw new PosAppError(
      'invalid',
      `The amount is in ${input.currency} but the currency chosen is ${listed.code}, so the sale was not started. Pick the currency again, then charge.`,
    );
  const methodName = await catalog.methodName(input.currencyId, input.methodId);
  if (methodName === null)
    throw new PosAppError(
      'invalid',
      `That payment method is not offered for ${input.currency}. Pick another one.`,
    );
  const named = MethodName.safeParse(methodName);
  if (!named.success)
    throw new PosAppError(
      'invalid',
      `The sale was not started: ${named.error.issues[0]?.message ?? 'its details are not valid'}. Check the amount, currency and payment method.`,
    );
  return named.data;
}
