// The manager's choice of key store where no keychain works, remembered in the data folder so the
// terminal uses the same store after a restart. It holds no key, only which store was chosen.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KeyStoreChoice } from '../../shared/domain.ts';
import { makeOwnerOnly, writeFileDurably } from '../../node-shared/index.ts';
import type { Logger } from '../deps.ts';

const ChoiceFile = z.object({ store: KeyStoreChoice });

export interface KeyStoreChoiceFile {
  get(): KeyStoreChoice | undefined;
  set(choice: KeyStoreChoice): Promise<void>;
}

export function createKeyStoreChoiceFile({
  filePath,
  log,
}: {
  filePath: string;
  log: Logger;
}): KeyStoreChoiceFile {
  let current: KeyStoreChoice | undefined;
  try {
    makeOwnerOnly(filePath);
    const parsed = ChoiceFile.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (parsed.success) current = parsed.data.store;
    else
      log.warn('vault: the key store choice file is not understood; the manager is asked again', {
        filePath,
      });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn('vault: the key store choice could not be read; the manager is asked again', {
        error: error instanceof Error ? error.message : String(error),
      });
  }
  return {
    get: () => current,
    async set(choice) {
      await writeFileDurably(filePath, `${JSON.stringify({ store: choice })}\n`);
      current = choice;
    },
  };
}
