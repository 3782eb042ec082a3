// The update controller against an updater with electron-updater's shape: it uses only the feed the
// build fixed, checks and installs only when the policy allows, and never throws into the app.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import type { AutoUpdaterLike, UpdateControllerOptions } from './update-controller.ts';
import { createUpdateController } from './update-controller.ts';
import type { UpdateBuild } from './update-build.ts';
import type { FeedOptions } from './update-feed.ts';
import { SignedFeedProvider } from './signed-feed-provider.ts';
import type { UpdateSettings } from './update-policy.ts';
import type { VerifyCodeSignature } from './windows-publisher.ts';

// electron-updater's autoUpdater is an EventEmitter with these members; this records what was asked of it.
class RecordingUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  disableDifferentialDownload = false;
  disableWebInstaller = false;
  verifyUpdateCodeSignature?: VerifyCodeSignature;
  feeds: FeedOptions[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failNextCheck = false;
  setFeedURL(options: FeedOptions): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    if (this.failNextCheck) {
      this.failNextCheck = false;
      throw new Error('net::ERR_NAME_NOT_RESOLVED');
    }
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const FEED = 'https://updates.kspay.example/pos/';
const BUILD: UpdateBuild = {
  feedUrl: FEED,
  publicKey: 'MCowBQYDK2VwAyEA',
  windowsPublisherNames: ['Kalp Studio'],
  macSigned: true,
};
const enabled: UpdateSettings = { autoUpdate: { enabled: true } };

const APP_UPDATE_YML =
  'provider: generic\nurl: https://updates.kspay.example/pos/\npublisherName:\n  - Kalp Studio\nupdaterCacheDirName: ks-pay-pos-updater\n';

function setup(state: {
  settings: UpdateSettings;
  sale?: boolean;
  pending?: number;
  platform?: NodeJS.Platform;
  build?: UpdateBuild;
  updater?: RecordingUpdater;
  appUpdateConfig?: string | null;
}) {
  const updater = state.updater ?? new RecordingUpdater();
  const options: UpdateControllerOptions = {
    updater,
    platform: state.platform ?? 'linux',
    build: state.build ?? BUILD,
    appUpdateConfig: state.appUpdateConfig === undefined ? APP_UPDATE_YML : state.appUpdateConfig,
    settings: () => state.settings,
    saleInProgress: () => state.sale ?? false,
    pendingSales: () => state.pending ?? 0,
    log: silentLogger,
  };
  return { updater, controller: createUpdateController(options) };
}

describe('createUpdateController', () => {
  it('takes install-on-quit away from electron-updater and downloads whole, hash-checked files only', () => {
    const { updater } = setup({ settings: enabled });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.disableDifferentialDownload).toBe(true);
    expect(updater.disableWebInstaller).toBe(true);
  });

  it('does not touch the network while updates are off', async () => {
    const { updater, controller } = setup({ settings: { autoUpdate: { enabled: false } } });
    expect(await controller.check()).toBe('skipped');
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
  });

  it('on Linux uses the build feed through the signature-checking provider, set once', async () => {
    const { updater, controller } = setup({ settings: enabled });
    expect(await controller.check()).toBe('checked');
    expect(await controller.check()).toBe('checked');
    expect(updater.feeds).toEqual([
      { provider: 'custom', updateProvider: SignedFeedProvider, feedUrl: FEED, publicKey: BUILD.publicKey },
    ]);
    expect(updater.checks).toBe(2);
  });

  it('on macOS uses the build feed with the generic provider (Squirrel.Mac checks the code signature)', async () => {
    const { updater, controller } = setup({ settings: enabled, platform: 'darwin' });
    expect(await controller.check()).toBe('checked');
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }]);
  });

  it('on Windows pins the installer signature check to the build publisher', async () => {
    const updater = new RecordingUpdater();
    const asked: string[][] = [];
    updater.verifyUpdateCodeSignature = async (names) => {
      asked.push(names);
      return null;
    };
    const { controller } = setup({ settings: enabled, platform: 'win32', updater });
    expect(await controller.check()).toBe('checked');
    expect(await updater.verifyUpdateCodeSignature(['Whoever app-update.yml names'], 'C:\\u.exe')).toBeNull();
    expect(asked).toEqual([['Kalp Studio']]);
  });

  it('stays off on Windows when app-update.yml names no publisher (electron-updater would skip the check)', async () => {
    for (const appUpdateConfig of [
      null,
      'provider: generic\nurl: https://updates.kspay.example/pos/\n',
      'publisherName: []\n',
      ': [',
    ]) {
      const updater = new RecordingUpdater();
      updater.verifyUpdateCodeSignature = async () => null;
      const { controller } = setup({ settings: enabled, platform: 'win32', updater, appUpdateConfig });
      expect(controller.verification, String(appUpdateConfig)).toEqual({
        verifiable: false,
        reason: expect.stringContaining('cannot check the publisher'),
      });
      expect(await controller.check()).toBe('skipped');
      expect(updater.feeds).toEqual([]);
    }
  });

  it('stays off on Windows when the updater cannot check a publisher', async () => {
    const { updater, controller } = setup({ settings: enabled, platform: 'win32' });
    expect(controller.verification.verifiable).toBe(false);
    expect(await controller.check()).toBe('skipped');
    expect(updater.feeds).toEqual([]);
  });

  it('stays off, with the reason, where the build cannot check updates, even when a manager turned them on', async () => {
    const { updater, controller } = setup({ settings: enabled, build: { ...BUILD, publicKey: null } });
    expect(controller.verification).toEqual({
      verifiable: false,
      reason: expect.stringContaining('without the update signing key'),
    });
    expect(await controller.check()).toBe('skipped');
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
  });

  it('skips the check during a sale', async () => {
    const { updater, controller } = setup({ settings: enabled, sale: true });
    expect(await controller.check()).toBe('skipped');
    expect(updater.checks).toBe(0);
  });

  it('reports a failed check instead of throwing', async () => {
    const { updater, controller } = setup({ settings: enabled });
    updater.failNextCheck = true;
    expect(await controller.check()).toBe('failed');
  });

  it('installs a downloaded update only once no sale is running or pending', () => {
    const state = { settings: enabled, sale: true, pending: 1 };
    const { updater, controller } = setup(state);
    expect(controller.installIfReady()).toBe(false);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(controller.downloadedVersion()).toBe('0.2.0');
    expect(controller.installIfReady()).toBe(false);
    state.sale = false;
    expect(controller.installIfReady()).toBe(false);
    state.pending = 0;
    expect(controller.installIfReady()).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('keeps running when the updater reports an error (a refused update included)', () => {
    const { updater } = setup({ settings: enabled });
    expect(() => updater.emit('error', new Error('bad_signature'))).not.toThrow();
  });
});
