// Versioned steps that bring an older settings file up to the current shape. Each step takes the
// raw object of version `from` and returns version `from + 1`; the store stamps `schemaVersion`.

export interface SettingsMigration {
  from: number;
  /** What changed, for the log. */
  describe: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    from: 0,
    describe: 'a file without a version (written by hand or before versioning) is read as version 1',
    up: (raw) => raw,
  },
];

/** The version a list of migrations leads to: one past the last step. */
export function targetVersion(migrations: readonly SettingsMigration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.from + 1), 0);
}
