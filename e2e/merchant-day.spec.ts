// The merchant's whole day: three terminals (three data folders, three ports, three machine policies with their own prefixes) take paid,
// failed and pending sales against one KS Pay server; the desk of one of them shows all three terminals'
// sales, and its Merchant day totals per terminal equal the server's own records summed by prefix.
import type { Page } from '@playwright/test';
import type { SandboxTransactionRecord } from '../src/sandbox/index.ts';
import { terminalOf } from '../src/shared/terminal-of.ts';
import { customerPresses, resultHeading, startSale } from './cashier-steps.ts';
import { connect, expect, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { connectCustom, LIVE_PIN } from './support/live-terminal.ts';
import { openManagerDesk, saveDeskScreenshot } from './support/manager-desk.ts';
import {
  startFleetTerminal,
  stopFleet,
  type FleetTerminal,
  type TerminalIdentity,
} from './support/terminal-fleet.ts';

const IDENTITIES: TerminalIdentity[] = [
  { name: 'Front counter', prefix: 'FRONT' },
  { name: 'Cafe', prefix: 'CAFE' },
  { name: 'Garden', prefix: 'GARDEN' },
];

/** A paid, a declined and (left waiting for the customer) a pending sale, each amount telling terminals apart. */
async function takeSales(page: Page, n: number): Promise<void> {
  let checkout = await startSale(page, { amount: `${n + 1}0.50` });
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  await page.getByRole('button', { name: 'New sale' }).click();

  checkout = await startSale(page, { amount: `${n + 1}7` });
  await customerPresses(checkout, 'Decline');
  await expect(resultHeading(page, 'Payment failed')).toBeVisible();
  await page.getByRole('button', { name: 'New sale' }).click();

  checkout = await startSale(page, { amount: `${n + 1}.25` });
  await checkout.close();
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
}

interface Sums {
  gross: number;
  paid: number;
  failed: number;
  cancelled: number;
  pending: number;
}

/** The server's own records summed by prefix and currency. */
function sumByPrefix(records: readonly SandboxTransactionRecord[]): Map<string, Sums> {
  const sums = new Map<string, Sums>();
  for (const record of records) {
    const key = `${terminalOf(record.referenceNumber)} ${record.currency}`;
    const sum = sums.get(key) ?? { gross: 0, paid: 0, failed: 0, cancelled: 0, pending: 0 };
    if (record.status === 'COMPLETED') {
      sum.paid += 1;
      sum.gross += record.amountMinor;
    } else if (record.status === 'FAILED') sum.failed += 1;
    else if (record.status === 'INITIATED') sum.pending += 1;
    else sum.cancelled += 1;
    sums.set(key, sum);
  }
  return sums;
}

test('three terminals, one merchant: every desk shows all their sales, and the Merchant day equals the server', async ({
  browser,
  standaloneSandbox,
  workDir,
}) => {
  // Three terminals and their sales through the UI: minutes, not seconds, on a busy two-core machine.
  test.setTimeout(420_000);
  const terminals: FleetTerminal[] = [];
  try {
    // Set up one after another (saving a connection tests it again, slow on a busy machine), then the
    // three counters sell at the same time, as they would in a shop.
    for (const identity of IDENTITIES) {
      const terminal = await startFleetTerminal(browser, workDir, identity, connect);
      terminals.push(terminal);
      await connectCustom(terminal.page, standaloneSandbox, LIVE_PIN);
    }
    await Promise.all(terminals.map((terminal, n) => takeSales(terminal.page, n)));

    const records = await standaloneSandbox.admin.transactions();
    expect(records).toHaveLength(9);
    const sums = sumByPrefix(records);
    expect([...sums.keys()].map((key) => key.split(' ')[0]).sort()).toEqual(['CAFE', 'FRONT', 'GARDEN']);

    // The desk of the last terminal: its own sales and the other two terminals', told apart by prefix.
    const page = terminals[2]!.page;
    await openManagerDesk(page, LIVE_PIN);
    await expect(page.getByText('9 transactions')).toBeVisible({ timeout: 30_000 });
    const filter = page.getByRole('combobox', { name: 'Terminal' });
    await expect(filter.getByRole('option')).toHaveText([
      'Every terminal',
      'Garden (GARDEN)',
      'CAFE',
      'FRONT',
    ]);
    for (const option of ['CAFE', 'FRONT', 'Garden (GARDEN)']) {
      await filter.selectOption({ label: option });
      await expect(page.getByText('3 transactions')).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Transactions' }).getByRole('cell', { name: option, exact: true }),
      ).toHaveCount(3);
    }

    await page
      .getByRole('navigation', { name: 'Manager desk' })
      .getByRole('button', { name: 'Merchant day' })
      .click();
    const table = page.getByRole('table', { name: 'Merchant day by terminal' });
    await expect(table.getByRole('rowheader', { name: 'FRONT' })).toBeVisible();
    for (const [key, sum] of sums) {
      const [prefix, currency] = key.split(' ') as [string, string];
      const label = prefix === 'GARDEN' ? 'Garden (GARDEN)' : prefix;
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
      const gross = (sum.gross / 100).toFixed(2);
      await expect(row).toHaveText(
        new RegExp(
          `^${label.replace(/[()]/g, '\\$&')}\\s*${currency}\\s*${gross}\\s*${sum.paid}\\s*${sum.failed}\\s*${sum.cancelled}\\s*${sum.pending}\\s*(Not closed yet|Unknown)$`,
        ),
      );
      await expect(row).toContainText(prefix === 'GARDEN' ? 'Not closed yet' : 'Unknown');
    }
    const allPaid = [...sums.values()].reduce((total, sum) => total + sum.gross, 0);
    await expect(table.getByRole('row').filter({ hasText: 'All terminals' })).toContainText(
      (allPaid / 100).toFixed(2),
    );
    await saveDeskScreenshot(page, 'merchant-day');
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Manager desk' })
      .getByRole('button', { name: 'Day summary' })
      .click();
    await expect(page.getByRole('table', { name: 'By terminal' }).getByRole('rowheader')).toHaveText([
      'Garden (GARDEN)',
      'CAFE',
      'FRONT',
    ]);
    await saveDeskScreenshot(page, 'day-summary-by-terminal');
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await stopFleet(terminals);
  }
});
