// The checkout return address is a setting (a KS Pay environment may refuse the reserved `.invalid` host).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKOUT_RETURN_URL } from '../../shared/domain.ts';
import { silentLogger } from '../deps.ts';
import { createSettingsStore } from './index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'return-setting-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the checkout return address setting', () => {
  it('is filled with the default when a settings file from before it is read', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ terminalName: 'Counter 2' }));
    const settings = createSettingsStore({ cwd: dir, log: silentLogger }).get();
    expect(settings.terminalName).toBe('Counter 2');
    expect(settings.checkoutReturnUrl).toBe(DEFAULT_CHECKOUT_RETURN_URL);
    expect(DEFAULT_CHECKOUT_RETURN_URL).toBe('https://ks-pay-pos.invalid/checkout/return');
  });

  it('takes another https address and refuses plain http, naming the field', () => {
    const store = createSettingsStore({ cwd: dir, log: silentLogger });
    expect(store.update({ checkoutReturnUrl: 'https://pos-return.example.com/back' }).checkoutReturnUrl).toBe(
      'https://pos-return.example.com/back',
    );
    expect(() => store.update({ checkoutReturnUrl: 'http://pos-return.example.com/back' })).toThrow(
      /checkout return address.*https:\/\//i,
    );
  });
});
