// The update controller against an updater with electron-updater's shape: it checks and installs only
// when the policy allows, and never throws into the app.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import type { AutoUpdaterLike, UpdateControllerOptions } from './update-controller.ts';
import { createUpdateController } from './update-controller.ts';
import type { GenericFeed, UpdateSettings } from './update-policy.ts';

// electron-updater's autoUpdater is an EventEmitter with these members; this records what was asked of it.
class RecordingUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feeds: GenericFeed[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failNextCheck = false;
  setFeedURL(options: GenericFeed): void {
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

function setup(state: { settings: UpdateSettings; sale?: boolean; pending?: number }) {
  const updater = new RecordingUpdater();
  const options: UpdateControllerOptions = {
    updater,
    settings: () => state.settings,
    saleInProgress: () => state.sale ?? false,
    pendingSales: () => state.pending ?? 0,
    log: silentLogger,
  };
  return { updater, controller: createUpdateController(options) };
}
const enabled: UpdateSettings = { autoUpdate: { enabled: true, feedUrl: 'https://updates.example.com/pos/' } };

describe('createUpdateController', () => {
  it('takes install-on-quit away from electron-updater', () => {
    const { updater } = setup({ settings: enabled });
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('does not touch the network while updates are off', async () => {
    const { updater, controller } = setup({ settings: { autoUpdate: { enabled: false } } });
    expect(await controller.check()).toBe('skipped');
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
  });

  it('sets the generic feed once and checks when allowed', async () => {
    const { updater, controller } = setup({ settings: enabled });
    expect(await controller.check()).toBe('checked');
    expect(await controller.check()).toBe('checked');
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/pos/' }]);
    expect(updater.checks).toBe(2);
  });

  it('skips the check during a sale', async () => {
    const state = { settings: enabled, sale: true };
    const { updater, controller } = setup(state);
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

  it('keeps running when the updater reports an error', () => {
    const { updater } = setup({ settings: enabled });
    expect(() => updater.emit('error', new Error('feed returned 404'))).not.toThrow();
  });
});
