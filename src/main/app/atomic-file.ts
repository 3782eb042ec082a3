// Small state files (profile, last used choice) written so a crash never leaves half a file.
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `text` so a crash leaves either the old file or the new one, never half of either. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
