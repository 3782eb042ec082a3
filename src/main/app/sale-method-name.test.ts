// The method's name on a sale comes from KS Pay's catalogue only: a caller that sends its own name (a
// cashier's page, or a second page on the bridge) neither starts a sale with a method the catalogue does
// not list nor puts its own words on the receipt and the Z report.
import { expect, it } from 'vitest';
import { contractCaller } from './testing/contract-caller.ts';
import { useStartedApp } from './testing/test-app.ts';
import { makeSaleId } from '../../shared/sale-id.ts';

const terminal = useStartedApp('method-name-');

it('refuses a method ID the catalogue does not list, whatever name the caller sends, before KS Pay hears of it', async () => {
  const page = contractCaller(terminal.app);
  await page.call('setup.startDemo');
  const inr = (await page.call('catalog.currencies')).find((c) => c.code === 'INR')!;
  expect(
    await page.failure('sales.start', {
      saleId: makeSaleId(),
      currency: 'INR',
      currencyId: inr.id,
      methodId: 'pm_cash_drawer',
      methodName: 'CASH',
      amountMinor: 25_000,
    }),
  ).toEqual({ code: 'invalid', message: 'That payment method is not offered for INR. Pick another one.' });
  expect((await terminal.app.builtInSandbox()).transactions()).toHaveLength(0);
  expect(await page.call('sales.list', { limit: 10 })).toEqual([]);
});

it('names a listed method as the catalogue does, not as the caller sends it', async () => {
  const page = contractCaller(terminal.app);
  await page.call('setup.startDemo');
  const inr = (await page.call('catalog.currencies')).find((c) => c.code === 'INR')!;
  const [method] = await page.call('catalog.methods', { currencyId: inr.id });
  const sale = await page.call('sales.start', {
    saleId: makeSaleId(),
    currency: 'INR',
    currencyId: inr.id,
    methodId: method!.id,
    methodName: 'CASH',
    amountMinor: 25_000,
  });
  expect(method!.name).not.toBe('CASH');
  expect(sale.methodName).toBe(method!.name);
  expect((await page.call('sales.get', { saleId: sale.id })).sale.methodName).toBe(method!.name);
});
