// Drives electron-updater's autoUpdater by the update policy: it looks for an update only on the feed
// fixed at build time, only when a manager turned updates on, this build can check an update on this
// platform and no sale is running; it installs a downloaded one only when no sale is running or pending.
// Takes the updater as a parameter (plain Node, testable).
import type { Logger } from '../deps.ts';
import type { UpdateBuild } from './update-build.ts';
import { feedOptions, type FeedOptions } from './update-feed.ts';
import { mayInstallDownloadedUpdate, shouldCheckForUpdates, type UpdateSettings } from './update-policy.ts';
import { updateVerification, type UpdateVerification } from './update-verification.ts';
import {
  appUpdateConfigNamesPublisher,
  requireBuildPublisher,
  type VerifyCodeSignature,
} from './windows-publisher.ts';

/** The part of electron-updater's `autoUpdater` this uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  /** Blockmap pieces are not in the signed metadata: always download the whole file, checked by its sha512. */
  disableDifferentialDownload: boolean;
  disableWebInstaller: boolean;
  /** NsisUpdater only (Windows). */
  verifyUpdateCodeSignature?: VerifyCodeSignature;
  setFeedURL(options: FeedOptions): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateControllerOptions {
  updater: AutoUpdaterLike;
  platform: NodeJS.Platform;
  /** What the build fixed: the feed, the Linux key, the Windows publisher, the macOS signature. */
  build: UpdateBuild;
  /** The packaged app-update.yml's text (null when missing): on Windows it must name the publisher. */
  appUpdateConfig: string | null;
  settings(): UpdateSettings;
  /** A sale between Charge and its final result. */
  saleInProgress(): boolean;
  /** Sales not final yet (unknown, awaiting reconciliation). */
  pendingSales(): number;
  log: Logger;
}

export interface UpdateController {
  /** Whether updates can be checked here, and if not why (for the Settings screen). */
  readonly verification: UpdateVerification;
  /** Looks for an update when the policy allows; 'skipped' otherwise. Never throws. */
  check(): Promise<'checked' | 'skipped' | 'failed'>;
  /** Restarts into a downloaded update when the policy allows; true when it did. */
  installIfReady(): boolean;
  downloadedVersion(): string | null;
}

const WINDOWS_UNCHECKED =
  'Automatic updates are not available on Windows: this copy cannot check the publisher of a downloaded update. Install new versions with the installer your administrator provides.';

function verificationFor(options: UpdateControllerOptions): UpdateVerification {
  const verification = updateVerification(options.platform, options.build);
  if (!verification.verifiable || verification.method !== 'windows-publisher') return verification;
  // electron-updater skips the publisher check when app-update.yml names no publisher: then stay off.
  if (!options.updater.verifyUpdateCodeSignature || !appUpdateConfigNamesPublisher(options.appUpdateConfig)) {
    return { verifiable: false, reason: WINDOWS_UNCHECKED };
  }
  return verification;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, log } = options;
  const verification = verificationFor(options);
  // electron-updater would otherwise install on any quit, mid-sale included; this controller decides.
  updater.autoInstallOnAppQuit = false;
  updater.autoDownload = true;
  updater.disableDifferentialDownload = true;
  updater.disableWebInstaller = true;
  if (
    verification.verifiable &&
    verification.method === 'windows-publisher' &&
    updater.verifyUpdateCodeSignature
  ) {
    updater.verifyUpdateCodeSignature = requireBuildPublisher(
      options.build.windowsPublisherNames,
      updater.verifyUpdateCodeSignature,
    );
  }
  const feed = feedOptions(verification, options.build);
  if (!verification.verifiable) log.info('updates: off on this terminal', { reason: verification.reason });
  let feedSet = false;
  let downloaded: string | null = null;
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info('updates: downloaded, will install when no sale is running', { version: info.version });
  });
  updater.on('error', (error) =>
    log.warn('updates: the update was refused or the feed failed', { error: error.message }),
  );

  const policy = () => ({
    settings: options.settings(),
    verification,
    saleInProgress: options.saleInProgress(),
  });

  return {
    verification,
    async check() {
      if (feed === null || !shouldCheckForUpdates(policy())) return 'skipped';
      if (!feedSet) {
        updater.setFeedURL(feed);
        feedSet = true;
      }
      try {
        await updater.checkForUpdates();
        return 'checked';
      } catch (error) {
        log.warn('updates: could not check for an update', {
          error: error instanceof Error ? error.message : String(error),
        });
        return 'failed';
      }
    },
    installIfReady() {
      if (downloaded === null) return false;
      if (!mayInstallDownloadedUpdate({ ...policy(), pendingSales: options.pendingSales() })) return false;
      log.info('updates: restarting into the downloaded update', { version: downloaded });
      updater.quitAndInstall(false, true);
      return true;
    },
    downloadedVersion: () => downloaded,
  };
}
