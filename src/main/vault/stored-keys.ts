// What one vault entry holds: the KS Pay keys and where they were tested, the server origin and the
// App ID, so they are never sent to another server (see credentials/key-binding.ts). An entry without
// them is not keys: the vault reads it as damaged and the manager types the keys again.
import { z } from 'zod';
import { Credentials } from '../../shared/domain.ts';

export const StoredKeys = Credentials.extend({
  /** `scheme://host[:port]` of the server the keys were tested against, e.g. https://pay-open-liveapi.kalp.studio. */
  origin: z.string().url(),
});
export type StoredKeys = z.infer<typeof StoredKeys>;
