// Stored keys are sent only to the server origin and App ID they were tested for.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createVault, KEYTAR_SERVICE } from '../vault/index.ts';
import { createFakeKeytar } from '../vault/testing/test-doubles.ts';
import { boundKeys, LIVE_KEYS, originOf } from './key-binding.ts';

const KEYS = { appId: 'app_live', accessKey: 'AK_bound_1', secretKey: 'SK_bound_1' };
const HOME = 'https://pay-open-liveapi.kalp.studio';

function setup() {
  const keytar = createFakeKeytar();
  const vault = createVault({ keytar, filePath: join(tmpdir(), 'unused-keys.bin'), log: silentLogger });
  const entry = () => JSON.parse(keytar.items.get(`${KEYTAR_SERVICE}/${LIVE_KEYS}`) ?? 'null') as unknown;
  return { keytar, vault, entry };
}

describe('key binding', () => {
  it('gives the keys for the origin and App ID they were saved for, whatever the path of the base URL', async () => {
    const { vault } = setup();
    await vault.set(LIVE_KEYS, { ...KEYS, origin: HOME });
    await expect(boundKeys({ baseUrl: `${HOME}/v2`, appId: 'app_live' }, { vault })).resolves.toEqual(KEYS);
  });

  it('refuses another server or another App ID, naming both, and leaves the entry as it was', async () => {
    const { vault, entry } = setup();
    await vault.set(LIVE_KEYS, { ...KEYS, origin: HOME });
    const before = entry();
    await expect(
      boundKeys({ baseUrl: 'http://127.0.0.1:4999', appId: 'app_live' }, { vault }),
    ).rejects.toMatchObject({
      code: 'keys_elsewhere',
      message: expect.stringMatching(
        /^The saved KS Pay keys were tested with https:\/\/pay-open-liveapi\.kalp\.studio, but the terminal is set to http:\/\/127\.0\.0\.1:4999, so they were not sent\. .*Change keys/,
      ),
    });
    await expect(boundKeys({ baseUrl: HOME, appId: 'app_other' }, { vault })).rejects.toMatchObject({
      code: 'keys_elsewhere',
      message: expect.stringContaining(
        'tested for App ID app_live, but the terminal is set to App ID app_other',
      ),
    });
    expect(entry()).toEqual(before);
  });

  it('says plainly when no keys are saved', async () => {
    const { vault } = setup();
    await expect(boundKeys({ baseUrl: HOME, appId: 'app_live' }, { vault })).rejects.toMatchObject({
      code: 'not_configured',
      message: expect.stringContaining('No KS Pay keys are saved'),
    });
  });

  it('takes the origin as scheme, host and port only', () => {
    expect(originOf('https://Pay.Example.com:443/api/')).toBe('https://pay.example.com');
    expect(originOf('http://127.0.0.1:4010/x')).toBe('http://127.0.0.1:4010');
  });
});
