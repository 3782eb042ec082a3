// The domain types every process shares: currencies, methods, sales, settings, staff, reports.
// Each type comes from its zod schema (STYLE.md "Types come from schemas").
import { z } from 'zod';
import { NO_POLICY, PolicyStatus } from './policy-status.ts';

export const IsoCurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code');
export const AmountMinor = z.number().int().nonnegative().max(99_999_999_999);
export const IsoDateTime = z.string().datetime({ offset: true });
/** A calendar day in the terminal's time zone, YYYY-MM-DD. */
export const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Currency = z.object({
  id: z.string().min(1),
  code: IsoCurrencyCode,
  name: z.string(),
  symbol: z.string().optional(),
  exponent: z.number().int().min(0).max(4),
  active: z.boolean(),
});
export type Currency = z.infer<typeof Currency>;

export const PaymentMethod = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  active: z.boolean(),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const SaleStatus = z.enum([
  'draft',
  'initiating',
  'processing',
  'awaiting_payment',
  'verifying',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
  'unknown',
]);
export type SaleStatus = z.infer<typeof SaleStatus>;
export const FINAL_SALE_STATUSES: readonly SaleStatus[] = ['succeeded', 'failed', 'cancelled', 'expired'];
export const isFinalSaleStatus = (status: SaleStatus): boolean => FINAL_SALE_STATUSES.includes(status);

/**
 * Something the manager must look at: a sale whose server record disagrees with the terminal.
 * `refunded_outside`: a sale paid after it was cancelled whose money the manager recorded as given back
 * outside the terminal (in the KS Pay dashboard, or in cash); set only on a `paid_after_cancel` sale.
 */
export const SaleFlag = z.enum([
  'paid_after_cancel',
  'amount_mismatch',
  'currency_mismatch',
  'reference_mismatch',
  'redirect_lied',
  'refunded_outside',
]);
export type SaleFlag = z.infer<typeof SaleFlag>;

/** A problem a person can act on: `code` for programs, `message` in plain words. */
export const UserError = z.object({ code: z.string(), message: z.string() });
export type UserError = z.infer<typeof UserError>;

export const Sale = z.object({
  id: z.string().min(1),
  reference: z.string().min(1),
  amountMinor: AmountMinor,
  currency: IsoCurrencyCode,
  currencyId: z.string().min(1),
  methodId: z.string().min(1),
  methodName: z.string(),
  note: z.string().max(200).optional(),
  status: SaleStatus,
  txnId: z.string().optional(),
  providerOrderId: z.string().optional(),
  providerPaymentId: z.string().optional(),
  /** Hosted checkout page for the customer (http(s) only), also shown as a QR code. */
  checkoutUrl: z.string().url().optional(),
  /**
   * The unguessable token in this sale's return address (redirectUrl): only a return carrying it can move this
   * sale.
   */
  returnToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,64}$/)
    .optional(),
  /**
   * The strongest proof yet that KS Pay created the payment: the signature initiate answered with, or the order's
   * checkout URL (an order's IDs, `providerOrderId` and `txnId`, prove it too). Such a sale is never concluded
   * "not received" from a list.
   */
  serverEvidence: z.enum(['signature', 'checkout_url']).optional(),
  /**
   * The start got no reply at all: the connection failed before KS Pay answered. If KS Pay, answering again, has
   * no record of the sale, it was not charged because KS Pay could not be reached (and it says so).
   */
  startUnanswered: z.boolean().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When the server confirmed the final status. */
  verifiedAt: IsoDateTime.optional(),
  cashier: z.string().optional(),
  error: UserError.optional(),
  /**
   * When its receipt was first printed (or handed to the page to print): every later copy is a reprint, marked
   * DUPLICATE on paper and on screen. Kept in the journal, so it holds across restarts and page reloads.
   */
  receiptPrintedAt: IsoDateTime.optional(),
  flags: z.array(SaleFlag).default([]),
  reviewed: z.boolean().default(false),
  demo: z.boolean(),
});
export type Sale = z.infer<typeof Sale>;

/** One line of a sale's history, as the journal recorded it. */
export const SaleTimelineEntry = z.object({ at: IsoDateTime, status: SaleStatus, note: z.string() });
export type SaleTimelineEntry = z.infer<typeof SaleTimelineEntry>;

