// With named cashiers, a cashier opens and cancels only the sales taken under their own name;
// the manager may open and cancel any. A counter without named cashiers is shared: anyone at it may open and cancel any sale.
// In the recent sales list a signed-in cashier sees their own; the manager and an unnamed counter see all.
import type { Role, Sale } from '../../shared/domain.ts';
import type { Staff } from '../staff/index.ts';
import { PosAppError } from './app-error.ts';

export async function requireOwnSale(
  staff: Pick<Staff, 'cashiers' | 'currentCashier' | 'requireSomeoneAtCounter'>,
  role: Role,
  sale: Pick<Sale, 'cashier'>,
): Promise<void> {
  if (role === 'manager') return;
  await staff.requireSomeoneAtCounter(role);
  const signedIn = staff.currentCashier();
  if (signedIn === null || sale.cashier === signedIn) return;
  if ((await staff.cashiers()).length === 0) return;
  throw new PosAppError(
    'not_your_sale',
    sale.cashier
      ? `This sale was taken by ${sale.cashier}: only ${sale.cashier} or a manager can see or act on it. Ask ${sale.cashier} or the manager.`
      : 'This sale was not taken under a cashier’s name: only a manager can see or act on it. Ask the manager.',
  );
}

export function visibleSales(staff: Pick<Staff, 'currentCashier'>, role: Role, sales: Sale[]): Sale[] {
  const cashier = role === 'manager' ? null : staff.currentCashier();
  return cashier ? sales.filter((sale) => sale.cashier === cashier) : sales;
}
