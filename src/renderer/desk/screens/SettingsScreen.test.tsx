import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../shared/domain.ts';
import { applySettingsPatch, SettingsPatch } from '../../../shared/settings-patch.ts';
import { PosError } from '../../../shared/pos-error.ts';
import { makeStatus } from '../../test/fake-pos.ts';
import { useAppStatus, useCatalog } from '../../stores/index.ts';
import { renderDesk } from '../test/render-desk.tsx';

const saved = Settings.parse({ environment: 'kspay-sandbox', appId: 'app_123', defaultCurrency: 'INR' });

describe('Settings', () => {
  it('explains each bad field and saves nothing until they are fixed', async () => {
    const { user, fake } = renderDesk({
      'settings.get': () => saved,
      'settings.update': (update) => Settings.parse(applySettingsPatch(saved, SettingsPatch.parse(update))),
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const prefix = await screen.findByRole('textbox', { name: 'Reference prefix' });
    await user.clear(prefix);
    await user.clear(screen.getByRole('textbox', { name: 'Terminal name' }));
    await user.clear(screen.getByRole('textbox', { name: /Idle lock/ }));
    await user.type(screen.getByRole('textbox', { name: /Idle lock/ }), '999');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('Some fields need fixing before the settings can be saved.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reference prefix' })).toHaveAccessibleDescription(
      expect.stringContaining('Use 1 to 12 capital letters or digits, dashes only between them.'),
    );
    expect(screen.getByRole('textbox', { name: 'Terminal name' })).toHaveAccessibleDescription(
      'This cannot be empty.',
    );
    expect(screen.getByRole('textbox', { name: /Idle lock/ })).toHaveAccessibleDescription(
      expect.stringContaining('Use 240 or less.'),
    );
    expect(fake.callsTo('settings.update')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Reference prefix' }), 'shop1');
    await user.type(screen.getByRole('textbox', { name: 'Terminal name' }), 'Front desk');
    await user.clear(screen.getByRole('textbox', { name: /Idle lock/ }));
    await user.type(screen.getByRole('textbox', { name: /Idle lock/ }), '10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'dark');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    // Only what the manager changed: never the connection, never fields left as they were.
    expect(fake.callsTo('settings.update')[0]).toEqual({
      referencePrefix: 'SHOP1',
      terminalName: 'Front desk',
      idleLockMinutes: 10,
      theme: 'dark',
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('turns updates on or off, and offers no update address to type', async () => {
    const { user, fake } = renderDesk({
      'settings.get': () => saved,
      'settings.update': (update) => Settings.parse({ ...saved, ...update }),
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const toggle = await screen.findByRole('checkbox', { name: 'Install updates automatically' });
    expect(toggle).not.toBeChecked();
    expect(screen.queryByRole('textbox', { name: /feed|update/i })).not.toBeInTheDocument();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings.update')[0]).toMatchObject({ autoUpdate: { enabled: true } });
    expect(fake.callsTo('settings.update')[0]).not.toHaveProperty('autoUpdate.feedUrl');
  });

  it('says why updates cannot be turned on when this build cannot check them here', async () => {
    const { user } = renderDesk({ 'settings.get': () => saved });
    const reason =
      'Automatic updates are not available on Linux: this copy was built without the update signing key.';
    useAppStatus.getState().setStatus(makeStatus({ role: 'manager', updates: { available: false, reason } }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const toggle = await screen.findByRole('checkbox', { name: 'Install updates automatically' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription(reason);
  });

  it('shows a network printer’s host and port only when that printer is chosen', async () => {
    const { user } = renderDesk({ 'settings.get': () => saved });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('combobox', { name: 'Printer type' });
    expect(screen.queryByRole('textbox', { name: 'Printer host' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Printer type' }), 'escpos');
    expect(screen.getByRole('textbox', { name: 'Printer host' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Printer port' })).toHaveValue('9100');
  });

  it('asks for the manager PIN again before the keys can be changed', async () => {
    const { user, fake } = renderDesk({
      'settings.get': () => saved,
      'staff.unlock': ({ pin }) => {
        if (pin !== '2468')
          throw new PosError('wrong_pin', 'That PIN is not right. 4 tries left before a short lock.');
        return { role: 'manager' };
      },
      'setup.saveConnection': (input) =>
        makeStatus({ role: 'manager', settings: { ...saved, appId: input.appId } }),
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('app_123')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change keys and test connection' }));
    let dialog = screen.getByRole('dialog', { name: 'Change keys and test connection' });
    await user.type(within(dialog).getByLabelText('Manager PIN'), '1111');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(await within(dialog).findByText(/PIN is not right/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Manager PIN'), '2468');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    dialog = await screen.findByRole('dialog', { name: 'Change keys and test connection' });
    expect(await within(dialog).findByRole('button', { name: 'Test connection' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('App ID')).toHaveValue('app_123');
    await user.type(within(dialog).getByLabelText('Access key'), 'ak_new');
    await user.type(within(dialog).getByLabelText('Secret key'), 'sk_new');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The new keys are saved.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('staff.unlock')).toEqual([{ pin: '1111' }, { pin: '2468' }]);
    expect(fake.callsTo('setup.saveConnection')[0]).toMatchObject({
      environment: 'kspay-sandbox',
      appId: 'app_123',
      accessKey: 'ak_new',
      secretKey: 'sk_new',
    });
  });

  it('puts the customer display on a connected screen chosen by name and size, and sets how long the result stays', async () => {
    const { user, fake } = renderDesk({
      'settings.get': () => saved,
      'settings.update': (update) => Settings.parse(applySettingsPatch(saved, SettingsPatch.parse(update))),
      'display.screens': () => [
        { name: 'Built-in', width: 1366, height: 768 },
        { name: 'Customer 7in', width: 1024, height: 600 },
      ],
    });
    // The desktop app's customer display is its own window: the desk opens no page for it.
    expect(screen.queryByRole('button', { name: 'Open customer display' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const choice = await screen.findByRole('combobox', { name: 'Customer display screen' });
    await waitFor(() => expect(within(choice).getAllByRole('option')).toHaveLength(3));
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Off', 'Built-in 1366×768', 'Customer 7in 1024×600']);
    await user.selectOptions(choice, 'Customer 7in 1024×600');
    const seconds = screen.getByRole('textbox', { name: 'Show the result for (seconds)' });
    await user.clear(seconds);
    await user.type(seconds, '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings.update')[0]).toEqual({
      customerDisplay: { screen: { name: 'Customer 7in', width: 1024, height: 600 }, resultSeconds: 4 },
    });
  });

  it('offers the locale as a list, first Automatic (en-IN for INR), and saves the one chosen', async () => {
    const { user, fake } = renderDesk({
      'settings.get': () => saved,
      'settings.update': (update) => Settings.parse(applySettingsPatch(saved, SettingsPatch.parse(update))),
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const locale = await screen.findByRole('combobox', { name: 'Locale' });
    expect(locale).toHaveDisplayValue('Automatic: English (India)');
    const tags = within(locale)
      .getAllByRole('option')
      .map((option) => (option as HTMLOptionElement).value);
    expect(tags).toEqual(expect.arrayContaining(['', 'en-IN', 'hi-IN', 'ta-IN', 'en-GB', 'en-US', 'de-DE']));
    await user.selectOptions(locale, 'de-DE');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings.update')[0]).toEqual({ locale: 'de-DE' });
  });

  it('with no default currency saved, Automatic follows the currency the counter offers first', async () => {
    const { user } = renderDesk({ 'settings.get': () => Settings.parse({}) });
    useCatalog.setState({
      currencies: [{ id: 'cur_inr', code: 'INR', name: 'Indian Rupee', exponent: 2, active: true }],
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const locale = await screen.findByRole('combobox', { name: 'Locale' });
    expect(locale).toHaveDisplayValue('Automatic: English (India)');
  });

  it('keeps a locale typed in before the list, shown as saved earlier', async () => {
    const earlier = Settings.parse({ ...saved, locale: 'sv-SE' });
    const { user } = renderDesk({ 'settings.get': () => earlier });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const locale = await screen.findByRole('combobox', { name: 'Locale' });
    expect(locale).toHaveDisplayValue('sv-SE (saved earlier, not on this list)');
  });

  it('keeps a chosen screen that is not connected now, marked so', async () => {
    const chosen = Settings.parse({
      customerDisplay: { screen: { name: 'Old TV', width: 1920, height: 1080 } },
    });
    const { user } = renderDesk({ 'settings.get': () => chosen, 'display.screens': () => [] });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const choice = await screen.findByRole('combobox', { name: 'Customer display screen' });
    expect(choice).toHaveDisplayValue('Old TV 1920×1080 (not connected)');
  });

  it('in browser mode sends the manager to Open customer display instead of listing screens', async () => {
    const { user } = renderDesk({ 'settings.get': () => saved });
    useAppStatus.getState().setStatus(makeStatus({ role: 'manager', shell: 'browser' }));
    expect(await screen.findByRole('button', { name: 'Open customer display' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('textbox', { name: 'Show the result for (seconds)' });
    expect(screen.queryByRole('combobox', { name: 'Customer display screen' })).toBeNull();
    expect(screen.getByText(/choose Open customer display at the top of the desk/)).toBeInTheDocument();
  });
});