export const Environment = z.enum(['sandbox', 'kspay-sandbox', 'live', 'custom']);
export type Environment = z.infer<typeof Environment>;
export const ENVIRONMENT_URLS: Record<Exclude<Environment, 'sandbox' | 'custom'>, string> = {
  'kspay-sandbox': 'https://pay-open-sandboxapi.kalp.studio',
  live: 'https://pay-open-liveapi.kalp.studio',
};

export const PrinterSettings = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('system'),
    silent: z.boolean().default(false),
    paper: z.enum(['58mm', '80mm', 'a4']).default('80mm'),
  }),
  z.object({
    kind: z.literal('escpos'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
    paper: z.enum(['58mm', '80mm']).default('80mm'),
  }),
]);
export type PrinterSettings = z.infer<typeof PrinterSettings>;

/** Never loaded by anyone: `.invalid` is reserved (RFC 2606), so no server can ever answer for it. */
export const DEFAULT_CHECKOUT_RETURN_URL = 'https://ks-pay-pos.invalid/checkout/return';

export const CheckoutReturnUrl = z
  .string()
  .max(512)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'The checkout return address must be a full https:// address without a user name or #fragment, such as https://ks-pay-pos.invalid/checkout/return.');

/** A screen the customer display is shown on, as the operating system names it, with its size. */
export const DisplayScreen = z.object({
  name: z.string().min(1).max(120),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
});
export type DisplayScreen = z.infer<typeof DisplayScreen>;

export const CustomerDisplaySettings = z.object({
  /** The desktop app's customer window goes on this screen; null = no customer display window. */
  screen: DisplayScreen.nullable().default(null),
  /** How long the result stays on the customer display before it shows the welcome again. */
  resultSeconds: z.number().int().min(2).max(120).default(8),
});
export type CustomerDisplaySettings = z.infer<typeof CustomerDisplaySettings>;

/** Settings a manager can change. Never holds keys or tokens. */
export const Settings = z.object({
  environment: Environment.default('sandbox'),
  customBaseUrl: z.string().url().optional(),
  appId: z.string().default(''),
  terminalName: z.string().min(1).max(40).default('Counter 1'),
  referencePrefix: z
    .string()
    // Dashes only between letters or digits: the terminal adds the one before each sale's number, and a
    // record's terminal is read as its reference up to the last dash (shared/terminal-of.ts). At most 12, so a
    // reference (prefix, dash, 17-character number) stays within 30 characters (sales/sale-ids.ts).
    .regex(
      /^(?=.{1,12}$)[A-Z0-9]+(?:-[A-Z0-9]+)*$/,
      '1 to 12 capital letters or digits, dashes only between them',
    )
    .default('POS'),
  defaultCurrency: IsoCurrencyCode.optional(),
  defaultMethodId: z.string().optional(),
  receiptHeader: z.string().max(200).default('KS Pay POS'),
  receiptFooter: z.string().max(200).default('Thank you!'),
  printer: PrinterSettings.default({ kind: 'system', silent: false, paper: '80mm' }),
  idleLockMinutes: z.number().int().min(0).max(240).default(5),
  /**
   * How long a sale KS Pay answered for but never confirmed is looked up by its reference at every reconcile
   * (a sale missing from a list proves nothing: the list may be paged, late or cut short). At least a day; at most 30.
   */
  pendingLookupHours: z.number().int().min(24).max(720).default(24),
  locale: z.string().optional(),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  // Only on or off: the feed is fixed when the app is built. An old file's `feedUrl` is dropped on read.
  autoUpdate: z.object({ enabled: z.boolean().default(false) }).default({ enabled: false }),
  /**
   * Where KS Pay sends the customer back after paying; the checkout window catches it and never loads it.
   * A setting in case a KS Pay environment refuses the reserved `.invalid` host (a file without it gets the default).
   */
  checkoutReturnUrl: CheckoutReturnUrl.default(DEFAULT_CHECKOUT_RETURN_URL),
  customerDisplay: CustomerDisplaySettings.default({ screen: null, resultSeconds: 8 }),
});
export type Settings = z.infer<typeof Settings>;

