// Calls the whole app through its contract dispatch as one page (a session) would, and the Demo sale
// a cashier starts from the catalogue's first active INR method.
import type { CallName, CallOutput, CallResult } from '../../../shared/contract.ts';
import type { Sale, UserError } from '../../../shared/domain.ts';
import type { PosApp } from '../index.ts';
import { makeSaleId } from '../../../shared/sale-id.ts';

export interface ContractCaller {
  /** The call's value; throws with the error's code and message when it is refused. */
  call<N extends CallName>(name: N, input?: unknown): Promise<CallOutput<N>>;
  /** The error of a call that must be refused; throws when it is not. */
  failure(name: CallName, input?: unknown): Promise<UserError>;
  /** A Demo sale of `amountMinor` up to the customer's checkout page. */
  startDemoSale(amountMinor?: number): Promise<Sale>;
}

export function contractCaller(app: Pick<PosApp, 'dispatch'>, session = 'page'): ContractCaller {
  async function call<N extends CallName>(name: N, input?: unknown): Promise<CallOutput<N>> {
    const result = (await app.dispatch(name, input, { transport: 'http', session })) as CallResult<
      CallOutput<N>
    >;
    if (!result.ok)
      throw Object.assign(new Error(`${name}: ${result.error.message}`), { code: result.error.code });
    return result.value;
  }
  return {
    call,
    async failure(name, input) {
      const result = await app.dispatch(name, input, { transport: 'http', session });
      if (result.ok) throw new Error(`${name} was expected to be refused`);
      return result.error;
    },
    async startDemoSale(amountMinor = 4200) {
      const inr = (await call('catalog.currencies')).find((c) => c.active && c.code === 'INR');
      if (!inr) throw new Error('the Demo catalogue lists no active INR');
      const method = (await call('catalog.methods', { currencyId: inr.id })).find((m) => m.active);
      if (!method) throw new Error('the Demo catalogue lists no active INR method');
      return call('sales.start', {
        saleId: makeSaleId(),
        currency: inr.code,
        currencyId: inr.id,
        methodId: method.id,
        amountMinor,
      });
    },
  };
}
