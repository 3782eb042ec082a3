import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createSettingsStore } from '../settings/index.ts';
import { checkWhenUpdatesTurnOn } from './update-switch.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'update-switch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('turning updates on in Settings', () => {
  it('checks for an update at once, and only when they go from off to on', () => {
    const settings = createSettingsStore({ cwd: dir, log: silentLogger });
    const check = vi.fn(() => Promise.resolve('checked'));
    const stop = checkWhenUpdatesTurnOn((listener) => settings.onChange(listener), check);

    settings.update({ terminalName: 'Counter 2' });
    expect(check).not.toHaveBeenCalled();
    settings.update({ autoUpdate: { enabled: true } });
    expect(check).toHaveBeenCalledTimes(1);
    settings.update({ terminalName: 'Counter 3' });
    settings.update({ autoUpdate: { enabled: false } });
    expect(check).toHaveBeenCalledTimes(1);

    stop();
    settings.update({ autoUpdate: { enabled: true } });
    expect(check).toHaveBeenCalledTimes(1);
  });
});
