// Decides whether an IPC message comes from the app's own renderer: the main frame of a page
// whose origin is the app's (app://pos in production, the dev server in development).

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * `new URL('app://pos/x').origin` is the string "null" for custom schemes, so origins are compared
 * as scheme + host + port, which is what identifies the app's own pages.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(frame: FrameLike | null | undefined, expectedOrigin: string): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && origin === originOf(expectedOrigin);
}
