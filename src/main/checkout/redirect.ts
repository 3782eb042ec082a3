// Reads the address the hosted checkout sends the customer back to. Its parameters only say when to look:
// the sale engine still asks KS Pay for the transaction before it believes anything.

/** What the redirect claims; never proof of payment. */
export type RedirectPaymentStatus = 'success' | 'failed' | 'cancelled' | 'pending' | 'unrecognised';

export interface RedirectParams {
  paymentStatus: RedirectPaymentStatus;
  kspayId: string;
  providerPaymentId?: string;
}

export type RedirectRefusal = 'not_a_url' | 'too_long' | 'wrong_place' | 'missing_id' | 'repeated_param' | 'bad_param';

export type RedirectParse =
  | { ok: true; redirect: RedirectParams }
  | { ok: false; refusal: RedirectRefusal; message: string };

const MAX_REDIRECT_LENGTH = 4096;
const KSPAY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PROVIDER_PAYMENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const STATUS_TEXT = /^[A-Za-z_ -]{1,32}$/;

const STATUS_WORDS: Record<string, RedirectPaymentStatus> = {
  success: 'success',
  successful: 'success',
  succeeded: 'success',
  paid: 'success',
  completed: 'success',
  captured: 'success',
  failed: 'failed',
  failure: 'failed',
  declined: 'failed',
  error: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  pending: 'pending',
  processing: 'pending',
};

function samePlace(actual: URL, expected: URL): boolean {
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname &&
    actual.username === '' &&
    actual.password === ''
  );
}

/**
 * True when `url` is aimed at the redirect page, whatever its parameters: the checkout window stops such a
 * navigation before it loads and hands the URL to the engine, which parses it.
 */
export function isRedirectTo(url: string, expectedRedirectUrl: string): boolean {
  if (typeof url !== 'string') return false;
  try {
    return samePlace(new URL(url), new URL(expectedRedirectUrl));
  } catch {
    return false;
  }
}

function refuse(refusal: RedirectRefusal, message: string): RedirectParse {
  return { ok: false, refusal, message };
}

/**
 * Parses a redirect aimed at `expectedRedirectUrl` (same scheme, host, port and path; any query of its own is
 * allowed). Each of `payment_status`, `kspay_id`, `provider_payment_id` may appear at most once, so a second
 * copy slipped in by someone else cannot win. Never throws.
 */
export function parseRedirect(url: string, expectedRedirectUrl: string): RedirectParse {
  if (typeof url !== 'string' || url.length > MAX_REDIRECT_LENGTH) {
    return refuse('too_long', 'The return address from the payment page is too long to be genuine; it was ignored.');
  }
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(expectedRedirectUrl);
  } catch {
    return refuse('not_a_url', 'The return address from the payment page could not be read; it was ignored.');
  }
  if (!samePlace(actual, expected)) {
    return refuse('wrong_place', 'This address is not this terminal\'s payment return page; it was ignored.');
  }

  const params = actual.searchParams;
  for (const name of ['payment_status', 'kspay_id', 'provider_payment_id']) {
    if (params.getAll(name).length > 1) {
      return refuse('repeated_param', `The return address carries "${name}" more than once, so it cannot be trusted; it was ignored.`);
    }
  }

  const kspayId = params.get('kspay_id');
  if (kspayId === null || kspayId === '') {
    return refuse('missing_id', 'The return address does not say which payment it is about; it was ignored.');
  }
  if (!KSPAY_ID.test(kspayId)) {
    return refuse('bad_param', 'The payment ID in the return address is not a KS Pay ID; it was ignored.');
  }

  const statusText = params.get('payment_status');
  let paymentStatus: RedirectPaymentStatus = 'unrecognised';
  if (statusText !== null && statusText !== '') {
    if (!STATUS_TEXT.test(statusText)) {
      return refuse('bad_param', 'The payment status in the return address is not plain text; it was ignored.');
    }
    paymentStatus = STATUS_WORDS[statusText.trim().toLowerCase()] ?? 'unrecognised';
  }

  const providerPaymentId = params.get('provider_payment_id');
  if (providerPaymentId !== null && providerPaymentId !== '' && !PROVIDER_PAYMENT_ID.test(providerPaymentId)) {
    return refuse('bad_param', 'The provider payment ID in the return address is not plain text; it was ignored.');
  }

  return {
    ok: true,
    redirect: {
      paymentStatus,
      kspayId,
      ...(providerPaymentId !== null && providerPaymentId !== '' ? { providerPaymentId } : {}),
    },
  };
}