export const ConnectionState = z.object({
  state: z.enum(['demo', 'online', 'offline', 'not_configured']),
  message: z.string().optional(),
  checkedAt: IsoDateTime.optional(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

/**
 * Where the KS Pay keys are kept: `keychain` the OS keychain; `encrypted-file` a file encrypted by
 * Electron's safeStorage with the keychain's key; `owner-only-file` a file only this OS user can read
 * (0600 in the 0700 data folder: anyone who can read this user's files, or root, can read the keys);
 * `session` memory only, typed again after a restart.
 */
export const KeyStore = z.enum(['keychain', 'encrypted-file', 'owner-only-file', 'session']);
export type KeyStore = z.infer<typeof KeyStore>;

/** What the manager chooses where no keychain works: the two stores that need none. */
export const KeyStoreChoice = z.enum(['owner-only-file', 'session']);
export type KeyStoreChoice = z.infer<typeof KeyStoreChoice>;

export const VaultStatus = z.object({
  /** Where the keys are kept now, or would be kept by Save. */
  store: KeyStore,
  /** The keychain by name where it is known (macOS Keychain, Windows Credential Manager…). */
  keychainName: z.string().optional(),
  secure: z.boolean(),
  message: z.string().optional(),
  /** Set when no keychain works here: why, in plain words. The manager then chooses a KeyStoreChoice. */
  unusable: z.string().optional(),
  /** The manager's choice, remembered across restarts; absent until one is made. */
  choice: KeyStoreChoice.optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** Whether this terminal can install updates it has checked, and if not why (shown in Settings). */
export const UpdateAvailability = z.object({
  available: z.boolean(),
  reason: z.string().optional(),
});
export type UpdateAvailability = z.infer<typeof UpdateAvailability>;

export const Role = z.enum(['cashier', 'manager']);
export type Role = z.infer<typeof Role>;

export const CashierName = z
  .string()
  .trim()
  .min(1, "Enter the cashier's name")
  .max(40, "The cashier's name is at most 40 characters");

export const AppStatus = z.object({
  /** first-run: no keys and no demo chosen yet. */
  mode: z.enum(['first-run', 'demo', 'live']),
  shell: z.enum(['electron', 'browser']),
  hasKeys: z.boolean(),
  hasPin: z.boolean(),
  role: Role,
  /** Named cashiers the manager added (names only); empty when the counter has no sign-in. */
  cashiers: z.array(z.string()).default([]),
  /** The cashier signed in at the counter, if any. */
  cashier: z.string().nullable().default(null),
  vault: VaultStatus,
  connection: ConnectionState,
  settings: Settings,
  updates: UpdateAvailability,
  version: z.string(),
  /** The machine policy IT placed, if any: locked settings, and problems that stop the terminal. */
  policy: PolicyStatus.default(NO_POLICY),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const Credentials = z.object({
  appId: z.string().trim().min(1, 'App ID is required').max(200),
  accessKey: z.string().trim().min(1, 'Access key is required').max(500),
  secretKey: z.string().trim().min(1, 'Secret key is required').max(500),
});
export type Credentials = z.infer<typeof Credentials>;

export const ConnectionInput = Credentials.extend({
  environment: Environment,
  customBaseUrl: z.string().url().optional(),
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  steps: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const Pin = z.string().regex(/^\d{4,8}$/, 'The PIN is 4 to 8 digits');

/** One row of the manager's transaction list: the terminal's sale and the server's record, merged. */
export const TransactionRow = z.object({
  key: z.string(),
  time: IsoDateTime,
  reference: z.string(),
  amountMinor: z.number().int(),
  currency: IsoCurrencyCode,
  method: z.string(),
  status: SaleStatus,
  serverStatus: SaleStatus.optional(),
  terminalStatus: SaleStatus.optional(),
  txnId: z.string().optional(),
  cashier: z.string().optional(),
  source: z.enum(['both', 'terminal', 'server']),
  mismatch: z.boolean(),
  flags: z.array(SaleFlag),
  saleId: z.string().optional(),
});
export type TransactionRow = z.infer<typeof TransactionRow>;

export const ReconcileIssue = z.object({
  id: z.string(),
  kind: z.enum([
    'paid_after_cancel',
    'amount_mismatch',
    'currency_mismatch',
    'reference_mismatch',
    'server_only',
    'terminal_only',
    'still_pending',
    'reversed',
  ]),
  saleId: z.string().optional(),
  reference: z.string().optional(),
  txnId: z.string().optional(),
  explanation: z.string(),
  reviewed: z.boolean(),
});
export type ReconcileIssue = z.infer<typeof ReconcileIssue>;

/** The manager's decision on a sale paid after it was cancelled at the counter (a refund needs its reason). */
export const AfterCancelSettlement = z.object({
  outcome: z.enum(['kept', 'refunded_outside']),
  reason: z.string().trim().max(500),
});
export type AfterCancelSettlement = z.infer<typeof AfterCancelSettlement>;

export const ReconcileReport = z.object({
  at: IsoDateTime,
  checked: z.number().int(),
  settled: z.number().int(),
  stillPending: z.number().int(),
  issues: z.array(ReconcileIssue),
  /** Why KS Pay's list was not compared whole (unreadable, or reading stopped at a bound); absent when it was. */
  listProblem: UserError.optional(),
});
export type ReconcileReport = z.infer<typeof ReconcileReport>;

/** One currency's sales by outcome: what the day summary and the merchant's day (per terminal) both count. */
export const OutcomeTotals = z.object({
  currency: IsoCurrencyCode,
  /** Sum of the paid sales' amounts, in minor units. */
  grossMinor: z.number().int(),
  /** Every sale; `succeeded + failed + cancelled + pending = count` (expired counts as cancelled). */
  count: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  pending: z.number().int(),
});
export type OutcomeTotals = z.infer<typeof OutcomeTotals>;

export const CurrencyTotals = OutcomeTotals.extend({
  /** Paid sales (counted in `succeeded`) that were cancelled at the counter first; absent when none. */
  paidAfterCancel: z.number().int().positive().optional(),
  /**
   * Sales paid after they were cancelled whose money the manager recorded as refunded outside the terminal
   * (counted in `cancelled`, not in the gross); absent when none.
   */
  refundedOutside: z.number().int().positive().optional(),
  /** What those refunds gave back, in minor units; present with `refundedOutside`. */
  refundedOutsideMinor: z.number().int().optional(),
  /** Sales confirmed paid that KS Pay now lists failed (counted in `failed`, not in the gross); absent when none. */
  reversed: z.number().int().positive().optional(),
  /** What those reversed sales were for, in minor units; present with `reversed`. */
  reversedMinor: z.number().int().optional(),
  averageTicketMinor: z.number().int(),
  byMethod: z.array(z.object({ method: z.string(), grossMinor: z.number().int(), count: z.number().int() })),
  byCashier: z.array(
    z.object({ cashier: z.string(), grossMinor: z.number().int(), count: z.number().int() }),
  ),
  hourly: z.array(
    z.object({
      hour: z.number().int().min(0).max(23),
      grossMinor: z.number().int(),
      count: z.number().int(),
    }),
  ),
});
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

export const DaySummary = z.object({
  day: DayKey,
  currencies: z.array(CurrencyTotals),
  unresolved: z.number().int(),
});
export type DaySummary = z.infer<typeof DaySummary>;

/**
 * A Z report closes a period: every sale made up to `closedAt` that no earlier report closed. `day` is the
 * calendar day it was closed on. `period.from` is when the period began (the previous report's close;
 * absent for the first). Reports without `period` were closed one calendar day each (`day`), before
 * periods; they keep verifying, since the hash covers only the fields a report has.
 */
export const ZReport = z.object({
  number: z.number().int().positive(),
  day: DayKey,
  period: z.object({ from: IsoDateTime.optional() }).optional(),
  closedAt: IsoDateTime,
  closedBy: z.string(),
  terminalName: z.string(),
  summary: DaySummary,
  unresolvedSaleIds: z.array(z.string()),
  /** Sales of the day KS Pay reversed after they were paid (counted apart); absent when none, as in older reports. */
  reversedSaleIds: z.array(z.string()).min(1).optional(),
  overrideReason: z.string().optional(),
  previousHash: z.string(),
  hash: z.string(),
});
export type ZReport = z.infer<typeof ZReport>;

/** One period's part of a calendar day: a Z report's (`zNumber`, closed at `closedAt`), or the open one. */
export const DayPeriod = z.object({
  zNumber: z.number().int().positive().optional(),
  closedAt: IsoDateTime.optional(),
  summary: DaySummary,
});
export type DayPeriod = z.infer<typeof DayPeriod>;

/**
 * Every sale made on a calendar day, and, when a Z report closed part of it, the same split by period
 * (oldest first, the open period last).
 */
export const DayReport = DaySummary.extend({ periods: z.array(DayPeriod).optional() });
export type DayReport = z.infer<typeof DayReport>;

/** The last close, as the counter shows it: new sales go into the period that opened then. */
export const LastClose = z
  .object({ number: z.number().int().positive(), day: DayKey, closedAt: IsoDateTime })
  .nullable();
export type LastClose = z.infer<typeof LastClose>;

export const AuditEntry = z.object({
  at: IsoDateTime,
  action: z.string(),
  actor: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const TransactionQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
export type TransactionQuery = z.infer<typeof TransactionQuery>;
