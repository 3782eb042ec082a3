// The two Linux computers without a usable keychain, as a manager meets them: a kiosk with no D-Bus
// session bus, and gnome-keyring running with no login collection (never unlocked). The Connect screen says
// so before Save and the manager chooses where the keys go; after a restart on the same data folder the
// file store still has the keys (the sale screen), and this-session-only asks for them again, as it said.
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test, type StandaloneSandbox } from './fixtures.ts';
import { COUNTER_SIZES, saveAtCounterSizes } from './support/screenshots.ts';
import { seriousViolations } from './support/axe.ts';
import { openDeskSettings, openManagerDesk } from './support/manager-desk.ts';
import type { Keychain } from './support/browser-mode.ts';

const PIN = '2468';

const COMPUTERS: Array<{ keychain: Keychain; name: string; why: RegExp }> = [
  {
    keychain: 'no-session-bus',
    name: 'no session bus',
    why: /no desktop session \(D-Bus session bus\).*Could not connect: No such file or directory/,
  },
  {
    keychain: 'no-login-collection',
    name: 'gnome-keyring with no login collection',
    why: /login keyring has never been created or unlocked.*Object does not exist at path “\/org\/freedesktop\/secrets\/collection\/login”/,
  },
];

const FILE_OPTION = /A file only this computer account can read/;
const SESSION_OPTION = /This session only/;

async function shoot(page: Page, name: string): Promise<void> {
  await saveAtCounterSizes(page, `key-store-${name}`);
}

/** Custom URL with the server's keys typed, then Test connection: the form is ready to Save. */
async function typeKeys(page: Page, server: StandaloneSandbox): Promise<void> {
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'API base URL' }).fill(server.url);
  await page.getByRole('textbox', { name: 'App ID' }).fill(server.credentials.appId);
  await page.getByRole('textbox', { name: 'Access key' }).fill(server.credentials.accessKey);
  await page.getByLabel('Secret key', { exact: true }).fill(server.credentials.secretKey);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Everything worked. Save to start taking payments.')).toBeVisible();
}

async function setPin(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set a manager PIN' })).toBeVisible();
  await page.getByLabel('Manager PIN').fill(PIN);
  await page.getByLabel('Confirm PIN').fill(PIN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
}

/** First start → Connect to KS Pay: the screen says no keychain works here, and why, before anything is typed. */
async function connectScreenSaysNoStore(page: Page, why: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
  await expect(page.getByText('This computer has no working keychain')).toBeVisible();
  await expect(page.getByText(why)).toBeVisible();
  await expect(page.getByTestId('key-store-lead')).toHaveText(
    'Choose below where to keep your keys, then test and save.',
  );
  await expect(page.getByRole('radio', { name: SESSION_OPTION })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: FILE_OPTION })).not.toBeChecked();
}

