// Checks a /transaction/initiate body and turns it into a new transaction, naming the bad field when it is wrong.
import { z } from 'zod';
import { currencyExponent, decimalToMinor, MAX_AMOUNT_MINOR, minorToDecimalString } from '../shared/money.ts';
import type { CatalogCurrency, CatalogMethod } from './catalog.ts';
import { findCurrency, findMethod } from './catalog.ts';
import { HttpError } from './http-io.ts';

function requiredString(field: string, max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${field} is required.` : `${field} must be a string.`),
    })
    .trim()
    .min(1, `${field} is required.`)
    .max(max, `${field} is longer than ${max} characters.`);
}

const InitiateBody = z.object({
  currencyId: requiredString('currencyId', 64),
  paymentMethodId: requiredString('paymentMethodId', 64),
  referenceNumber: requiredString('referenceNumber', 64).regex(
    /^[A-Za-z0-9._:/-]+$/,
    'referenceNumber may contain only letters, digits and . _ : / -',
  ),
  amount: z.unknown().optional(),
  appId: z.unknown().optional(),
  redirectUrl: z.unknown().optional(),
});

export interface InitiateInput {
  currency: CatalogCurrency;
  method: CatalogMethod;
  amountMinor: number;
  referenceNumber: string;
  appId?: string;
  redirectUrl?: string;
}

function fail(message: string): never {
  throw new HttpError(400, message);
}

/** Minor units of `amount`, which may be a JSON number or, from a form-encoded body, decimal text. */
export function parseAmount(amount: unknown, currencyCode: string): number {
  if (amount === undefined || amount === null || amount === '') fail('amount is required.');
  if (typeof amount !== 'number' && typeof amount !== 'string') fail('amount must be a number, e.g. 345.67.');
  const exponent = currencyExponent(currencyCode);
  if (typeof amount === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(amount))
    fail('amount must be a number, e.g. 345.67.');
  if (typeof amount === 'number' && !Number.isFinite(amount)) fail('amount must be a finite number.');
  if (Number(amount) <= 0) fail('amount must be greater than zero.');
  const tooLarge = `amount is too large: at most ${minorToDecimalString(MAX_AMOUNT_MINOR, exponent)} ${currencyCode}.`;
  // A coarse float bound first, so huge values never reach the exact parser as unsafe integers.
  if (Number(amount) * 10 ** exponent > MAX_AMOUNT_MINOR) fail(tooLarge);
  const minor = decimalToMinor(amount, exponent);
  if (minor === null) {
    fail(
      exponent === 0
        ? `amount must be a whole number for ${currencyCode} (it has no decimals).`
        : `amount has more than ${exponent} decimals, which ${currencyCode} does not allow.`,
    );
  }
  if (minor <= 0) fail('amount must be greater than zero.');
  if (minor > MAX_AMOUNT_MINOR) fail(tooLarge);
  return minor;
}

/** An absolute http(s) URL of at most 2048 characters: where the checkout sends the customer back. */
export function parseRedirectUrl(value: unknown): string {
  if (value === undefined || value === null || value === '')
    fail('redirectUrl is required for the checkout flow.');
  if (typeof value !== 'string') fail('redirectUrl must be a string.');
  if (value.length > 2048) fail('redirectUrl is longer than 2048 characters.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('redirectUrl must be an absolute URL, e.g. https://shop.example/return.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail('redirectUrl must be an http or https URL.');
  return url.toString();
}

export function parseInitiateBody(body: Record<string, unknown>, flow: 's2s' | 'checkout'): InitiateInput {
  const parsed = InitiateBody.safeParse(body);
  if (!parsed.success) fail(parsed.error.issues[0]?.message ?? 'Request body is not valid.');
  const input = parsed.data;
  const currency = findCurrency(input.currencyId);
  if (!currency)
    fail(`currencyId ${input.currencyId} is not a known currency: pick one from GET /currencies.`);
  if (!currency.isActive)
    fail(`currencyId ${input.currencyId} (${currency.code}) is not active: pick another currency.`);
  const method = findMethod(currency.id, input.paymentMethodId);
  if (!method) {
    fail(
      `paymentMethodId ${input.paymentMethodId} is not offered for ${currency.code}: pick one from its payment methods.`,
    );
  }
  if (!method.isActive)
    fail(`paymentMethodId ${input.paymentMethodId} (${method.name}) is not active: pick another method.`);
  const amountMinor = parseAmount(input.amount, currency.code);
  if (input.appId !== undefined && typeof input.appId !== 'string') fail('appId must be a string.');
  const appId = input.appId?.trim();
  if (flow === 'checkout' && !appId) fail('appId is required for the checkout flow.');
  const redirectUrl =
    flow === 'checkout' || (input.redirectUrl !== undefined && input.redirectUrl !== '')
      ? parseRedirectUrl(input.redirectUrl)
      : undefined;
  return {
    currency,
    method,
    amountMinor,
    referenceNumber: input.referenceNumber,
    ...(appId ? { appId } : {}),
    ...(redirectUrl !== undefined ? { redirectUrl } : {}),
  };
}
