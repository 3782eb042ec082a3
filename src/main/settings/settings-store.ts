// Non-secret settings in a JSON file written by conf (electron-store's base): validated with zod on
// read and write, migrated by version, and a damaged file set aside with a message, never silently reset.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { makeOwnerOnly, OWNER_ONLY_FILE } from '../../node-shared/index.ts';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import { CodedError } from '../../shared/coded-error.ts';
import { Settings } from '../../shared/domain.ts';
import type { UserError } from '../../shared/domain.ts';
import {
  applySettingsPatch,
  notASettingMessage,
  SettingsPatch,
  type ConnectionSettings,
} from '../../shared/settings-patch.ts';
import { systemClock } from '../deps.ts';
import type { Clock, Logger } from '../deps.ts';
import { fieldMessages } from './field-messages.ts';
import { SETTINGS_MIGRATIONS, targetVersion } from './migrations.ts';
import type { SettingsMigration } from './migrations.ts';
import { CheckedSettings, SETTING_NAMES } from './settings-schema.ts';

export type SettingsErrorCode = 'invalid' | 'write_failed';

export class SettingsError extends CodedError<SettingsErrorCode> {
  override readonly name = 'SettingsError';
  /** The first field at fault, e.g. `referencePrefix`. */
  readonly field?: string;
  /** A message for every field at fault, for the Settings screen. */
  readonly fields: Record<string, string>;
  constructor(
    code: SettingsErrorCode,
    message: string,
    extra: { field?: string; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, message, { cause: extra.cause });
    if (extra.field !== undefined) this.field = extra.field;
    this.fields = extra.fields ?? {};
  }
}

export type SettingsListener = (next: Settings, previous: Settings) => void;

export interface SettingsStore {
  get(): Settings;
  /**
   * Changes exactly the fields the patch names (see SettingsPatch); refuses connection fields, unknown
   * names and invalid values with a message naming the field.
   */
  update(patch: unknown): Settings;
  /** Where the terminal connects: only for setup, once the keys for it were typed and tested. */
  setConnection(connection: ConnectionSettings): Settings;
  /** Called after every saved change; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void;
  /** What went wrong reading the file at start (set aside, cleaned), in plain words. */
  problems(): UserError[];
  readonly filePath: string;
}

export interface SettingsStoreOptions {
  /** The folder: `app.getPath('userData')` in Electron, any folder in tests and browser mode. */
  cwd: string;
  log: Logger;
  /** File name without `.json`; `settings` by default. */
  fileName?: string;
  clock?: Clock;
  migrations?: readonly SettingsMigration[];
}

type FileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; settings: Settings; rewrite: boolean; notes: string[] }
  | { kind: 'unusable'; reason: string };

