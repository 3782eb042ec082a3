// At the contract: the sale ID the screen sends is checked, and a start asked again under another cashier's name
// is refused, never answered with that cashier's sale.
import { expect, it } from 'vitest';
import { makeSaleId } from '../../shared/sale-id.ts';
import { contractCaller } from './testing/contract-caller.ts';
import { useStartedApp } from './testing/test-app.ts';

const terminal = useStartedApp('sale-id-start-');

async function inrCharge(counter: ReturnType<typeof contractCaller>, amountMinor: number) {
  const inr = (await counter.call('catalog.currencies')).find((c) => c.active && c.code === 'INR')!;
  const method = (await counter.call('catalog.methods', { currencyId: inr.id })).find((m) => m.active)!;
  return { currency: inr.code, currencyId: inr.id, methodId: method.id, amountMinor };
}

it('refuses a sale ID in any other form in plain words, and starts nothing', async () => {
  const counter = contractCaller(terminal.app);
  await counter.call('setup.startDemo');
  const charge = await inrCharge(counter, 4200);
  for (const saleId of ['sale_1', '../../etc', 'S' + 'a'.repeat(19), makeSaleId().toUpperCase()])
    expect(await counter.failure('sales.start', { ...charge, saleId })).toEqual({
      code: 'invalid',
      message:
        'The sale ID this screen made is not one the terminal accepts, so nothing was charged. Reload the page and charge again.',
    });
  expect(await counter.failure('sales.start', charge)).toEqual({
    code: 'invalid',
    message: 'This screen did not name the sale, so nothing was charged. Reload the page and charge again.',
  });
  expect(await counter.call('sales.list', { limit: 50 })).toEqual([]);
  expect((await terminal.app.builtInSandbox()).transactions()).toEqual([]);
});

it('answers a start asked again with its own sale, and refuses Ben the ID of Asha’s sale', async () => {
  const counter = contractCaller(terminal.app);
  await counter.call('setup.startDemo');
  await counter.call('setup.setPin', { pin: '2580', confirm: '2580' });
  await counter.call('staff.unlock', { pin: '2580' });
  await counter.call('staff.addCashier', { name: 'Asha', pin: '2468' });
  await counter.call('staff.addCashier', { name: 'Ben', pin: '1357' });
  await counter.call('staff.lock');

  await counter.call('staff.signIn', { name: 'Asha', pin: '2468' });
  const saleId = makeSaleId();
  const charge = await inrCharge(counter, 4200);
  const asha = await counter.call('sales.start', { ...charge, saleId });
  expect(await counter.call('sales.start', { ...charge, saleId })).toEqual(asha);
  await counter.call('staff.signOut');

  await counter.call('staff.signIn', { name: 'Ben', pin: '1357' });
  expect(await counter.failure('sales.start', { ...charge, saleId })).toEqual({
    code: 'not_your_sale',
    message:
      'This sale was taken by Asha: only Asha or a manager can see or act on it. Ask Asha or the manager.',
  });
  expect((await terminal.app.builtInSandbox()).transactions()).toHaveLength(1);
});
