// The installer configuration keeps its promises: schema-valid, fuses flipped, hardened macOS build,
// per-machine Windows option, libsecret on Linux, and a complete icon set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig } from '../scripts/builder-config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let config: Record<string, unknown>;
beforeAll(async () => {
  config = await loadBuilderConfig(root);
});
const section = (name: string): Record<string, unknown> => (config[name] ?? {}) as Record<string, unknown>;
const targets = (platform: string): string[] =>
  ((section(platform)['target'] ?? []) as Array<string | { target: string }>).map((target) =>
    typeof target === 'string' ? target : target.target,
  );

function pngSize(path: string): [number, number] {
  const data = readFileSync(path);
  expect(data.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and names the app', () => {
    expect(config['appId']).toBe('studio.kalp.kspay.pos');
    expect(config['productName']).toBe('KS Pay POS');
    // The version must come from package.json, never be pinned here.
    expect(config['extraMetadata']).toBeUndefined();
    expect(config['buildVersion']).toBeUndefined();
  });

  it('flips the Electron fuses that close the side doors', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config['asar']).toBe(true);
  });

  it('builds an NSIS installer that can install for every user of a machine', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(section('nsis')).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  });

  it('builds a hardened, notarizable dmg with a minimal entitlements file', () => {
    expect(targets('mac')).toContain('dmg');
    expect(section('mac')).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
    });
    const entitlements = readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
  });

  it('builds a zip beside the dmg for every macOS architecture, which macOS auto-update installs from', () => {
    const mac = (section('mac')['target'] ?? []) as Array<string | { target: string; arch?: string[] }>;
    const entry = (name: string) =>
      mac.find((target) => typeof target !== 'string' && target.target === name) as
        { arch?: string[] } | undefined;
    expect(targets('mac').sort()).toEqual(['dmg', 'zip']);
    expect(entry('zip')?.arch?.sort()).toEqual(entry('dmg')?.arch?.sort());
  });

  it('builds an AppImage and a deb that depends on libsecret for the keychain', () => {
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(section('deb')['depends']).toContain('libsecret-1-0');
  });

  it('publishes update metadata for the feed fixed at build time', () => {
    expect(config['publish']).toEqual([{ provider: 'generic', url: '${env.KSPAY_UPDATE_FEED_URL}' }]);
  });

  it('checks the publisher of a downloaded Windows update before installing it', () => {
    expect(section('win')['verifyUpdateCodeSignature']).toBe(true);
    // The publisher is never pinned here: dist.sh passes the one the build environment names.
    expect(section('win')['signtoolOptions']).toBeUndefined();
    const dist = readFileSync(join(root, 'scripts/dist.sh'), 'utf8');
    expect(dist).toContain('--config.win.signtoolOptions.publisherName="$KSPAY_WIN_PUBLISHER_NAME"');
    expect(dist).toContain('node scripts/update-signing.ts sign');
  });

  it('ships only the built app, without source maps or tests', () => {
    expect(config['files']).toEqual([{ filter: ['out/**', 'package.json', '!**/*.map', '!**/*.test.*'] }]);
  });
});

describe('icons', () => {
  it('has a PNG for every size from 16 to 1024, each the size its name says', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(root, `resources/icons/${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(pngSize(join(root, 'resources/icon.png'))).toEqual([1024, 1024]);
  });

  it('has a Windows .ico holding 16 to 256 pixel images', () => {
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(widths).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns up to 1024 pixels (ic10)', () => {
    const icns = readFileSync(join(root, 'resources/icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.subarray(offset, offset + 4).toString('latin1'));
    expect(types).toContain('ic10');
    expect(types).toContain('icp4');
  });

  it('keeps the source SVG beside the renderings', () => {
    expect(existsSync(join(root, 'resources/icon.svg'))).toBe(true);
  });
});
