// Only a finished sale leaves the counter, and the customer display never shows another sale's result:
// pay A, start B, dismiss B must not put A's "Paid" in front of B's customer.
import { expect, it } from 'vitest';
import { contractCaller } from './testing/contract-caller.ts';
import { useStartedApp } from './testing/test-app.ts';

const terminal = useStartedApp('sale-dismiss-');

it('refuses to dismiss a sale in progress, and never shows an earlier sale’s result on the display', async () => {
  const cashier = contractCaller(terminal.app);
  const display = contractCaller(terminal.app, 'display-counter');
  await cashier.call('setup.startDemo');
  const a = await cashier.startDemoSale(25_000);
  const paid = (await terminal.app.builtInSandbox()).pay(a.txnId!, 'success');
  await terminal.app.handleRedirect(paid.redirectUrls[0]!);
  expect(await display.call('display.state')).toMatchObject({ view: 'result', outcome: 'paid' });

  const b = await cashier.startDemoSale(25_000);
  expect(await cashier.failure('sales.dismiss', { saleId: b.id })).toEqual({
    code: 'not_finished',
    message:
      'This sale is still in progress, so it stays on the screen. Wait for its result, or cancel it first.',
  });
  expect(await display.call('display.state')).toMatchObject({ view: 'waiting', amountMinor: 25_000 });
  expect((await cashier.call('sales.current'))?.id).toBe(b.id);

  await cashier.call('sales.cancel', { saleId: b.id });
  await cashier.call('sales.dismiss', { saleId: b.id });
  expect(await cashier.call('sales.current')).toBeNull();
  expect(await display.call('display.state')).not.toMatchObject({ outcome: 'paid' });
});
