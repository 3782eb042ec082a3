// When the terminal may look for, download and install an update: only when a manager turned updates on,
// only when this build can check an update on this platform, and never while a sale is in progress.
import type { Settings } from '../../shared/domain.ts';
import type { UpdateVerification } from './update-verification.ts';

export type UpdateSettings = Pick<Settings, 'autoUpdate'>;

export interface UpdatePolicyInput {
  settings: UpdateSettings;
  verification: UpdateVerification;
  saleInProgress: boolean;
}

/** Whether to ask the feed for an update now. */
export function shouldCheckForUpdates(input: UpdatePolicyInput): boolean {
  return !input.saleInProgress && input.settings.autoUpdate.enabled && input.verification.verifiable;
}

/**
 * Whether a downloaded update may be installed now (quit and install). Never mid-sale: a restart
 * there would leave the customer's payment in limbo until reconciliation.
 */
export function mayInstallDownloadedUpdate(input: UpdatePolicyInput & { pendingSales: number }): boolean {
  return input.pendingSales === 0 && shouldCheckForUpdates(input);
}
