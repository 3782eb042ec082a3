// A page opened with browser mode's one-time address (`…/#pair=<code>`) trades the code for its session
// cookie before anything else is asked. The code leaves the address bar and the history at once, so a
// reload, a bookmark or a shared screen never carries it.
import { ONE_TIME_CODE_PARAM, SESSION_PATH } from '../../shared/browser-bridge.ts';

/** The parts of `window` the claim uses. */
export interface ClaimWindow {
  location: { hash: string; pathname: string; search: string; reload(): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  history: { replaceState(data: unknown, unused: string, url: string): void };
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<unknown>;
}

const CODE_IN_ADDRESS = new RegExp(`^#${ONE_TIME_CODE_PARAM}=([A-Za-z0-9_-]{1,200})$`);

/**
 * Settles when the page may call: after the code was sent (whatever the answer: a spent code leaves a
 * page without a session, and its first call says how to get a new address), or at once without a code.
 */
export async function claimSession(win: ClaimWindow, sessionPath: string = SESSION_PATH): Promise<void> {
  // Pasting the address into a tab that already shows the terminal changes only the fragment, which
  // loads nothing: claim then, and start the page again with its session.
  win.addEventListener('hashchange', () => {
    if (CODE_IN_ADDRESS.test(win.location.hash))
      void sendCode(win, sessionPath).then(() => win.location.reload());
  });
  await sendCode(win, sessionPath);
}

async function sendCode(win: ClaimWindow, sessionPath: string): Promise<void> {
  const code = CODE_IN_ADDRESS.exec(win.location.hash)?.[1];
  if (!code) return;
  win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
  await win.fetch(sessionPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}
