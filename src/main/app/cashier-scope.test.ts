// With named cashiers, every call that names or lists sales keeps to the signed-in cashier's own: Ben can
// neither list, show, print, dismiss, open nor check again Asha's sales. A reprint is marked DUPLICATE
// and written to the audit log.
import { expect, it } from 'vitest';
import { contractCaller } from './testing/contract-caller.ts';
import { useStartedApp } from './testing/test-app.ts';

const terminal = useStartedApp('cashier-scope-');

it('refuses Ben every call on Asha’s sales and lists him none of them; Asha’s reprint is a DUPLICATE in the audit log', async () => {
  const counter = contractCaller(terminal.app);
  await counter.call('setup.startDemo');
  await counter.call('setup.setPin', { pin: '2580', confirm: '2580' });
  await counter.call('staff.unlock', { pin: '2580' });
  await counter.call('staff.addCashier', { name: 'Asha', pin: '2468' });
  await counter.call('staff.addCashier', { name: 'Ben', pin: '1357' });
  await counter.call('staff.lock');

  await counter.call('staff.signIn', { name: 'Asha', pin: '2468' });
  const paid = await counter.startDemoSale(25_000);
  const redirect = (await terminal.app.builtInSandbox()).pay(paid.txnId!, 'success');
  await terminal.app.handleRedirect(redirect.redirectUrls[0]!);
  const open = await counter.startDemoSale(12_000);
  await counter.call('staff.signOut');

  await counter.call('staff.signIn', { name: 'Ben', pin: '1357' });
  expect(await counter.call('sales.pending')).toEqual([]);
  expect(await counter.call('sales.current')).toBeNull();
  for (const [name, saleId] of [
    ['receipts.print', paid.id],
    ['sales.dismiss', paid.id],
    ['sales.retryVerify', open.id],
    ['sales.openCheckout', open.id],
  ] as const)
    expect(await counter.failure(name, { saleId })).toEqual({
      code: 'not_your_sale',
      message:
        'This sale was taken by Asha: only Asha or a manager can see or act on it. Ask Asha or the manager.',
    });
  await counter.call('staff.signOut');

  await counter.call('staff.signIn', { name: 'Asha', pin: '2468' });
  expect((await counter.call('sales.pending')).map((sale) => sale.id)).toEqual([open.id]);
  expect((await counter.call('sales.current'))?.id).toBe(open.id);
  expect(await counter.call('receipts.print', { saleId: paid.id })).toMatchObject({
    via: 'renderer',
    duplicate: false,
  });
  expect(await counter.call('receipts.print', { saleId: paid.id })).toMatchObject({
    via: 'renderer',
    duplicate: true,
  });
  await counter.call('staff.signOut');

  await counter.call('staff.unlock', { pin: '2580' });
  const prints = (await counter.call('audit.list')).filter((entry) => entry.action.startsWith('receipt.'));
  expect(prints).toEqual([
    expect.objectContaining({ action: 'receipt.printed', actor: 'Asha' }),
    expect.objectContaining({
      action: 'receipt.reprinted',
      actor: 'Asha',
      detail: `Receipt of sale ${paid.reference} printed again, marked DUPLICATE (renderer)`,
    }),
  ]);
});
