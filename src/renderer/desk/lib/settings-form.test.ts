import { describe, expect, it } from 'vitest';
import { Settings } from '../../../shared/domain.ts';
import { SettingsPatch } from '../../../shared/settings-patch.ts';
import { formToSettings, screenKey, settingsToForm } from './settings-form.ts';

const current = Settings.parse({});

describe('settings form', () => {
  it('sends nothing for a form saved unchanged, and only the changed field otherwise', () => {
    expect(formToSettings(settingsToForm(current), current)).toEqual({ update: {} });
    const renamed = formToSettings({ ...settingsToForm(current), terminalName: 'Front till' }, current);
    expect(renamed).toEqual({ update: { terminalName: 'Front till' } });
    expect(SettingsPatch.safeParse('update' in renamed && renamed.update).success).toBe(true);
  });

  it('explains every bad field in plain words, using the schema’s own words where it has them', () => {
    const form = {
      ...settingsToForm(current),
      terminalName: '  ',
      referencePrefix: 'pos-1',
      defaultCurrency: 'Rupee',
      receiptFooter: 'x'.repeat(201),
      idleLockMinutes: '300',
      pendingLookupHours: '12',
      checkoutReturnUrl: 'ftp://till.example/return',
      locale: 'not a locale!',
      printerKind: 'escpos' as const,
      printerHost: '',
      printerPort: '70000',
    };
    const result = formToSettings(form, current);
    expect('errors' in result && result.errors).toEqual({
      terminalName: 'This cannot be empty.',
      referencePrefix: 'Use 1 to 12 capital letters or digits, dashes only between them.',
      defaultCurrency: 'Use a three-letter ISO 4217 code.',
      receiptFooter: 'Use at most 200 characters.',
      idleLockMinutes: 'Use 240 or less.',
      pendingLookupHours: 'Use 24 or more.',
      checkoutReturnUrl:
        'The checkout return address must be a full https:// address without a user name or #fragment, such as https://ks-pay-pos.invalid/checkout/return.',
      locale: 'This language tag, saved earlier, is not one the computer knows. Choose one from the list.',
      printerHost: 'This cannot be empty.',
      printerPort: 'Use 65535 or less.',
    });
  });

  it('asks for whole numbers where a number is expected', () => {
    const result = formToSettings(
      { ...settingsToForm(current), idleLockMinutes: '2.5', pendingLookupHours: 'a day' },
      current,
    );
    expect('errors' in result && result.errors).toMatchObject({
      idleLockMinutes: 'Enter a whole number.',
      pendingLookupHours: 'Enter a whole number.',
    });
  });

  it('sends the look-up time and the return address when they change', () => {
    const form = {
      ...settingsToForm(current),
      pendingLookupHours: '72',
      checkoutReturnUrl: ' https://till.example/return ',
    };
    expect(formToSettings(form, current)).toEqual({
      update: { pendingLookupHours: 72, checkoutReturnUrl: 'https://till.example/return' },
    });
  });

  it('builds a network printer and clears optional fields emptied, as null (JSON keeps null, not undefined)', () => {
    const saved = { ...current, defaultCurrency: 'INR' };
    const form = {
      ...settingsToForm(saved),
      printerKind: 'escpos' as const,
      printerHost: '192.168.1.50',
      printerPort: '9100',
      printerPaper: 'a4' as const,
      locale: 'en-IN',
      defaultCurrency: '',
    };
    const result = formToSettings(form, saved);
    expect('update' in result && result.update).toEqual({
      printer: { kind: 'escpos', host: '192.168.1.50', port: 9100, paper: '80mm' },
      locale: 'en-IN',
      defaultCurrency: null,
    });
  });

  it('turns the customer display choice into its setting: a screen by name and size, or off, and the result time', () => {
    const facing = { name: 'DELL P2422H', width: 1920, height: 1080 };
    const form = {
      ...settingsToForm(current),
      customerScreen: screenKey(facing),
      customerResultSeconds: '5',
    };
    expect(formToSettings(form, current)).toEqual({
      update: { customerDisplay: { screen: facing, resultSeconds: 5 } },
    });
    const saved = Settings.parse({ customerDisplay: { screen: facing, resultSeconds: 5 } });
    expect(settingsToForm(saved)).toMatchObject({
      customerScreen: screenKey(facing),
      customerResultSeconds: '5',
    });
    expect(formToSettings({ ...settingsToForm(saved), customerScreen: '' }, saved)).toEqual({
      update: { customerDisplay: { screen: null, resultSeconds: 5 } },
    });
  });

  it('explains a result time out of range or not a number', () => {
    for (const [typed, message] of [
      ['1', 'Use 2 or more.'],
      ['500', 'Use 120 or less.'],
      ['soon', 'Enter a whole number.'],
    ] as const) {
      const result = formToSettings({ ...settingsToForm(current), customerResultSeconds: typed }, current);
      expect('errors' in result && result.errors.customerResultSeconds, typed).toBe(message);
    }
  });
});