export function createSettingsStore({
  cwd,
  log,
  fileName = 'settings',
  clock = systemClock,
  migrations = SETTINGS_MIGRATIONS,
}: SettingsStoreOptions): SettingsStore {
  const baseName = fileName.replace(/\.json$/, '');
  const filePath = join(cwd, `${baseName}.json`);
  const version = targetVersion(migrations);
  const problems: UserError[] = [];
  const listeners = new Set<SettingsListener>();

  // conf keeps a file's mode when it rewrites it: a settings file others can read is put right first.
  makeOwnerOnly(filePath);
  const read = readFile();
  let current: Settings = read.kind === 'ok' ? read.settings : Settings.parse({});
  if (read.kind === 'unusable') setAside(read.reason);

  // Constructed after the check above: conf reads the file as it starts and throws on bad JSON.
  let conf: Conf<Record<string, unknown>> | null = null;
  try {
    conf = new Conf<Record<string, unknown>>({
      cwd,
      configName: baseName,
      clearInvalidConfig: false,
      configFileMode: OWNER_ONLY_FILE,
    });
  } catch (error) {
    log.error('settings: the settings file cannot be opened', { error: (error as Error).message });
    problems.push({
      code: 'settings_unsaved',
      message: `Settings cannot be saved to ${filePath} (${(error as Error).message}). Changes last until the app closes; check the folder's permissions.`,
    });
  }

  if (read.kind === 'ok') {
    for (const note of read.notes) problems.push({ code: 'settings_cleaned', message: note });
    if (read.rewrite) {
      try {
        write(current);
      } catch (error) {
        log.warn('settings: could not rewrite the migrated settings file', {
          error: (error as Error).message,
        });
      }
    }
  }

  function readFile(): FileRead {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'unusable', reason: `it could not be read (${(error as Error).message})` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { kind: 'unusable', reason: 'it is not valid JSON' };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { kind: 'unusable', reason: 'it does not hold a settings object' };
    }
    let { schemaVersion = 0, ...body } = raw as Record<string, unknown>;
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 0) {
      return { kind: 'unusable', reason: 'its schemaVersion is not a whole number' };
    }
    if (schemaVersion > version) {
      return {
        kind: 'unusable',
        reason: `it was written by a newer version of KS Pay POS (settings version ${schemaVersion})`,
      };
    }
    const startVersion = schemaVersion;
    try {
      for (const step of [...migrations].sort((a, b) => a.from - b.from)) {
        if (step.from !== schemaVersion) continue;
        body = step.up(body);
        log.info('settings: migrated', { from: step.from, to: step.from + 1, change: step.describe });
        schemaVersion += 1;
      }
    } catch (error) {
      return { kind: 'unusable', reason: `it could not be brought up to date (${(error as Error).message})` };
    }
    if (schemaVersion !== version) {
      return {
        kind: 'unusable',
        reason: `no migration leads from settings version ${startVersion} to ${version}`,
      };
    }
    const unknown = Object.keys(body).filter((name) => !SETTING_NAMES.has(name));
    const parsed = CheckedSettings.safeParse(body);
    if (!parsed.success) {
      const messages = Object.values(fieldMessages(parsed.error.issues));
      return { kind: 'unusable', reason: `some values are not valid: ${messages.join(' ')}` };
    }
    const notes =
      unknown.length > 0
        ? [
            `Entries that are not settings (${unknown.join(', ')}) were found in ${filePath} and removed. Keys belong in the key vault.`,
          ]
        : [];
    return {
      kind: 'ok',
      settings: parsed.data,
      rewrite: startVersion !== version || unknown.length > 0,
      notes,
    };
  }

  /** Moves a file that cannot be used out of the way, keeping it for a person to look at. */
  function setAside(reason: string): void {
    const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
    let aside = join(cwd, `${baseName}.corrupt-${stamp}.json`);
    for (let n = 2; existsSync(aside); n++) aside = join(cwd, `${baseName}.corrupt-${stamp}-${n}.json`);
    try {
      renameSync(filePath, aside);
    } catch (error) {
      log.error('settings: could not move the unusable settings file aside', {
        error: (error as Error).message,
      });
      aside = filePath;
    }
    log.warn('settings: unusable file set aside; defaults in use', { reason, aside });
    problems.push({
      code: 'settings_reset',
      message: `The settings file could not be used because ${reason}. It was kept as ${aside} and the default settings are in use: check the settings and save them again.`,
    });
  }

  function write(settings: Settings): void {
    if (!conf) {
      throw new SettingsError(
        'write_failed',
        `Settings cannot be saved to ${filePath}. Check the folder's permissions.`,
      );
    }
    try {
      conf.store = { schemaVersion: version, ...settings };
    } catch (error) {
      throw new SettingsError(
        'write_failed',
        `Settings could not be saved to ${filePath}. Check the disk has space and the folder can be written to.`,
        { cause: error },
      );
    }
  }

  /** A refusal naming every field at fault; names that are not settings get the patch schema's own words. */
  function refusal(issues: readonly z.core.$ZodIssue[]): SettingsError {
    const fields: Record<string, string> = {};
    for (const issue of issues)
      if (issue.code === 'unrecognized_keys')
        for (const name of issue.keys) fields[name] ??= notASettingMessage([name]);
    const valueIssues = issues.filter((issue) => issue.code !== 'unrecognized_keys');
    for (const [name, message] of Object.entries(fieldMessages(valueIssues))) fields[name] ??= message;
    const unrecognized = issues.find(
      (issue): issue is z.core.$ZodIssueUnrecognizedKeys => issue.code === 'unrecognized_keys',
    );
    const [field, message] = unrecognized
      ? [unrecognized.keys[0] ?? '', unrecognized.message]
      : (Object.entries(fields)[0] ?? ['', 'The settings are not valid.']);
    return new SettingsError('invalid', message, { field, fields });
  }

  /** Checks the whole result (rules that span fields), saves it, then tells the listeners. */
  function commit(next: Record<string, unknown>): Settings {
    const parsed = CheckedSettings.safeParse(next);
    if (!parsed.success) throw refusal(parsed.error.issues);
    const previous = current;
    write(parsed.data);
    current = parsed.data;
    for (const listener of listeners) {
      try {
        listener(structuredClone(current), structuredClone(previous));
      } catch (error) {
        log.error('settings: a change listener failed', { error: (error as Error).message });
      }
    }
    return structuredClone(current);
  }

  return {
    filePath,

    get: () => structuredClone(current),

    update(patch) {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new SettingsError('invalid', 'The settings change was not understood. Try again.');
      }
      const parsed = SettingsPatch.safeParse(patch);
      if (!parsed.success) throw refusal(parsed.error.issues);
      return commit(applySettingsPatch(current, parsed.data));
    },

    setConnection({ environment, customBaseUrl, appId }) {
      const next: Record<string, unknown> = { ...current, environment, appId };
      if (customBaseUrl === undefined) delete next['customBaseUrl'];
      else next['customBaseUrl'] = customBaseUrl;
      return commit(next);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    problems: () => [...problems],
  };
}
