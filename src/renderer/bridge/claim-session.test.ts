import { describe, expect, it } from 'vitest';
import { claimSession, type ClaimWindow } from './claim-session.ts';

function fakeWindow(hash: string) {
  const log: string[] = [];
  let onHashChange: () => void = () => undefined;
  const win: ClaimWindow = {
    location: { hash, pathname: '/', search: '', reload: () => void log.push('reload') },
    history: {
      replaceState: (_data, _unused, url) => {
        win.location.hash = '';
        log.push(`address ${url}`);
      },
    },
    addEventListener: (_type, listener) => void (onHashChange = listener),
    fetch: async (url, init) => void log.push(`${init.method} ${url} ${init.body}`),
  };
  return { win, log, changeHash: (next: string) => ((win.location.hash = next), onHashChange()) };
}

describe('claimSession', () => {
  it('takes the one-time code out of the address, then sends it once', async () => {
    const { win, log } = fakeWindow('#pair=abc_DEF-123');
    await claimSession(win);
    expect(log).toEqual(['address /', 'POST /pos/session {"code":"abc_DEF-123"}']);
  });

  it('sends nothing and leaves the address alone without a one-time code', async () => {
    for (const hash of ['', '#pair=', '#other=abc', '#pair=a b']) {
      const { win, log } = fakeWindow(hash);
      await claimSession(win);
      expect(log, hash).toEqual([]);
    }
  });

  it('claims a code pasted later into a tab already showing the terminal, then loads the page again', async () => {
    const { win, log, changeHash } = fakeWindow('');
    await claimSession(win);
    changeHash('#pair=later');
    await expect.poll(() => log).toEqual(['address /', 'POST /pos/session {"code":"later"}', 'reload']);
  });
});
