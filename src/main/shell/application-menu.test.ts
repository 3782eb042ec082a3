import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, devToolsAllowed } from './application-menu.ts';

describe('the application menu', () => {
  it('is removed on Windows and Linux, so no reload or DevTools shortcut exists', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });

  it('keeps only the app menu and the Edit roles on macOS', () => {
    const template = applicationMenuTemplate('darwin');
    expect(template).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    const roles = JSON.stringify(template);
    for (const dangerous of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu']) {
      expect(roles).not.toContain(dangerous);
    }
  });
});

describe('DevTools', () => {
  it('exist in development only', () => {
    expect(devToolsAllowed(false)).toBe(true);
    expect(devToolsAllowed(true)).toBe(false);
  });
});
