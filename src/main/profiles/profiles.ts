// Which profile the terminal runs: none yet (first run), Demo (the built-in sandbox) or live (real
// KS Pay keys). Each profile has its own folder, so Demo sales never mix with real ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../deps.ts';
import { writeFileDurably } from '../../node-shared/index.ts';

export const ProfileName = z.enum(['demo', 'live']);
export type ProfileName = z.infer<typeof ProfileName>;

const ProfileFile = z.object({ active: ProfileName });

export interface Profiles {
  /** null on first run. */
  active(): ProfileName | null;
  setActive(profile: ProfileName): Promise<void>;
  /** `<dataDir>/profiles/<name>`: the profile's journal and its small files. */
  dirOf(profile: ProfileName): string;
}

export function createProfiles({ dataDir, log }: { dataDir: string; log: Logger }): Profiles {
  const filePath = join(dataDir, 'profile.json');
  let active: ProfileName | null = null;
  try {
    const parsed = ProfileFile.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) active = parsed.data.active;
    else log.warn('profiles: profile.json does not fit its schema; starting as on first run');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn('profiles: profile.json could not be read; starting as on first run', {
        error: (error as Error).message,
      });
  }

  return {
    active: () => active,
    async setActive(profile) {
      await writeFileDurably(filePath, `${JSON.stringify({ active: profile })}\n`);
      active = profile;
    },
    dirOf: (profile) => join(dataDir, 'profiles', profile),
  };
}
