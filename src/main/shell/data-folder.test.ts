import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { developmentDataFolder } from './data-folder.ts';

describe('the development data folder', () => {
  it('is a folder of its own beside the installed app’s', () => {
    const folder = developmentDataFolder('/home/ana/.config', 'KS Pay POS', false);
    expect(folder).toBe(join('/home/ana/.config', 'KS Pay POS (development)'));
    expect(folder).not.toBe(join('/home/ana/.config', 'KS Pay POS'));
  });

  it('is left to Electron in an installed app', () => {
    expect(developmentDataFolder('/home/ana/.config', 'KS Pay POS', true)).toBeNull();
  });

  it('is set before the single-instance lock is taken (the lock lives in the data folder)', () => {
    const root = fileURLToPath(new URL('../index.ts', import.meta.url));
    const source = readFileSync(root, 'utf8');
    const setPath = source.indexOf("app.setPath('userData'");
    const lock = source.indexOf('app.requestSingleInstanceLock()');
    expect(setPath).toBeGreaterThan(-1);
    expect(lock).toBeGreaterThan(setPath);
  });
});
