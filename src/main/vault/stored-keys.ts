// What one vault entry holds: the KS Pay keys and where they were tested, the server origin and the
// App ID, so they are never sent to another server. Entries saved before the origin was recorded
// have none; the caller binds them once (see credentials/key-binding.ts).
import { z } from 'zod';
import { Credentials } from '../../shared/domain.ts';

export const StoredKeys = Credentials.extend({
  /** `scheme://host[:port]` of the server the keys were tested against, e.g. https://pay-open-liveapi.kalp.studio. */
  origin: z.string().url().optional(),
});
export type StoredKeys = z.infer<typeof StoredKeys>;

/** A new entry always names its origin. */
export const BoundKeys = StoredKeys.required({ origin: true });
export type BoundKeys = z.infer<typeof BoundKeys>;
