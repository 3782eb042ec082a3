// The Settings screen's form: text fields as typed, checked with the shared zod `Settings` schema
// (its own messages where it has them, plain words from the issue otherwise) and turned into the
// patch main accepts: only the fields that differ from the saved settings, `null` for one emptied.
// Connection fields (environment, App ID, keys) go through the keys flow, never through this patch.
import type { z } from 'zod';
import { DisplayScreen, Settings } from '../../../shared/domain.ts';
import { applySettingsPatch, type SettingsPatch } from '../../../shared/settings-patch.ts';
import { deskMessages } from '../messages.ts';

export interface SettingsForm {
  terminalName: string;
  referencePrefix: string;
  defaultCurrency: string;
  defaultMethodId: string;
  receiptHeader: string;
  receiptFooter: string;
  printerKind: 'system' | 'escpos';
  printerHost: string;
  printerPort: string;
  printerPaper: '58mm' | '80mm' | 'a4';
  printerSilent: boolean;
  idleLockMinutes: string;
  pendingLookupHours: string;
  checkoutReturnUrl: string;
  locale: string;
  theme: Settings['theme'];
  autoUpdateEnabled: boolean;
  /** The customer display's screen as a select value: '' for off, else screenKey(screen). */
  customerScreen: string;
  customerResultSeconds: string;
}

/** A screen as one select value (its name and size together name it). */
export const screenKey = (screen: DisplayScreen): string =>
  JSON.stringify([screen.name, screen.width, screen.height]);

