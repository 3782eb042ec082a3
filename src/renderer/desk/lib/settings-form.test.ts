import { describe, expect, it } from 'vitest';
import { Settings } from '../../../shared/domain.ts';
import { formToSettings, settingsToForm } from './settings-form.ts';

const current = Settings.parse({});

describe('settings form', () => {
  it('round-trips the saved settings into an update main accepts', () => {
    const result = formToSettings(settingsToForm(current), current);
    expect('update' in result).toBe(true);
    if ('update' in result) expect(Settings.parse({ ...current, ...result.update })).toEqual(current);
  });

  it('explains every bad field in plain words, using the schema’s own words where it has them', () => {
    const form = {
      ...settingsToForm(current),
      terminalName: '  ',
      referencePrefix: 'pos-1',
      defaultCurrency: 'Rupee',
      receiptFooter: 'x'.repeat(201),
      idleLockMinutes: '300',
      locale: 'not a locale!',
      printerKind: 'escpos' as const,
      printerHost: '',
      printerPort: '70000',
    };
    const result = formToSettings(form, current);
    expect('errors' in result && result.errors).toEqual({
      terminalName: 'This cannot be empty.',
      referencePrefix: 'Use 1 to 6 capital letters or digits.',
      defaultCurrency: 'Use a three-letter ISO 4217 code.',
      receiptFooter: 'Use at most 200 characters.',
      idleLockMinutes: 'Use 240 or less.',
      locale: 'This is not a language tag the computer knows. Try en-IN or de-DE.',
      printerHost: 'This cannot be empty.',
      printerPort: 'Use 65535 or less.',
    });
  });

  it('asks for whole numbers where a number is expected', () => {
    const result = formToSettings({ ...settingsToForm(current), idleLockMinutes: '2.5' }, current);
    expect('errors' in result && result.errors.idleLockMinutes).toBe('Enter a whole number.');
  });

  it('builds a network printer and clears optional fields left empty', () => {
    const form = {
      ...settingsToForm(current),
      printerKind: 'escpos' as const,
      printerHost: '192.168.1.50',
      printerPort: '9100',
      printerPaper: 'a4' as const,
      locale: 'en-IN',
      defaultCurrency: '',
    };
    const result = formToSettings(form, current);
    expect('update' in result && result.update).toMatchObject({
      printer: { kind: 'escpos', host: '192.168.1.50', port: 9100, paper: '80mm' },
      locale: 'en-IN',
      defaultCurrency: undefined,
    });
  });
});
