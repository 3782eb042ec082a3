// A change to the settings: the fields it names and nothing else. Its schema has no defaults (zod
// fills a default into an absent field, which would move settings nobody touched) and no connection
// fields (where the keys are sent changes only through the connection form, with the keys typed again).
import { z } from 'zod';
import { Settings } from './domain.ts';

/** Changed only by saving the connection form (setup.saveConnection), never by a settings patch. */
export const CONNECTION_SETTINGS = ['environment', 'customBaseUrl', 'appId'] as const;
export type ConnectionSetting = (typeof CONNECTION_SETTINGS)[number];
export type ConnectionSettings = Pick<Settings, ConnectionSetting>;

export const CONNECTION_NOT_IN_PATCH =
  'The KS Pay connection (environment, server address, App ID) is not changed with the other settings. Under Settings → Connection choose Change keys, type the keys again and test the connection.';

function isConnectionSetting(name: string): name is ConnectionSetting {
  return (CONNECTION_SETTINGS as readonly string[]).includes(name);
}

/** What a patch naming `keys` (not settings a patch may change) is told. */
export function notASettingMessage(keys: readonly string[]): string {
  if (keys.some(isConnectionSetting)) return CONNECTION_NOT_IN_PATCH;
  return `"${keys[0] ?? ''}" is not a setting. Keys and tokens are kept in the key vault, never in settings.`;
}

// Each field is the Settings field itself with its default (or optional wrapper) taken off, so the two
// schemas cannot drift apart. `null` clears a setting that may be empty; a field left out is not changed.
const field = Settings.shape;
export const SettingsPatch = z.strictObject(
  {
    terminalName: field.terminalName.unwrap().optional(),
    referencePrefix: field.referencePrefix.unwrap().optional(),
    defaultCurrency: field.defaultCurrency.unwrap().nullable().optional(),
    defaultMethodId: field.defaultMethodId.unwrap().nullable().optional(),
    receiptHeader: field.receiptHeader.unwrap().optional(),
    receiptFooter: field.receiptFooter.unwrap().optional(),
    printer: field.printer.unwrap().optional(),
    idleLockMinutes: field.idleLockMinutes.unwrap().optional(),
    pendingLookupHours: field.pendingLookupHours.unwrap().optional(),
    locale: field.locale.unwrap().nullable().optional(),
    theme: field.theme.unwrap().optional(),
    autoUpdate: field.autoUpdate.unwrap().optional(),
    checkoutReturnUrl: field.checkoutReturnUrl.unwrap().optional(),
    customerDisplay: field.customerDisplay.unwrap().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? notASettingMessage(issue.keys) : undefined) },
);
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type SettingsPatchInput = z.input<typeof SettingsPatch>;
export type PatchableSetting = keyof SettingsPatch;

/** The settings after `patch`: named fields set (null removes an optional one), every other field as it was. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** The fields whose values differ, in the schema's order: what the audit log names. */
export function changedSettings(before: Settings, after: Settings): Array<keyof Settings> {
  return (Object.keys(Settings.shape) as Array<keyof Settings>).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
}
