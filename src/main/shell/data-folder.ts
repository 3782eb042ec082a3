// Where a development run keeps its data. Electron names the data folder after the app, so `npm run dev`
// would share the installed terminal's folder: its single-instance lock (the dev run would quit silently
// beside a running terminal) and its journal, keys and settings (a test sale in the real day's journal).
// A development run gets a folder of its own, set before the lock is taken.
import { join } from 'node:path';

/** The userData folder for a development run, or null for an installed app (Electron's default stays). */
export function developmentDataFolder(
  appDataDir: string,
  appName: string,
  isPackaged: boolean,
): string | null {
  return isPackaged ? null : join(appDataDir, `${appName} (development)`);
}
