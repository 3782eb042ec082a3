// settings.update: a new reference prefix checked as free, the manager's patch applied by the settings
// store, and one audit entry naming exactly the fields whose values changed (none when nothing changed).
import type { Settings } from '../../shared/domain.ts';
import { changedSettings, type SettingsPatch } from '../../shared/settings-patch.ts';
import type { AuditLog } from '../audit/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import type { PrefixGuard } from './prefix-guard.ts';

export interface SettingsUpdateDeps {
  settings: Pick<SettingsStore, 'get' | 'update'>;
  audit: Pick<AuditLog, 'record'>;
}

export async function updateSettings(
  { settings, audit }: SettingsUpdateDeps,
  patch: SettingsPatch,
  actor: string,
): Promise<Settings> {
  const before = settings.get();
  const after = settings.update(patch);
  const changed = changedSettings(before, after);
  if (changed.length > 0)
    await audit.record({ action: 'settings.changed', actor, detail: `Changed: ${changed.join(', ')}` });
  return after;
}

/** A patch that changes the reference prefix is refused when another terminal used the new one today. */
export async function requireNewPrefixFree(
  {
    settings,
    prefixGuard,
  }: { settings: Pick<SettingsStore, 'get'>; prefixGuard: Pick<PrefixGuard, 'requireFree'> },
  patch: SettingsPatch,
): Promise<void> {
  const prefix = patch.referencePrefix;
  if (prefix !== undefined && prefix !== settings.get().referencePrefix)
    await prefixGuard.requireFree(prefix);
}
