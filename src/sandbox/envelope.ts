// The reply shapes of the two documented variants: the envelope and the catalog entries' field names.
//
// `s2s` (the guide's Server-to-Server section):
//   success  { status: 200|201, message: 'success', result: <object or array> }
//   error    { status: 4xx|5xx, message: '<what went wrong and what to do>' }
//   currency { id, code, name, symbol, type: 'FIAT', userId, isActive, createdAt }   (inactive ones listed)
//   method   { id, name, isActive }                                                   (inactive ones listed)
// `npm` (the guide's "Sequence to Use NPM Package" section):
//   success, object result  { status, message: 'success', ...result }  (no `result` key). When the result has a
//                           `status` of its own (a transaction record), the record's status wins and the
//                           numeric status is left out: { message: 'success', txnId, ..., status: 'COMPLETED' }.
//   success, array result   the bare array, as the guide prints it: [ { currencyId, name }, ... ]
//   error                   { status, message }, as in s2s
//   currency { currencyId, name: '<ISO code>' }   (only active ones: the guide calls them "available")
//   method   { paymentMethodId, name }            (only active ones)
import type { CatalogCurrency, CatalogMethod } from './catalog.ts';
import { CATALOG_USER_ID } from './catalog.ts';
import type { ShapeVariant } from './types.ts';

export function successBody(variant: ShapeVariant, status: number, result: unknown): unknown {
  if (variant === 's2s') return { status, message: 'success', result };
  if (Array.isArray(result)) return result;
  if (result !== null && typeof result === 'object') {
    return 'status' in result ? { message: 'success', ...result } : { status, message: 'success', ...result };
  }
  return { status, message: 'success', result };
}

/**
 * The text around a list sent as a stream: what goes before the first item and after the last, so that
 * `open + items.join(',') + close` is exactly what successBody would give for that array.
 */
export function listEnvelope(
  variant: ShapeVariant,
  status: number,
  message = 'success',
): { open: string; close: string } {
  if (variant === 'npm') return { open: '[', close: ']' };
  return { open: `{"status":${status},"message":${JSON.stringify(message)},"result":[`, close: ']}' };
}

export function errorBody(status: number, message: string): { status: number; message: string } {
  return { status, message };
}

export function currencyShape(variant: ShapeVariant, currency: CatalogCurrency): Record<string, unknown> {
  if (variant === 'npm') return { currencyId: currency.id, name: currency.code };
  return {
    name: currency.name,
    code: currency.code,
    symbol: currency.symbol,
    type: 'FIAT',
    userId: CATALOG_USER_ID,
    id: currency.id,
    isActive: currency.isActive,
    createdAt: currency.createdAt,
  };
}

export function methodShape(variant: ShapeVariant, method: CatalogMethod): Record<string, unknown> {
  if (variant === 'npm') return { paymentMethodId: method.id, name: method.name };
  return { id: method.id, name: method.name, isActive: method.isActive };
}

/** Whether a catalog entry is listed at all in this variant. */
export function listed(variant: ShapeVariant, entry: { isActive: boolean }): boolean {
  return variant === 's2s' || entry.isActive;
}
