// The small decisions the contract handlers hand to services: the payment page only while a sale
// waits, whose sales a caller lists, and the PIN asked again to close a day over unresolved sales.
import { describe, expect, it, vi } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import { checkoutPageOf, requireCheckoutPage } from './checkout-page.ts';
import { closeDay } from './day-close.ts';
import { visibleSales } from './sale-owner.ts';

describe('checkout page', () => {
  const url = 'http://127.0.0.1:4010/checkout/t1';

  it('is there only while the sale waits for the customer', () => {
    expect(checkoutPageOf({ status: 'awaiting_payment', checkoutUrl: url })).toBe(url);
    expect(checkoutPageOf({ status: 'verifying', checkoutUrl: url })).toBeNull();
    expect(checkoutPageOf({ status: 'awaiting_payment' })).toBeNull();
    expect(() => requireCheckoutPage({ status: 'succeeded', checkoutUrl: url })).toThrow(
      /not waiting for the customer any more/,
    );
  });
});

describe('visible sales', () => {
  const sales = [{ cashier: 'Asha' }, { cashier: 'Ben' }, {}] as Sale[];

  it('shows a signed-in cashier their own sales, and the manager or an unnamed counter all', () => {
    expect(visibleSales({ currentCashier: () => 'Asha' }, 'cashier', sales)).toEqual([{ cashier: 'Asha' }]);
    expect(visibleSales({ currentCashier: () => 'Asha' }, 'manager', sales)).toBe(sales);
    expect(visibleSales({ currentCashier: () => null }, 'cashier', sales)).toBe(sales);
  });
});

describe('closing the day', () => {
  it('asks for the PIN again only to close over unresolved sales, and records the reason', async () => {
    const reports = { closeDay: vi.fn(async () => ({}) as Awaited<ReturnType<typeof closeDay>>) };
    const staff = { verifyPin: vi.fn(async () => undefined) };
    await closeDay({ reports, staff }, 's1', {}, 'manager');
    expect(staff.verifyPin).not.toHaveBeenCalled();
    expect(reports.closeDay).toHaveBeenLastCalledWith({ actor: 'manager' });

    await closeDay(
      { reports, staff },
      's1',
      { overridePin: '2580', reason: 'card terminal down' },
      'manager',
    );
    expect(staff.verifyPin).toHaveBeenCalledWith('s1', '2580');
    expect(reports.closeDay).toHaveBeenLastCalledWith({
      actor: 'manager',
      overrideReason: 'card terminal down',
    });

    staff.verifyPin.mockRejectedValueOnce(new Error('Wrong PIN'));
    const calls = reports.closeDay.mock.calls.length;
    await expect(closeDay({ reports, staff }, 's1', { overridePin: '1111' }, 'manager')).rejects.toThrow(
      'Wrong PIN',
    );
    expect(reports.closeDay.mock.calls.length).toBe(calls);
  });
});
