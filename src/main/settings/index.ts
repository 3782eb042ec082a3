// Settings' public face.
export { createSettingsStore, SettingsError } from './settings-store.ts';
export type {
  SettingsStore,
  SettingsStoreOptions,
  SettingsListener,
  SettingsErrorCode,
} from './settings-store.ts';
export { SETTINGS_MIGRATIONS } from './migrations.ts';
export type { SettingsMigration } from './migrations.ts';
export { isAllowedBaseUrl } from './settings-schema.ts';
export { fieldMessages, fieldLabel } from './field-messages.ts';
export { CheckedSettings } from './settings-schema.ts';
