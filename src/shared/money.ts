// Money as integer minor units: ISO 4217 exponents from Intl, exact decimal text both ways, no floats.

const ISO_CODE = /^[A-Z]{3}$/;

let knownCodes: ReadonlySet<string> | undefined;

/** True when `code` looks like an ISO 4217 code and Intl knows it. */
export function isIsoCurrency(code: string): boolean {
  if (!ISO_CODE.test(code)) return false;
  try {
    knownCodes ??= new Set(Intl.supportedValuesOf('currency'));
    return knownCodes.has(code);
  } catch {
    return false;
  }
}

/**
 * Intl reports CLDR's display digits, which differ from the ISO 4217 minor unit for these codes
 * (Intl says 0 for all of them). Payment amounts follow ISO 4217, so ISO wins here.
 */
const ISO_4217_WHERE_CLDR_DIFFERS: Readonly<Record<string, number>> = {
  AFN: 2,
  ALL: 2,
  COP: 2,
  HUF: 2,
  IDR: 2,
  IQD: 3,
  IRR: 2,
  KPW: 2,
  LAK: 2,
  LBP: 2,
  MGA: 2,
  MMK: 2,
  PKR: 2,
  SLL: 2,
  SOS: 2,
  SYP: 2,
  YER: 2,
};

const exponentCache = new Map<string, number>();

/** Number of minor-unit digits of a currency (JPY 0, INR 2, KWD 3), from ISO 4217 via Intl. */
export function currencyExponent(code: string): number {
  const cached = exponentCache.get(code);
  if (cached !== undefined) return cached;
  if (!ISO_CODE.test(code)) throw new RangeError(`"${code}" is not an ISO 4217 currency code`);
  const exponent =
    ISO_4217_WHERE_CLDR_DIFFERS[code] ??
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits;
  if (exponent === undefined) throw new RangeError(`No exponent known for ${code}`);
  exponentCache.set(code, exponent);
  return exponent;
}

/** Exact decimal text of a minor-unit amount: 34567 INR → "345.67", 500 JPY → "500", 1234 KWD → "1.234". */
export function minorToDecimalString(amountMinor: number, exponent: number): string {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError('amount must be a safe integer of minor units');
  if (!Number.isInteger(exponent) || exponent < 0)
    throw new RangeError('exponent must be a whole number, 0 or more');
  const negative = amountMinor < 0;
  const digits = String(Math.abs(amountMinor));
  if (exponent === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, padded.length - exponent);
  const fraction = padded.slice(padded.length - exponent);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

/**
 * Parses decimal text (or a JSON number) into minor units without float arithmetic.
 * Returns null when the value has more decimals than the currency allows or is not a finite decimal.
 */
export function decimalToMinor(value: string | number, exponent: number): number | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Shortest round-trip text of the double, e.g. 345.67 → "345.67"; expand exponent notation.
    text = expandExponent(String(value));
  } else {
    text = value.trim();
  }
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', rawFraction = ''] = match;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const minorText = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return null;
  return sign && minor !== 0 ? -minor : minor;
}

function expandExponent(text: string): string {
  const m = /^(-)?(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!m) return text;
  const [, sign = '', int = '', frac = '', expText = '0'] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Making an Intl.NumberFormat costs far more than using one, and screens format the same few currencies in
// every row and on every render: one formatter per locale and currency, kept (a handful in practice).
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, exponent: number, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** Formats minor units for people with Intl: symbol, grouping and exactly the currency's decimals. */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  // Intl accepts a decimal string exactly, so no float rounding creeps in.
  return moneyFormatter(currency, exponent, locale).format(
    minorToDecimalString(amountMinor, exponent) as unknown as number,
  );
}

/** Largest amount a terminal accepts, in minor units: well inside Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT_MINOR = 99_999_999_999;
