// The vault against a real Secret Service: gnome-keyring in a D-Bus session. Run it inside one:
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run src/main/vault'
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createVault, KEYTAR_SERVICE, loadKeytar } from './index.ts';
import type { KeytarLike } from './index.ts';
import { createFakeSafeStorage } from './testing/test-doubles.ts';

const hasDbusSession = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);
if (!hasDbusSession) {
  console.warn(
    'vault.keyring.test.ts skipped: no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset). Run it inside dbus-run-session with gnome-keyring.',
  );
}
const KEYS = {
  appId: 'app_real',
  accessKey: 'AK_keyring_5d1e',
  secretKey: 'SK_keyring_9b7c',
  origin: 'https://pay-open-liveapi.kalp.studio',
};

describe.skipIf(!hasDbusSession)(
  'vault with a real gnome-keyring (skipped: no D-Bus session; run inside dbus-run-session with gnome-keyring-daemon unlocked)',
  () => {
    // Unique accounts, so a run never touches a real user's keys or another run's.
    const profile = `test-${process.pid}-${Date.now()}`;
    const moved = `${profile}-moved`;
    let keytar: KeytarLike;
    let dir: string;

    beforeAll(async () => {
      const load = await loadKeytar();
      if (!load.keytar) throw new Error(`keytar did not load inside the D-Bus session: ${load.error}`);
      keytar = load.keytar;
      dir = await mkdtemp(join(tmpdir(), 'vault-keyring-'));
    });

    afterAll(async () => {
      await keytar?.deletePassword(KEYTAR_SERVICE, profile);
      await keytar?.deletePassword(KEYTAR_SERVICE, moved);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('keeps the keys in the Secret Service as one JSON value per profile', async () => {
      const vault = createVault({ keytar, filePath: join(dir, 'keys.enc.json'), log: silentLogger });
      expect(await vault.status()).toMatchObject({ store: 'keychain', secure: true });
      expect(await vault.has(profile)).toBe(false);

      await vault.set(profile, KEYS);
      expect(JSON.parse((await keytar.getPassword(KEYTAR_SERVICE, profile)) ?? '')).toEqual(KEYS);
      expect(await vault.get(profile)).toEqual(KEYS);

      const updated = { ...KEYS, secretKey: 'SK_keyring_rotated' };
      await vault.set(profile, updated);
      expect(await createVault({ keytar, filePath: join(dir, 'x'), log: silentLogger }).get(profile)).toEqual(
        updated,
      );

      await vault.clear(profile);
      expect(await vault.has(profile)).toBe(false);
      expect(await keytar.getPassword(KEYTAR_SERVICE, profile)).toBeNull();
    });

    it('moves keys from the safeStorage file into the Secret Service once it works', async () => {
      const filePath = join(dir, 'moved.enc.json');
      const safeStorage = createFakeSafeStorage();
      await createVault({ keytar: null, safeStorage, filePath, log: silentLogger }).set(moved, KEYS);
      expect((await stat(filePath)).isFile()).toBe(true);

      const vault = createVault({ keytar, safeStorage, filePath, log: silentLogger });
      expect(await vault.get(moved)).toEqual(KEYS);
      expect(JSON.parse((await keytar.getPassword(KEYTAR_SERVICE, moved)) ?? '')).toEqual(KEYS);
      await expect(stat(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  },
);