for (const computer of COMPUTERS) {
  test.describe(`${computer.name}`, () => {
    test.use({ keychain: computer.keychain });

    test('the file only this account can read keeps the keys across a restart', async ({
      page,
      pos,
      standaloneSandbox,
    }) => {
      await page.setViewportSize(COUNTER_SIZES[0]);
      await connectScreenSaysNoStore(page, computer.why);
      await shoot(page, `${computer.keychain}-connect-unchosen`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `key-store-${computer.keychain}-connect-unchosen-dark`);
      await page.emulateMedia({ colorScheme: 'light' });

      // Save before choosing: refused with what to do, nothing saved.
      await typeKeys(page, standaloneSandbox);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert')).toContainText('Choose where to keep the keys first');
      await expect(page.getByRole('heading', { name: 'Connect to KS Pay' })).toBeVisible();

      await page.getByRole('radio', { name: FILE_OPTION }).check();
      await expect(page.getByRole('radio', { name: FILE_OPTION })).toBeChecked();
      await expect(page.getByTestId('key-store-lead')).toContainText(
        'Your keys are kept in a file only this computer account can read. It is not encrypted',
      );
      await shoot(page, `${computer.keychain}-connect-file-chosen`);
      await page.getByRole('button', { name: 'Save' }).click();
      await setPin(page);

      const keyFile = join(pos.dataDir, 'keys.json');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(pos.dataDir).mode & 0o777).toBe(0o700);

      await pos.restart();
      await page.reload();
      await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
      await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
      await expect(page.getByRole('button', { name: 'Connect to KS Pay' })).toHaveCount(0);

      await openManagerDesk(page, PIN);
      await openDeskSettings(page);
      await expect(page.getByTestId('key-store')).toHaveText(
        'A file only this computer account can read (not encrypted)',
      );
      await shoot(page, `${computer.keychain}-settings-file`);

      // Never logged: browser mode's output holds no key.
      const log = readFileSync(join(pos.dataDir, '..', 'browser-mode.log'), 'utf8');
      expect(log).not.toContain(standaloneSandbox.credentials.secretKey);
      expect(log).not.toContain(standaloneSandbox.credentials.accessKey);
    });

    test('this session only says so, and asks for the keys again after a restart', async ({
      page,
      pos,
      standaloneSandbox,
    }) => {
      await page.setViewportSize(COUNTER_SIZES[0]);
      await connectScreenSaysNoStore(page, computer.why);
      await page.getByRole('radio', { name: SESSION_OPTION }).check();
      await expect(page.getByRole('radio', { name: SESSION_OPTION })).toBeChecked();
      await expect(page.getByTestId('key-store-lead')).toHaveText(
        'Your keys are kept for this session only: they are not written anywhere, and you type them again after KS Pay POS restarts.',
      );
      await shoot(page, `${computer.keychain}-connect-session-chosen`);
      await typeKeys(page, standaloneSandbox);
      await page.getByRole('button', { name: 'Save' }).click();
      await setPin(page);

      await openManagerDesk(page, PIN);
      await openDeskSettings(page);
      await expect(page.getByTestId('key-store')).toHaveText(
        'This session only (typed again after a restart)',
      );
      await shoot(page, `${computer.keychain}-settings-session`);

      await pos.restart();
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Type the KS Pay keys again' })).toBeVisible();
      await expect(
        page.getByText(/kept for this session only, so they were gone when KS Pay POS restarted/),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: /^Charge/ })).toHaveCount(0);
      await shoot(page, `${computer.keychain}-after-restart-session`);
      expect(await seriousViolations(page)).toEqual([]);

      // Not a dead end: the manager types the keys again and the terminal takes payments.
      await page.getByLabel('Manager PIN').fill(PIN);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('radio', { name: SESSION_OPTION })).toBeChecked();
      await expect(page.getByRole('textbox', { name: 'API base URL' })).toHaveValue(standaloneSandbox.url);
      await shoot(page, `${computer.keychain}-keys-again-form`);
      await page.getByRole('textbox', { name: 'Access key' }).fill(standaloneSandbox.credentials.accessKey);
      await page.getByLabel('Secret key', { exact: true }).fill(standaloneSandbox.credentials.secretKey);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('button', { name: /^Charge/ })).toBeVisible();
      await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
    });
  });
}

test.describe('a working keychain', () => {
  test('the Connect screen and Settings name the keychain, and no weaker store is offered', async ({
    page,
    standaloneSandbox,
  }) => {
    await page.setViewportSize(COUNTER_SIZES[0]);
    await page.goto('/');
    await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
    await expect(page.getByTestId('key-store-lead')).toHaveText(
      'Your keys are kept in this computer’s keychain (GNOME Keyring or KWallet), never in a plain file.',
    );
    await expect(page.getByRole('radio')).toHaveCount(0);
    await shoot(page, 'keychain-connect');
    await typeKeys(page, standaloneSandbox);
    await page.getByRole('button', { name: 'Save' }).click();
    await setPin(page);
    await openManagerDesk(page, PIN);
    await openDeskSettings(page);
    await expect(page.getByTestId('key-store')).toHaveText(
      'This computer’s keychain (GNOME Keyring or KWallet)',
    );
    await shoot(page, 'keychain-settings');
  });
});
