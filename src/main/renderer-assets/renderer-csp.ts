// The renderer's Content-Security-Policy: its own scripts and styles only, no inline script, no eval,
// no remote content. Sent as a header by the app:// protocol and browser mode, and repeated as a
// <meta> in src/renderer/index.html (a test keeps the two equal).
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // QR codes are rendered to data: URLs.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Header-only directives (a <meta> policy cannot carry them). */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
