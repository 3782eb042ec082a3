// Reads the address the hosted checkout sends the customer back to. Its parameters only say when to look:
// the sale engine still asks KS Pay for the transaction before it believes anything.

/** What the redirect claims; never proof of payment. */
export type RedirectPaymentStatus = 'success' | 'failed' | 'cancelled' | 'pending' | 'unrecognised';

export interface RedirectParams {
  paymentStatus: RedirectPaymentStatus;
  kspayId: string;
  providerPaymentId?: string;
  /** The per-sale token the terminal put in the sale's return address; a return without one names no sale. */
  returnToken?: string;
}

export type RedirectRefusal =
  'not_a_url' | 'too_long' | 'wrong_place' | 'missing_id' | 'repeated_param' | 'bad_param';

export type RedirectParse =
  { ok: true; redirect: RedirectParams } | { ok: false; refusal: RedirectRefusal; message: string };

const MAX_REDIRECT_LENGTH = 4096;
const KSPAY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PROVIDER_PAYMENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const STATUS_TEXT = /^[A-Za-z_ -]{1,32}$/;
/** A sale's return token: unguessable (made from 16 random bytes or more), safe in a path segment. */
export const RETURN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * The address one sale gives KS Pay as its redirectUrl: the terminal's return page plus the sale's token as a
 * last path segment. A path segment survives a server that appends its parameters with a bare `?`.
 */
export function returnUrlFor(expectedRedirectUrl: string, returnToken: string): string {
  const url = new URL(expectedRedirectUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${returnToken}`;
  return url.href;
}

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

function sameOrigin(actual: URL, expected: URL): boolean {
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.username === '' &&
    actual.password === ''
  );
}

/** `{ token }` when the path is the return page with a well-formed token segment, `{}` for the page itself, null otherwise. */
function returnPath(actual: URL, expected: URL): { token?: string } | null {
  if (!sameOrigin(actual, expected)) return null;
  if (actual.pathname === expected.pathname) return {};
  const base = expected.pathname.replace(/\/+$/, '');
  if (!actual.pathname.startsWith(`${base}/`)) return null;
  const token = actual.pathname.slice(base.length + 1);
  return RETURN_TOKEN_PATTERN.test(token) ? { token } : null;
}

function refuse(refusal: RedirectRefusal, message: string): RedirectParse {
  return { ok: false, refusal, message };
}

/**
 * Parses a redirect aimed at `expectedRedirectUrl` (same scheme, host, port and path, or that path plus one
 * segment holding a sale's return token; any query of its own is allowed). Each of `payment_status`, `kspay_id`, `provider_payment_id` may appear at most once, so a second
 * copy slipped in by someone else cannot win. Never throws.
 */
export function parseRedirect(url: string, expectedRedirectUrl: string): RedirectParse {
  if (typeof url !== 'string' || url.length > MAX_REDIRECT_LENGTH) {
    return refuse(
      'too_long',
      'The return address from the payment page is too long to be genuine; it was ignored.',
    );
  }
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(expectedRedirectUrl);
  } catch {
    return refuse('not_a_url', 'The return address from the payment page could not be read; it was ignored.');
  }
  const place = returnPath(actual, expected);
  if (place === null) {
    return refuse('wrong_place', "This address is not this terminal's payment return page; it was ignored.");
  }

  const params = actual.searchParams;
  for (const name of ['payment_status', 'kspay_id', 'provider_payment_id']) {
    if (params.getAll(name).length > 1) {
      return refuse(
        'repeated_param',
        `The return address carries "${name}" more than once, so it cannot be trusted; it was ignored.`,
      );
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
      return refuse(
        'bad_param',
        'The payment status in the return address is not plain text; it was ignored.',
      );
    }
    paymentStatus = STATUS_WORDS[statusText.trim().toLowerCase()] ?? 'unrecognised';
  }

  const providerPaymentId = params.get('provider_payment_id');
  if (
    providerPaymentId !== null &&
    providerPaymentId !== '' &&
    !PROVIDER_PAYMENT_ID.test(providerPaymentId)
  ) {
    return refuse(
      'bad_param',
      'The provider payment ID in the return address is not plain text; it was ignored.',
    );
  }

  return {
    ok: true,
    redirect: {
      paymentStatus,
      kspayId,
      ...(providerPaymentId !== null && providerPaymentId !== '' ? { providerPaymentId } : {}),
      ...(place.token !== undefined ? { returnToken: place.token } : {}),
    },
  };
}
