import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createProfiles } from './profiles.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pos-profiles-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('profiles', () => {
  it('starts with no profile, and remembers the chosen one across restarts', async () => {
    const first = createProfiles({ dataDir, log: silentLogger });
    expect(first.active()).toBeNull();
    await first.setActive('demo');
    expect(createProfiles({ dataDir, log: silentLogger }).active()).toBe('demo');
    expect(JSON.parse(await readFile(join(dataDir, 'profile.json'), 'utf8'))).toEqual({ active: 'demo' });
  });

  it('keeps Demo and live in separate folders', () => {
    const profiles = createProfiles({ dataDir, log: silentLogger });
    expect(profiles.dirOf('demo')).toBe(join(dataDir, 'profiles', 'demo'));
    expect(profiles.dirOf('live')).toBe(join(dataDir, 'profiles', 'live'));
  });

  it('treats a damaged profile file as first run instead of failing to start', async () => {
    await writeFile(join(dataDir, 'profile.json'), '{"active":"production"}');
    expect(createProfiles({ dataDir, log: silentLogger }).active()).toBeNull();
    await writeFile(join(dataDir, 'profile.json'), '{"act');
    expect(createProfiles({ dataDir, log: silentLogger }).active()).toBeNull();
  });
});
