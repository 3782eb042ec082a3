// GET /currencies and GET /:currencyId/payment-methods, in the current shape variant.
import { CURRENCIES, findCurrency, methodsOf } from './catalog.ts';
import type { Handler } from './context.ts';
import { ok } from './context.ts';
import { currencyShape, listed, methodShape } from './envelope.ts';
import { hostileCurrencies, hostileMethods } from './hostile.ts';
import { header, HttpError } from './http-io.ts';

export const listCurrencies: Handler = (ctx, { req }) => {
  ctx.auth.verifyAccess(header(req, 'authorization'));
  const variant = ctx.variant();
  const currencies = CURRENCIES.filter((currency) => listed(variant, currency)).map((c) =>
    currencyShape(variant, c),
  );
  return ok(ctx, 200, hostileCurrencies(currencies, ctx.hostile()));
};

export const listPaymentMethods: Handler = (ctx, { req, params }) => {
  ctx.auth.verifyAccess(header(req, 'authorization'));
  const currencyId = params.currencyId ?? '';
  const currency = findCurrency(currencyId);
  if (!currency)
    throw new HttpError(404, `Currency ${currencyId} was not found: pick one from GET /currencies.`);
  const variant = ctx.variant();
  const methods = methodsOf(currency.id)
    .filter((method) => listed(variant, method))
    .map((method) => methodShape(variant, method));
  return ok(ctx, 200, hostileMethods(methods, ctx.hostile()));
};
