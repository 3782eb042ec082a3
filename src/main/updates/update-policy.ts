// When the terminal may look for, download and install an update. Off unless a manager turns it on,
// only from an https feed, and never while a sale is in progress.
import type { Settings } from '../../shared/domain.ts';

export type UpdateSettings = Pick<Settings, 'autoUpdate'>;

/** electron-updater's generic-provider options (`autoUpdater.setFeedURL(...)`). */
export interface GenericFeed {
  provider: 'generic';
  url: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The feed to use, or null when updates are off or the feed URL is not https (plain http only on loopback, for tests). */
export function updateFeed(settings: UpdateSettings): GenericFeed | null {
  const { enabled, feedUrl } = settings.autoUpdate;
  if (!enabled || !feedUrl) return null;
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return secure ? { provider: 'generic', url: url.toString() } : null;
}

/** Whether to ask the feed for an update now. */
export function shouldCheckForUpdates(input: { settings: UpdateSettings; saleInProgress: boolean }): boolean {
  return !input.saleInProgress && updateFeed(input.settings) !== null;
}

/**
 * Whether a downloaded update may be installed now (quit and install). Never mid-sale: a restart
 * there would leave the customer's payment in limbo until reconciliation.
 */
export function mayInstallDownloadedUpdate(input: { settings: UpdateSettings; saleInProgress: boolean; pendingSales: number }): boolean {
  return !input.saleInProgress && input.pendingSales === 0 && updateFeed(input.settings) !== null;
}
