// The credentials service: saves tested keys bound to their server, compares typed keys with the
// terminal's own, and scrubs every key it has handed out from text meant for the screen.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../sandbox/index.ts';
import { silentLogger } from '../deps.ts';
import type { ProfileName } from '../profiles/index.ts';
import { createVault } from '../vault/index.ts';
import { createFakeKeytar } from '../vault/testing/test-doubles.ts';
import { createCredentialsService, LIVE_KEYS } from './index.ts';

const KEYS = { appId: 'app_live', accessKey: 'AK_service_1', secretKey: 'SK_service_1' };
const HOME = 'https://pay-open-liveapi.kalp.studio';

function service(profile: ProfileName | null = 'live') {
  const vault = createVault({
    keytar: createFakeKeytar(),
    filePath: join(tmpdir(), 'unused-keys.bin'),
    log: silentLogger,
  });
  const credentials = createCredentialsService({
    vault,
    profiles: { active: () => profile },
  });
  return { vault, credentials };
}

describe('credentials service', () => {
  it('saves keys bound to the origin they were tested with, and gives them back only for it', async () => {
    const { vault, credentials } = service();
    expect(await credentials.hasLiveKeys()).toBe(false);
    const typed = { ...KEYS, environment: 'live' as const };
    await credentials.saveLiveKeys(typed, `${HOME}/v2`);
    expect(await vault.get(LIVE_KEYS)).toEqual({ ...KEYS, origin: HOME });
    expect(await credentials.hasLiveKeys()).toBe(true);
    await expect(credentials.liveKeysFor({ baseUrl: HOME, appId: 'app_live' })).resolves.toEqual(KEYS);
    await expect(
      credentials.liveKeysFor({ baseUrl: 'http://127.0.0.1:4999', appId: 'app_live' }),
    ).rejects.toMatchObject({ code: 'keys_elsewhere' });
  });

  it('tells the saved keys from others typed, and accepts the Demo keys only on a Demo terminal', async () => {
    const live = service('live');
    expect(await live.credentials.ownsTheKeys(KEYS.accessKey, KEYS.secretKey)).toBe(false);
    await live.credentials.saveLiveKeys(KEYS, HOME);
    expect(await live.credentials.ownsTheKeys(KEYS.accessKey, KEYS.secretKey)).toBe(true);
    expect(await live.credentials.ownsTheKeys(KEYS.accessKey, 'SK_service_2')).toBe(false);
    expect(await live.credentials.ownsTheKeys(KEYS.accessKey, `${KEYS.secretKey}x`)).toBe(false);
    expect(await live.credentials.ownsTheKeys(DEMO_CREDENTIALS.accessKey, DEMO_CREDENTIALS.secretKey)).toBe(
      false,
    );

    const demo = service('demo');
    expect(await demo.credentials.ownsTheKeys(DEMO_CREDENTIALS.accessKey, DEMO_CREDENTIALS.secretKey)).toBe(
      true,
    );
    expect(
      await service(null).credentials.ownsTheKeys(DEMO_CREDENTIALS.accessKey, DEMO_CREDENTIALS.secretKey),
    ).toBe(false);
  });

  it('scrubs the Demo keys and every live key it has read out, and gives copies of the Demo keys', async () => {
    const { credentials } = service();
    await credentials.saveLiveKeys(KEYS, HOME);
    const text = (keys: { accessKey: string; secretKey: string }) =>
      `bad keys ${keys.accessKey}/${keys.secretKey}`;
    expect(credentials.scrub(text(DEMO_CREDENTIALS))).toBe('bad keys [redacted]/[redacted]');
    expect(credentials.scrub(text(KEYS))).toBe(text(KEYS));
    await credentials.liveKeysFor({ baseUrl: HOME, appId: 'app_live' });
    expect(credentials.scrub(text(KEYS))).toBe('bad keys [redacted]/[redacted]');
    const demo = credentials.demoKeys();
    demo.secretKey = 'changed';
    expect(credentials.demoKeys()).toEqual({ ...DEMO_CREDENTIALS });
  });
});
