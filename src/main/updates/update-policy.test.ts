// The update policy: off by default, https feeds only, never during a sale.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Settings } from '../../shared/domain.ts';
import { mayInstallDownloadedUpdate, shouldCheckForUpdates, updateFeed } from './update-policy.ts';

const on = (feedUrl?: string) => ({ autoUpdate: { enabled: true, ...(feedUrl === undefined ? {} : { feedUrl }) } });

describe('update policy', () => {
  it('is off for a terminal with default settings', () => {
    const defaults = Settings.parse({});
    expect(defaults.autoUpdate.enabled).toBe(false);
    expect(shouldCheckForUpdates({ settings: defaults, saleInProgress: false })).toBe(false);
  });

  it('checks an https generic feed when a manager turned updates on and no sale is running', () => {
    const settings = on('https://updates.example.com/kspay-pos/');
    expect(updateFeed(settings)).toEqual({ provider: 'generic', url: 'https://updates.example.com/kspay-pos/' });
    expect(shouldCheckForUpdates({ settings, saleInProgress: false })).toBe(true);
  });

  it('never checks or installs during a sale, whatever the settings', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.option(fc.webUrl(), { nil: undefined }), fc.nat(5), (enabled, feedUrl, pendingSales) => {
        const settings = { autoUpdate: { enabled, ...(feedUrl === undefined ? {} : { feedUrl }) } };
        expect(shouldCheckForUpdates({ settings, saleInProgress: true })).toBe(false);
        expect(mayInstallDownloadedUpdate({ settings, saleInProgress: true, pendingSales })).toBe(false);
      }),
    );
  });

  it('waits to install while any sale is not final yet', () => {
    const settings = on('https://updates.example.com/');
    expect(mayInstallDownloadedUpdate({ settings, saleInProgress: false, pendingSales: 1 })).toBe(false);
    expect(mayInstallDownloadedUpdate({ settings, saleInProgress: false, pendingSales: 0 })).toBe(true);
  });

  it('refuses feeds that are missing, not https, carry credentials or are not URLs', () => {
    for (const feedUrl of [undefined, 'http://updates.example.com/', 'ftp://updates.example.com/', 'file:///tmp/feed', 'https://user:pw@updates.example.com/', 'not a url', 'javascript:alert(1)']) {
      expect(updateFeed(on(feedUrl)), String(feedUrl)).toBeNull();
    }
  });

  it('allows plain http only on loopback, for a local test feed', () => {
    expect(updateFeed(on('http://127.0.0.1:8080/feed/'))).toEqual({ provider: 'generic', url: 'http://127.0.0.1:8080/feed/' });
  });
});
