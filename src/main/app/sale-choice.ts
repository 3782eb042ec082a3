// What a cashier chose for a new sale, checked against KS Pay's catalogue before anything is sent:
// the currency code must be the one KS Pay lists for the currency ID, and the method offered for it.
import { StartSaleInput } from '../../shared/contract.ts';
import type { Catalog } from '../catalog/index.ts';
import { PosAppError } from './app-error.ts';

/**
 * The method's name for the sale (undefined when the method list cannot be loaded: KS Pay decides).
 * Refuses a currency ID KS Pay does not list, or a code that is not that currency's.
 */
export async function checkSaleChoice(
  catalog: Pick<Catalog, 'currencies' | 'methodName'>,
  input: StartSaleInput,
): Promise<string | undefined> {
  // A list that cannot be loaded refuses the sale with KS Pay's own plain reason (offline, keys).
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
  if (input.methodName) return input.methodName;
  const methodName = await catalog.methodName(input.currencyId, input.methodId).catch(() => undefined);
  if (methodName === null)
    throw new PosAppError(
      'invalid',
      `That payment method is not offered for ${input.currency}. Pick another one.`,
    );
  // KS Pay's name joins an input the contract parsed already, so it is held to the contract's rule here.
  const named = StartSaleInput.shape.methodName.safeParse(methodName);
  if (!named.success)
    throw new PosAppError(
      'invalid',
      `The sale was not started: ${named.error.issues[0]?.message ?? 'its details are not valid'}. Check the amount, currency and payment method.`,
    );
  return named.data;
}
