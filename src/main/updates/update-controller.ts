// Drives electron-updater's autoUpdater by the update policy: it looks for an update only when a
// manager turned updates on with an https feed and no sale is running, and installs a downloaded one
// only when no sale is running or pending. Takes the updater as a parameter (plain Node, testable).
import type { Logger } from '../deps.ts';
import type { GenericFeed, UpdateSettings } from './update-policy.ts';
import { mayInstallDownloadedUpdate, shouldCheckForUpdates, updateFeed } from './update-policy.ts';

/** The part of electron-updater's `autoUpdater` this uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateControllerOptions {
  updater: AutoUpdaterLike;
  settings(): UpdateSettings;
  /** A sale between Charge and its final result. */
  saleInProgress(): boolean;
  /** Sales not final yet (unknown, awaiting reconciliation). */
  pendingSales(): number;
  log: Logger;
}

export interface UpdateController {
  /** Looks for an update when the policy allows; 'skipped' otherwise. Never throws. */
  check(): Promise<'checked' | 'skipped' | 'failed'>;
  /** Restarts into a downloaded update when the policy allows; true when it did. */
  installIfReady(): boolean;
  downloadedVersion(): string | null;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, log } = options;
  // electron-updater would otherwise install on any quit, mid-sale included; this controller decides.
  updater.autoInstallOnAppQuit = false;
  updater.autoDownload = true;
  let downloaded: string | null = null;
  let feedUrl: string | null = null;
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info('updates: downloaded, will install when no sale is running', { version: info.version });
  });
  updater.on('error', (error) => log.warn('updates: the update feed failed', { error: error.message }));

  return {
    async check() {
      const settings = options.settings();
      if (!shouldCheckForUpdates({ settings, saleInProgress: options.saleInProgress() })) return 'skipped';
      const feed = updateFeed(settings);
      if (!feed) return 'skipped';
      if (feed.url !== feedUrl) {
        updater.setFeedURL(feed);
        feedUrl = feed.url;
      }
      try {
        await updater.checkForUpdates();
        return 'checked';
      } catch (error) {
        log.warn('updates: could not check for an update', { error: error instanceof Error ? error.message : String(error) });
        return 'failed';
      }
    },
    installIfReady() {
      if (downloaded === null) return false;
      const allowed = mayInstallDownloadedUpdate({ settings: options.settings(), saleInProgress: options.saleInProgress(), pendingSales: options.pendingSales() });
      if (!allowed) return false;
      log.info('updates: restarting into the downloaded update', { version: downloaded });
      updater.quitAndInstall(false, true);
      return true;
    },
    downloadedVersion: () => downloaded,
  };
}
