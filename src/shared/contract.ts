// The one IPC contract: every call the renderer can make and every event main pushes.
// The preload's window.pos, main's handler registration and the browser-mode bridge are all
// generated from `calls` and `events`, so a call cannot exist in one and not the others.
import { z } from 'zod';
import { NewSaleId } from './sale-id.ts';
import {
  AfterCancelSettlement,
  AppStatus,
  AuditEntry,
  ConnectionInput,
  ConnectionState,
  ConnectionTestResult,
  Currency,
  DayKey,
  DisplayScreen,
  DayReport,
  IsoCurrencyCode,
  IsoDateTime,
  LastClose,
  AmountMinor,
  CashierName,
  PaymentMethod,
  Pin,
  KeyStoreChoice,
  ReconcileReport,
  Role,
  Sale,
  SaleTimelineEntry,
  Settings,
  TransactionRow,
  UserError,
  ZReport,
} from './domain.ts';
import { MerchantDay } from './merchant-day.ts';
import { CustomerDisplayState, KeyedAmount } from './customer-display.ts';
import { SettingsPatch } from './settings-patch.ts';
import { TransactionFilter } from './transaction-filter.ts';

/**
 * Who may make a call: `any` even before setup, `cashier` once running, `manager` after the PIN.
 * `display`: every session, even before setup, and the only calls a customer display's session may make.
 */
export type Access = 'any' | 'cashier' | 'manager' | 'display';

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function call<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O): CallSpec<I, O> {
  return { input, output, access };
}

const None = z.undefined();
const SaleRef = z.object({ saleId: z.string().min(1).max(100) });
const Done = z.object({ ok: z.literal(true) });
const ExportedFile = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
  /** How `content` is written: text as is (the default), or a binary file (XLSX) as base64. */
  encoding: z.enum(['utf8', 'base64']).optional(),
});

export const StartSaleInput = z.object({
  /** Made by the screen (`makeSaleId`): a second start with the same ID is the same sale, never a second one. */
  saleId: NewSaleId,
  currency: IsoCurrencyCode,
  currencyId: z.string().min(1).max(100),
  /** The method's name on the receipt and the journal is KS Pay's for this ID, never the caller's. */
  methodId: z.string().min(1).max(100),
  amountMinor: AmountMinor.refine((n) => n > 0, 'The amount must be more than zero'),
  note: z.string().trim().max(200).optional(),
});
export type StartSaleInput = z.infer<typeof StartSaleInput>;

/** A page of the transaction list: up to 50,000 rows (about 12 MB of JSON). */
const TransactionPageSize = z.number().int().min(1).max(50_000);
const ListingId = z.string().min(1).max(100);