function screenOfKey(key: string): DisplayScreen | null {
  if (key === '') return null;
  try {
    const [name, width, height] = JSON.parse(key) as [unknown, unknown, unknown];
    const parsed = DisplayScreen.safeParse({ name, width, height });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type SettingsField = keyof SettingsForm;

/** The setting each form field edits: a field is locked when the machine policy sets its setting. */
export const SETTING_OF_FIELD: Record<SettingsField, keyof Settings> = {
  terminalName: 'terminalName',
  referencePrefix: 'referencePrefix',
  defaultCurrency: 'defaultCurrency',
  defaultMethodId: 'defaultMethodId',
  receiptHeader: 'receiptHeader',
  receiptFooter: 'receiptFooter',
  printerKind: 'printer',
  printerHost: 'printer',
  printerPort: 'printer',
  printerPaper: 'printer',
  printerSilent: 'printer',
  idleLockMinutes: 'idleLockMinutes',
  pendingLookupHours: 'pendingLookupHours',
  checkoutReturnUrl: 'checkoutReturnUrl',
  locale: 'locale',
  theme: 'theme',
  autoUpdateEnabled: 'autoUpdate',
  customerScreen: 'customerDisplay',
  customerResultSeconds: 'customerDisplay',
};
export type SettingsErrors = Partial<Record<SettingsField, string>>;

export function settingsToForm(settings: Settings): SettingsForm {
  const printer = settings.printer;
  return {
    terminalName: settings.terminalName,
    referencePrefix: settings.referencePrefix,
    defaultCurrency: settings.defaultCurrency ?? '',
    defaultMethodId: settings.defaultMethodId ?? '',
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    printerKind: printer.kind,
    printerHost: printer.kind === 'escpos' ? printer.host : '',
    printerPort: printer.kind === 'escpos' ? String(printer.port) : '9100',
    printerPaper: printer.paper,
    printerSilent: printer.kind === 'system' ? printer.silent : false,
    idleLockMinutes: String(settings.idleLockMinutes),
    pendingLookupHours: String(settings.pendingLookupHours),
    checkoutReturnUrl: settings.checkoutReturnUrl,
    locale: settings.locale ?? '',
    theme: settings.theme,
    autoUpdateEnabled: settings.autoUpdate.enabled,
    customerScreen: settings.customerDisplay.screen ? screenKey(settings.customerDisplay.screen) : '',
    customerResultSeconds: String(settings.customerDisplay.resultSeconds),
  };
}

const WHOLE_NUMBER = /^\d+$/;
const m = deskMessages.settings;

/** The patch to send (the fields the manager changed), or the message for every field that needs fixing. */
export function formToSettings(
  form: SettingsForm,
  current: Settings,
): { update: SettingsPatch } | { errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const idle = form.idleLockMinutes.trim();
  const lookupHours = form.pendingLookupHours.trim();
  const port = form.printerPort.trim();
  if (!WHOLE_NUMBER.test(idle)) errors.idleLockMinutes = deskMessages.settings.numberRequired;
  if (!WHOLE_NUMBER.test(lookupHours)) errors.pendingLookupHours = deskMessages.settings.numberRequired;
  const resultSeconds = form.customerResultSeconds.trim();
  if (!WHOLE_NUMBER.test(resultSeconds)) errors.customerResultSeconds = deskMessages.settings.numberRequired;
  if (form.printerKind === 'escpos' && !WHOLE_NUMBER.test(port))
    errors.printerPort = deskMessages.settings.numberRequired;
  const locale = form.locale.trim();
  if (locale !== '' && !isLocale(locale)) errors.locale = deskMessages.settings.localeInvalid;

  const paper = form.printerKind === 'escpos' && form.printerPaper === 'a4' ? '80mm' : form.printerPaper;
  const fields: SettingsPatch = {
    terminalName: form.terminalName.trim(),
    referencePrefix: form.referencePrefix.trim(),
    defaultCurrency: form.defaultCurrency.trim() === '' ? null : form.defaultCurrency.trim(),
    defaultMethodId: form.defaultMethodId.trim() === '' ? null : form.defaultMethodId.trim(),
    receiptHeader: form.receiptHeader,
    receiptFooter: form.receiptFooter,
    printer:
      form.printerKind === 'escpos'
        ? {
            kind: 'escpos' as const,
            host: form.printerHost.trim(),
            port: Number(port),
            paper: paper as '58mm' | '80mm',
          }
        : { kind: 'system' as const, silent: form.printerSilent, paper },
    idleLockMinutes: Number(idle),
    pendingLookupHours: Number(lookupHours),
    checkoutReturnUrl: form.checkoutReturnUrl.trim(),
    locale: locale === '' ? null : locale,
    theme: form.theme,
    autoUpdate: { enabled: form.autoUpdateEnabled },
    customerDisplay: { screen: screenOfKey(form.customerScreen), resultSeconds: Number(resultSeconds) },
  };
  const update = changedFields(fields, current);

  const checked = Settings.safeParse(applySettingsPatch(current, update));
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOf(issue.path);
      if (field && !errors[field]) errors[field] = plainMessage(issue);
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { update };
}

/** Only what differs from the saved settings: an empty optional field already empty is no change. */
function changedFields(fields: SettingsPatch, current: Settings): SettingsPatch {
  const saved: Record<string, unknown> = current;
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([name, value]) => JSON.stringify(value ?? null) !== JSON.stringify(saved[name] ?? null),
    ),
  );
}

function fieldOf(path: readonly PropertyKey[]): SettingsField | undefined {
  const [first, second] = path;
  if (first === 'customerDisplay') return second === 'screen' ? 'customerScreen' : 'customerResultSeconds';
  if (first === 'printer') {
    if (second === 'host') return 'printerHost';
    if (second === 'port') return 'printerPort';
    return 'printerPaper';
  }
  const known: readonly string[] = [
    'terminalName',
    'referencePrefix',
    'defaultCurrency',
    'defaultMethodId',
    'receiptHeader',
    'receiptFooter',
    'idleLockMinutes',
    'pendingLookupHours',
    'checkoutReturnUrl',
    'locale',
    'theme',
  ];
  return typeof first === 'string' && known.includes(first) ? (first as SettingsField) : undefined;
}

/** The schema's own words where it has them ("1 to 12 capital letters or digits, dashes only between them"), plain words otherwise. */
export function plainMessage(issue: z.core.$ZodIssue): string {
  const generic = /^(Too (small|big)|Invalid)/.test(issue.message);
  // A schema message that is already a sentence ("The checkout return address must be…") stands as it is.
  if (!generic) return /\.$/.test(issue.message) ? issue.message : `Use ${issue.message}.`;
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string') return min <= 1 ? m.notEmpty : m.atLeastChars(min);
    return m.atLeast(min);
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'string' ? m.atMostChars(max) : m.atMost(max);
  }
  return m.notValid;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
