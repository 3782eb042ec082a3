// The application menu, by platform. Electron installs a default menu whose accelerators work even with
// the menu bar hidden: Reload (Ctrl/Cmd+R) would reload the till mid-sale and Toggle Developer Tools
// (Ctrl+Shift+I) would open DevTools on the customer's payment page. Windows and Linux get no menu at all;
// macOS keeps its app menu (always first there: About, Hide, Quit) and the Edit roles, so copy and paste
// work in text fields. Neither has a reload or DevTools item.

/** The menu items this app uses: roles only (a subset of Electron's MenuItemConstructorOptions). */
export interface MenuRoleItem {
  role: 'appMenu' | 'editMenu';
}

/** The template for Menu.buildFromTemplate, or null for Menu.setApplicationMenu(null) (no menu, no accelerators). */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuRoleItem[] | null {
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }];
  return null;
}

/** DevTools exist in development only: an installed terminal has none to open, by shortcut or otherwise. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}
