// The machine policy IT places (README, "Deploying to many counters"), end to end in browser mode with
// --policy: a locked setting shows "Set by your organisation" and cannot be changed, a broken policy shows
// every problem and takes no payment until the file is fixed, and a policy that locks the Custom URL
// server and App ID leaves the manager only the keys to type before a paid sale.
import { renameSync, writeFileSync } from 'node:fs';
import { customerPresses, resultHeading, shownReference, startSale } from './cashier-steps.ts';
import { expect, saveScreenshot, test } from './fixtures.ts';
import { openDeskSettings, openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';
import { seriousViolations } from './support/axe.ts';
import { LIVE_PIN } from './support/live-terminal.ts';

/** A call straight to the terminal, as a page could make it, answering its error message if refused. */
function bridgeCall(call: string): string {
  return `${call}.then(() => 'done', (error) => error.message)`;
}

test.describe('a policy that locks settings', () => {
  test.use({
    policy: {
      $schema: '../../../docs/policy.schema.json',
      receiptFooter: 'Thank you from Chain Ltd',
      printer: { kind: 'system', paper: '58mm' },
      idleLockBounds: { min: 1, max: 15 },
    },
  });

  test('shows the locked settings as set by the organisation, and they cannot be changed', async ({
    page,
    liveTerminal,
  }) => {
    await openManagerDesk(page, liveTerminal.pin);
    await openDeskSettings(page);
    const footer = page.getByRole('textbox', { name: 'Receipt footer' });
    await expect(footer).toHaveValue('Thank you from Chain Ltd');
    await expect(footer).toBeDisabled();
    await expect(footer).toHaveAccessibleDescription('Set by your organisation');
    await expect(page.getByRole('combobox', { name: 'Printer type' })).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Paper' })).toHaveValue('58mm');
    await expect(page.getByRole('textbox', { name: /Idle lock/ })).toHaveAccessibleDescription(
      /Your organisation allows 1 to 15 minutes\./,
    );
    await saveDeskScreenshot(page, 'policy-settings-locked');
    expect(await seriousViolations(page)).toEqual([]);

    // Not even a call around the screen changes it: main refuses with the reason.
    const refused = await page.evaluate(bridgeCall(`window.pos.settings.update({ receiptFooter: 'Mine' })`));
    expect(refused).toMatch(/^Receipt footer is set by your organisation \(policy file .*policy\.json\)/);
    const outOfBounds = await page.evaluate(
      bridgeCall(`window.pos.settings.update({ idleLockMinutes: 60 })`),
    );
    expect(outOfBounds).toMatch(/Idle lock \(minutes\) must be from 1 to 15/);

    // What the policy leaves alone still saves.
    await page.getByRole('textbox', { name: 'Receipt header' }).fill('Chain Ltd, Store 12');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await expect(footer).toHaveValue('Thank you from Chain Ltd');
  });
});

test.describe('a broken policy', () => {
  test.use({
    policy: `{
  "environment": "sandbox",
  "referencePrefix": "pos {hostname}",
  "accessKey": "typed-by-mistake",
  "idleLockMinutes": 500,
  "recieptFooter": "Thanks"
}`,
  });

  test('shows every problem, takes no payment, and goes away once the file is fixed', async ({
    page,
    pos,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'This terminal’s policy has problems' })).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(6);
    const problem = (field: string) =>
      rows.filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
    await expect(problem('environment')).toContainText('kspay-sandbox, live, custom');
    await expect(problem('referencePrefix')).toContainText(
      '1 to 12 capital letters or digits, dashes only between them',
    );
    await expect(problem('accessKey')).toContainText('Keys are never put in the policy file');
    await expect(problem('idleLockMinutes')).toContainText('at most 240');
    await expect(problem('recieptFooter')).toContainText('is not a policy field');
    await expect(page.getByRole('table')).not.toContainText('typed-by-mistake');
    await expect(page.getByRole('button', { name: 'Try Demo mode' })).toHaveCount(0);
    await saveScreenshot(page, 'policy-problem-screen');
    expect(await seriousViolations(page)).toEqual([]);

    const refused = await page.evaluate(bridgeCall('window.pos.setup.startDemo()'));
    expect(refused).toMatch(
      /policy file .* has problems, so it takes no payments until your IT team fixes it/,
    );

    // IT fixes the file (written beside it and renamed over it, as installers do): the terminal starts at once.
    writeFileSync(`${pos.policyFile!}.new`, JSON.stringify({ receiptFooter: 'Thanks' }));
    renameSync(`${pos.policyFile!}.new`, pos.policyFile!);
    await expect(page.getByRole('button', { name: 'Try Demo mode' })).toBeVisible();
  });
});

test.describe('a policy that locks the KS Pay connection', () => {
  test.use({ policy: {} });

  test('the manager types only the keys, and a paid sale goes through', async ({
    page,
    pos,
    standaloneSandbox,
  }) => {
    test.setTimeout(120_000);
    const { url, credentials } = standaloneSandbox;
    // The file IT places on every counter: the shop's server and App ID, never its keys.
    writeFileSync(
      pos.policyFile!,
      JSON.stringify({
        environment: 'custom',
        customBaseUrl: url,
        appId: credentials.appId,
        referencePrefix: 'C7',
      }),
    );

    await page.goto('/');
    await page.getByRole('button', { name: 'Connect to KS Pay' }).click();
    const environment = page.getByRole('combobox', { name: 'Environment' });
    await expect(environment).toBeDisabled();
    await expect(environment).toHaveValue('custom');
    await expect(page.getByRole('textbox', { name: 'API base URL' })).toHaveValue(url);
    await expect(page.getByRole('textbox', { name: 'API base URL' })).toBeDisabled();
    await expect(page.getByRole('textbox', { name: 'App ID' })).toHaveValue(credentials.appId);
    await expect(page.getByRole('textbox', { name: 'App ID' })).toBeDisabled();

    await page.getByRole('textbox', { name: 'Access key' }).fill(credentials.accessKey);
    await page.getByLabel('Secret key', { exact: true }).fill(credentials.secretKey);
    await saveScreenshot(page, 'policy-connect-locked');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Everything worked. Save to start taking payments.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Manager PIN').fill(LIVE_PIN);
    await page.getByLabel('Confirm PIN').fill(LIVE_PIN);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');

    const checkout = await startSale(page, { method: 'UPI', amount: '120.00' });
    const reference = await shownReference(page);
    expect(reference).toMatch(/^C7-/);
    await customerPresses(checkout, 'Pay');
    await expect(resultHeading(page, 'Payment successful')).toBeVisible();
    const [record] = await standaloneSandbox.admin.transactions(reference);
    expect(record?.status).toBe('COMPLETED');
  });
});
