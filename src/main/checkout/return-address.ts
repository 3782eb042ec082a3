// The checkout's return address as providers really deliver it. Some downgrade the scheme (https → http)
// and some send the customer back with a form POST whose fields are in the body, not the query. Either
// way the sale must hear of it, or it keeps polling while the customer waits. This turns any such request
// into the one URL the redirect parser reads (redirect.ts): the configured scheme, and a POST's form
// fields added to the query (a field sent twice, in query and body, is then refused there as repeated).

/** A request the checkout window's session saw, as Electron's webRequest reports it. */
export interface ReturnRequest {
  url: string;
  method: string;
  /** The request body as text (a POST's upload data), or null. */
  body: string | null;
}

const MAX_BODY_LENGTH = 4096;

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** True when `url` is the return address over https or http: same host, port and path, no user info. */
export function isReturnAddress(url: string, returnAddress: string): boolean {
  const actual = parse(url);
  const expected = parse(returnAddress);
  if (!actual || !expected) return false;
  return (
    (actual.protocol === 'https:' || actual.protocol === 'http:') &&
    actual.hostname === expected.hostname &&
    actual.port === expected.port &&
    actual.pathname === expected.pathname &&
    actual.username === '' &&
    actual.password === ''
  );
}

/**
 * The return as the URL the redirect parser expects, or null when the request is not aimed at the return
 * address. A POST's body is read as a form (application/x-www-form-urlencoded); a body that is too long is
 * left out, so the redirect says only what its address says.
 */
export function returnUrlFromRequest(request: ReturnRequest, returnAddress: string): string | null {
  if (!isReturnAddress(request.url, returnAddress)) return null;
  const actual = new URL(request.url);
  actual.protocol = new URL(returnAddress).protocol;
  const body = request.body;
  if (request.method.toUpperCase() === 'POST' && body !== null && body.length <= MAX_BODY_LENGTH) {
    for (const [name, value] of new URLSearchParams(body)) actual.searchParams.append(name, value);
  }
  return actual.toString();
}

/** The webRequest URL filter that catches the return address over either scheme. */
export function returnAddressFilter(returnAddress: string): string[] {
  const expected = parse(returnAddress);
  return expected ? [`*://${expected.hostname}/*`] : [];
}
