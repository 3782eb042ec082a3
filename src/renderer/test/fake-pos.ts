// A typed fake of window.pos for component tests: the real buildPosProxy over an in-memory transport,
// inputs and outputs checked with the contract's own schemas, so a test cannot drift from main.
import {
  calls,
  type CallInput,
  type CallName,
  type CallOutput,
  type CallResult,
  type EventName,
  type EventPayload,
} from '../../shared/contract.ts';
import type { AppStatus, Currency, PaymentMethod, Sale, Settings } from '../../shared/domain.ts';
import { AppStatus as AppStatusSchema, Sale as SaleSchema } from '../../shared/domain.ts';
import type { PosApi } from '../../shared/pos-api.ts';
import { PosError } from '../../shared/pos-error.ts';
import { buildPosProxy } from '../bridge/pos-proxy.ts';

export type Handler<N extends CallName> = (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]?: Handler<N> };

export interface FakePos {
  pos: PosApi;
  /** Every call the renderer made, in order. */
  calls: { name: CallName; input: unknown }[];
  callsTo(name: CallName): unknown[];
  handle<N extends CallName>(name: N, handler: Handler<N>): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export const CURRENCIES: Currency[] = [
  { id: 'cur_inr', code: 'INR', name: 'Indian Rupee', symbol: '₹', exponent: 2, active: true },
  { id: 'cur_usd', code: 'USD', name: 'US Dollar', symbol: '$', exponent: 2, active: true },
  { id: 'cur_jpy', code: 'JPY', name: 'Japanese Yen', symbol: '¥', exponent: 0, active: true },
  { id: 'cur_kwd', code: 'KWD', name: 'Kuwaiti Dinar', exponent: 3, active: true },
  { id: 'cur_chf', code: 'CHF', name: 'Swiss Franc', exponent: 2, active: false },
];

export const METHODS: Record<string, PaymentMethod[]> = {
  cur_inr: [
    { id: 'm_card', name: 'CARD', active: true },
    { id: 'm_upi', name: 'UPI', active: true },
    { id: 'm_netbanking', name: 'NET BANKING', active: true },
    { id: 'm_wallet', name: 'WALLET', active: false },
  ],
  cur_usd: [{ id: 'm_card', name: 'CARD', active: true }],
  cur_jpy: [{ id: 'm_card', name: 'CARD', active: true }],
  cur_kwd: [
    { id: 'm_card', name: 'CARD', active: true },
    { id: 'm_knet', name: 'KNET', active: true },
  ],
};

export type StatusOverrides = Partial<Omit<AppStatus, 'settings'>> & { settings?: Partial<Settings> };

/** A valid AppStatus (Demo mode, Electron) with schema defaults filled in. */
export function makeStatus(overrides: StatusOverrides = {}): AppStatus {
  return AppStatusSchema.parse({
    mode: 'demo',
    shell: 'electron',
    hasKeys: true,
    hasPin: true,
    role: 'cashier',
    vault: { store: 'keychain', secure: true },
    connection: { state: 'demo' },
    settings: {},
    updates: { available: true },
    version: '0.1.0',
    ...overrides,
  });
}

/** A valid Sale: ₹345.67 by NET BANKING, waiting for the customer, unless overridden. */
export function makeSale(overrides: Partial<Sale> = {}): Sale {
  return SaleSchema.parse({
    id: 'sale_1',
    reference: 'POS01JTESTREF',
    amountMinor: 34567,
    currency: 'INR',
    currencyId: 'cur_inr',
    methodId: 'm_netbanking',
    methodName: 'NET BANKING',
    status: 'awaiting_payment',
    checkoutUrl: 'http://127.0.0.1:4010/checkout/ord_1',
    createdAt: '2026-03-02T10:15:00.000+05:30',
    updatedAt: '2026-03-02T10:15:01.000+05:30',
    demo: true,
    ...overrides,
  });
}

function defaultHandlers(): Handlers {
  return {
    'setup.status': () => makeStatus(),
    'catalog.currencies': () => CURRENCIES,
    'catalog.methods': ({ currencyId }) => METHODS[currencyId] ?? [],
    'sales.current': () => null,
    'sales.pending': () => [],
    'sales.list': () => [],
    'reports.lastClose': () => null,
    'sales.start': (input) => {
      const currency = CURRENCIES.find((c) => c.id === input.currencyId);
      const method = METHODS[input.currencyId]?.find((m) => m.id === input.methodId);
      if (!currency || !method) throw new PosError('invalid', 'That currency or method is not available.');
      const { saleId, ...charge } = input;
      return makeSale({ ...charge, id: saleId, methodName: method.name, status: 'awaiting_payment' });
    },
    'sales.dismiss': () => ({ ok: true }),
    'display.keying': () => ({ ok: true }),
  };
}

/**
 * receipts.print as main answers it: the sale on the counter (`sales.current`), noted printed once; every
 * later print of it is a duplicate. `via` says where main printed it.
 */
export function printsLikeMain(
  table: Handlers,
  via: 'escpos' | 'system' | 'renderer' = 'renderer',
): Handler<'receipts.print'> {
  const noted = new Map<string, Sale>();
  return async ({ saleId }) => {
    const sale = noted.get(saleId) ?? (await table['sales.current']?.(undefined));
    if (!sale || sale.id !== saleId)
      throw new PosError('not_found', 'The fake has no such sale on the counter.');
    const duplicate = sale.receiptPrintedAt !== undefined;
    const printed = duplicate ? sale : { ...sale, receiptPrintedAt: '2026-03-02T10:17:00.000+05:30' };
    noted.set(saleId, printed);
    return { via, duplicate, sale: printed };
  };
}

export function createFakePos(handlers: Handlers = {}): FakePos {
  const table: Handlers = { ...defaultHandlers(), ...handlers };
  table['receipts.print'] ??= printsLikeMain(table);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const made: FakePos['calls'] = [];

  const pos = buildPosProxy({
    async invoke(name, input): Promise<CallResult<unknown>> {
      made.push({ name, input });
      const spec = calls[name];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          error: { code: 'invalid', message: `Bad input for ${name}: ${parsed.error.message}` },
        };
      const handler = table[name] as ((input: unknown) => unknown) | undefined;
      if (!handler)
        return { ok: false, error: { code: 'not_in_fake', message: `The fake has no handler for ${name}` } };
      try {
        return { ok: true, value: spec.output.parse(await handler(parsed.data)) };
      } catch (error) {
        if (error instanceof PosError)
          return { ok: false, error: { code: error.code, message: error.message } };
        throw error;
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  });

  return {
    pos,
    calls: made,
    callsTo: (name) => made.filter((c) => c.name === name).map((c) => c.input),
    handle(name, handler) {
      (table as Record<string, unknown>)[name] = handler;
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Creates a fake and makes it the page's window.pos. */
export function installFakePos(handlers: Handlers = {}): FakePos {
  const fake = createFakePos(handlers);
  window.pos = fake.pos;
  return fake;
}