export const calls = {
  'setup.status': call('any', None, AppStatus),
  'setup.startDemo': call('any', None, AppStatus),
  'setup.testConnection': call('any', ConnectionInput, ConnectionTestResult),
  /** First save needs no PIN (there is none yet); later changes need the manager role. */
  'setup.saveConnection': call('any', ConnectionInput, AppStatus),
  'setup.setPin': call('any', z.object({ pin: Pin, confirm: Pin }), AppStatus),
  /** Where no keychain works: keep the keys for this session only, or in a file only this OS user can read. Like saving keys, the manager's once a PIN exists. */
  'setup.chooseKeyStore': call('any', z.object({ store: KeyStoreChoice }), AppStatus),

  'catalog.currencies': call('cashier', None, z.array(Currency)),
  'catalog.methods': call(
    'cashier',
    z.object({ currencyId: z.string().min(1).max(100) }),
    z.array(PaymentMethod),
  ),

  'sales.start': call('cashier', StartSaleInput, Sale),
  'sales.cancel': call('cashier', SaleRef, Sale),
  'sales.retryVerify': call('cashier', SaleRef, Sale),
  'sales.openCheckout': call('cashier', SaleRef, Done),
  'sales.current': call('cashier', None, Sale.nullable()),
  'sales.dismiss': call('cashier', SaleRef, Done),
  'sales.list': call(
    'cashier',
    z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    z.array(Sale),
  ),
  'sales.pending': call('cashier', None, z.array(Sale)),
  'sales.get': call('cashier', SaleRef, z.object({ sale: Sale, timeline: z.array(SaleTimelineEntry) })),
  'sales.reconcile': call('cashier', None, ReconcileReport),
  'sales.markReviewed': call(
    'manager',
    z.object({ issueId: z.string().min(1).max(200), note: z.string().max(500).optional() }),
    Done,
  ),

  /** A sale paid after it was cancelled at the counter: the manager keeps the payment or records its refund. */
  'sales.settleAfterCancel': call('manager', SaleRef.extend(AfterCancelSettlement.shape), Done),

  /**
   * `duplicate`: the receipt was printed before (the sale's `receiptPrintedAt`), so this copy is marked DUPLICATE
   * (and the audit log says so). `sale`: the sale as main noted the print, which the page shows from then on.
   */
  'receipts.print': call(
    'cashier',
    SaleRef,
    z.object({ via: z.enum(['escpos', 'system', 'renderer']), duplicate: z.boolean(), sale: Sale }),
  ),

  'staff.unlock': call('cashier', z.object({ pin: z.string().max(8) }), z.object({ role: Role })),
  'staff.lock': call('cashier', None, z.object({ role: Role })),
  'staff.changePin': call('manager', z.object({ currentPin: Pin, newPin: Pin }), Done),
  'staff.addCashier': call('manager', z.object({ name: CashierName, pin: Pin }), Done),
  'staff.removeCashier': call('manager', z.object({ name: CashierName }), Done),
  'staff.signIn': call(
    'cashier',
    z.object({ name: CashierName, pin: z.string().max(8) }),
    z.object({ cashier: CashierName }),
  ),
  'staff.signOut': call('cashier', None, Done),
  'staff.recoverPin': call(
    'cashier',
    z.object({ accessKey: z.string().min(1).max(500), secretKey: z.string().min(1).max(500), newPin: Pin }),
    Done,
  ),

  'settings.get': call('cashier', None, Settings),
  /** Changes exactly the fields named; the connection (environment, URL, App ID) only via setup.saveConnection. */
  'settings.update': call('manager', SettingsPatch, Settings),

  'reports.transactions': call(
    'manager',
    // `cached`: at once, with the server's records as last listed; `fresh` (the default): list them again.
    // `pageSize`: only the newest rows, with `listing` and `total` to read the rest by `transactionsPage`.
    z
      .object({
        server: z.enum(['cached', 'fresh']).optional(),
        pageSize: TransactionPageSize.optional(),
      })
      .optional(),
    z.object({
      rows: z.array(TransactionRow),
      serverError: UserError.optional(),
      serverAsOf: IsoDateTime.optional(),
      // `cached` before main's first listing ends: the server's records are the pages read so far.
      serverIncomplete: z.literal(true).optional(),
      listing: ListingId.optional(),
      total: z.number().int().nonnegative().optional(),
    }),
  ),
  /**
   * Rows `offset` to `offset + limit` (newest first) of the listing `reports.transactions` answered with a
   * page of. Each page is checked against TransactionRow on the way out like every reply: 100,000 rows cost
   * about 0.2-0.9 s of checking in all, spread over the pages, and the check is what strips a field the
   * contract does not name, so it stays.
   */
  'reports.transactionsPage': call(
    'manager',
    z.object({ listing: ListingId, offset: z.number().int().nonnegative(), limit: TransactionPageSize }),
    z.object({ rows: z.array(TransactionRow), listing: ListingId, total: z.number().int().nonnegative() }),
  ),
  'reports.exportCsv': call('manager', TransactionFilter, ExportedFile),
  'reports.exportXlsx': call('manager', TransactionFilter, ExportedFile),
  'reports.day': call('manager', z.object({ day: DayKey }), DayReport),
  /** The last Z report, for the counter's "the day was closed" line; null before the first. */
  'reports.lastClose': call('cashier', None, LastClose),
  /** Every terminal's day from the server's records: as last listed (`cached`) or listed again (`fresh`, the default). */
  'reports.merchantDay': call(
    'manager',
    z.object({ day: DayKey, server: z.enum(['cached', 'fresh']).optional() }),
    MerchantDay,
  ),
  'reports.closeDay': call(
    'manager',
    z.object({
      overridePin: z.string().max(8).optional(),
      reason: z.string().max(500).optional(),
    }),
    ZReport,
  ),
  'reports.zReports': call('manager', None, z.array(ZReport)),
  'reports.exportZReport': call('manager', z.object({ number: z.number().int().positive() }), ExportedFile),

  /** What the customer display shows now; `display.changed` brings every change after. */
  'display.state': call('display', None, CustomerDisplayState),
  /** The cashier screen reports the amount being keyed in (null when none), so the customer sees it as typed. */
  'display.keying': call('cashier', KeyedAmount, Done),
  /** The displays connected now, for Settings → Customer display (none in browser mode). */
  'display.screens': call('manager', None, z.array(DisplayScreen)),
  /** Browser mode: a new one-time address that connects one browser as the customer display. */
  'display.openAddress': call('manager', None, z.object({ url: z.string().url() })),

  'audit.list': call('manager', None, z.array(AuditEntry)),
  'audit.export': call('manager', None, ExportedFile),
  'diagnostics.save': call('manager', None, z.object({ path: z.string() })),
  /** The renderer's Charge button is interactive: Electron logs the start-up timing (shell/startup-timing.ts). */
  'diagnostics.chargeInteractive': call('any', None, Done),
} as const;

export type CallName = keyof typeof calls;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<(typeof calls)[N]['output']>;
export const callNames = Object.keys(calls) as CallName[];

export const events = {
  'sale.updated': Sale,
  'connection.changed': ConnectionState,
  'status.changed': AppStatus,
  /** Only customer display sessions hear it (src/main/ipc/session-events.ts). */
  'display.changed': CustomerDisplayState,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** What crosses every transport: a value, or an error a cashier can act on. Never a stack trace. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: UserError };
