// Every contract call, implemented by handing it to the service that owns it. Decisions live in the
// services; what is here is who-calls-what, the audit entries of manager actions, and status events.
import type { DisplayScreen } from '../../shared/domain.ts';
import type { AuditExport, AuditLog } from '../audit/index.ts';
import type { CredentialsService } from '../credentials/index.ts';
import type { CustomerDisplay } from '../customer-display/index.ts';
import type { CallContext, Handlers } from '../ipc/index.ts';
import type { EscposPrinter } from '../printing/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import type { Setup } from '../setup/index.ts';
import type { Staff } from '../staff/index.ts';
import { PosAppError } from './app-error.ts';
import { checkoutPageOf, requireCheckoutPage } from './checkout-page.ts';
import { closeDay } from './day-close.ts';
import type { Foreground } from './foreground.ts';
import type { PrefixGuard } from './prefix-guard.ts';
import type { Runtime } from './runtime.ts';
import { checkSaleChoice } from './sale-choice.ts';
import { printReceipt } from './receipt-printing.ts';
import { requireOwnSale, visibleSales } from './sale-owner.ts';
import { requireNewPrefixFree, updateSettings } from './settings-update.ts';

export interface ShellActions {
  /** Electron: the checkout window; browser mode: nothing (the page opens the hosted page itself). */
  openCheckout(saleId: string, url: string): void;
  /** Electron: closes the sale's checkout window, if it shows one. Browser mode: the page closes its own. */
  closeCheckout?(saleId: string): void;
  /**
   * Electron: prints the receipt the window shows with the system's printer, as it stands: the page marks a reprint
   * DUPLICATE from the sale's `receiptPrintedAt`. Absent in browser mode (the page prints).
   */
  printSystem?(saleId: string, options: { silent: boolean }): Promise<void>;
  /** Browser mode: a new one-time address for a customer display page. Absent in Electron (its own window). */
  customerDisplayAddress?(): string;
  /** Electron: the displays connected now, for Settings → Customer display. Absent in browser mode. */
  displayScreens?(): DisplayScreen[];
  /** Electron: notes that the Charge button became interactive, for the start-up timing in the log. */
  chargeInteractive?(): void;
}

export interface HandlerDeps {
  setup: Setup;
  runtime(): Promise<Runtime>;
  settings: SettingsStore;
  staff: Staff;
  audit: AuditLog;
  auditExport: AuditExport;
  credentials: Pick<CredentialsService, 'ownsTheKeys'>;
  printer: EscposPrinter;
  shell: ShellActions;
  customerDisplay: Pick<CustomerDisplay, 'state' | 'keyed'>;
  /** Tells the renderer the app status changed (role, mode, settings); never rejects. */
  statusChanged(): Promise<void>;
  /** One reference prefix per terminal: refuses one another terminal used today, pauses sales on a clash. */
  prefixGuard: Pick<PrefixGuard, 'requireFree' | 'requireNoConflict'>;
  /** Writes the diagnostics zip and returns its path. */
  saveDiagnostics(): string;
  timeZone: string;
  /** The manager's PIN check runs ahead of background listings. */
  foreground?: Pick<Foreground, 'run'>;
  /** While the light is red, asks KS Pay once more and refuses, saying why, when it still does not answer. */
  requireKsPayAnswers(): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { setup, settings, staff, audit } = deps;
  const foreground = <T>(work: () => Promise<T>): Promise<T> =>
    deps.foreground ? deps.foreground.run(work) : work();
  const actor = (ctx: CallContext): string =>
    ctx.role === 'manager' ? 'manager' : (staff.currentCashier() ?? 'cashier');

  /** Runs a call that changes the status the renderer shows, then tells it. */
  async function changing<T>(run: () => Promise<T> | T): Promise<T> {
    const result = await run();
    await deps.statusChanged();
    return result;
  }

  return {
    'setup.status': (_input, ctx) => setup.status(ctx.role),
    'setup.startDemo': (_input, ctx) => changing(() => setup.startDemo(ctx.role)),
    'setup.testConnection': (input) => setup.testConnection(input),
    'setup.saveConnection': (input, ctx) => changing(() => setup.saveConnection(input, ctx.role)),
    'setup.setPin': ({ pin, confirm }, ctx) => changing(() => setup.setPin(pin, confirm, ctx.role)),
    'setup.chooseKeyStore': ({ store }, ctx) => changing(() => setup.chooseKeyStore(store, ctx.role)),

    'catalog.currencies': async () => (await deps.runtime()).catalog().currencies(),
    'catalog.methods': async ({ currencyId }) => (await deps.runtime()).catalog().methods(currencyId),

    'sales.start': async (input, ctx) => {
      await staff.requireSomeoneAtCounter(ctx.role);
      const runtime = await deps.runtime();
      const known = runtime.engine.sale(input.saleId);
      if (known) {
        // The screen asked again for a sale it named (Charge pressed twice, a reply lost, the page reloaded):
        // that sale, as it stands, and only to whoever may see it. Its checkout is open already.
        await requireOwnSale(staff, ctx.role, known);
        return runtime.engine.start({ ...input, methodName: known.methodName });
      }
      deps.prefixGuard.requireNoConflict();
      const catalog = runtime.catalog();
      const methodName = await checkSaleChoice(catalog, input);
      // Before anything is saved or sent: a sale started into a red light could only go pending.
      await deps.requireKsPayAnswers();
      const sale = await runtime.engine.start({ ...input, methodName });
      // Another start with this ID may have begun it first, under another cashier's name.
      await requireOwnSale(staff, ctx.role, sale);
      await catalog.remember({ currencyId: input.currencyId, methodId: input.methodId });
      const page = checkoutPageOf(sale);
      if (page) deps.shell.openCheckout(sale.id, page);
      return sale;
    },
    'sales.cancel': async ({ saleId }, ctx) => {
      const { engine } = await deps.runtime();
      await requireOwnSale(staff, ctx.role, engine.get(saleId).sale);
      return engine.cancel(saleId);
    },
    'sales.retryVerify': async ({ saleId }, ctx) => {
      const { engine } = await deps.runtime();
      await requireOwnSale(staff, ctx.role, engine.get(saleId).sale);
      return engine.retryVerify(saleId);
    },
    'sales.openCheckout': async ({ saleId }, ctx) => {
      const { sale } = (await deps.runtime()).engine.get(saleId);
      await requireOwnSale(staff, ctx.role, sale);
      deps.shell.openCheckout(sale.id, requireCheckoutPage(sale));
      return { ok: true };
    },
    'sales.current': async (_input, ctx) => {
      const current = (await deps.runtime()).engine.current();
      return current ? (visibleSales(staff, ctx.role, [current])[0] ?? null) : null;
    },
    'sales.dismiss': async ({ saleId }, ctx) => {
      const { engine } = await deps.runtime();
      await requireOwnSale(staff, ctx.role, engine.get(saleId).sale);
      engine.dismiss(saleId);
      return { ok: true };
    },
    'sales.list': async ({ limit }, ctx) =>
      visibleSales(staff, ctx.role, (await deps.runtime()).engine.list(limit)),
    'sales.pending': async (_input, ctx) =>
      visibleSales(staff, ctx.role, (await deps.runtime()).engine.pending()),
    'sales.get': async ({ saleId }, ctx) => {
      const found = (await deps.runtime()).engine.get(saleId);
      await requireOwnSale(staff, ctx.role, found.sale);
      return found;
    },
    'sales.reconcile': async (_input, ctx) => {
      const report = await (await deps.runtime()).engine.reconcile();
      await audit.record({
        action: 'reconcile.run',
        actor: actor(ctx),
        detail: `Checked ${report.checked} sale(s) with KS Pay: ${report.settled} settled, ${report.stillPending} still pending, ${report.issues.length} issue(s)`,
      });
      return report;
    },
    'sales.settleAfterCancel': async ({ saleId, outcome, reason }, ctx) => {
      const { engine } = await deps.runtime();
      const { sale } = engine.get(saleId);
      await engine.settleAfterCancel(saleId, { outcome, reason }, actor(ctx));
      const decision = outcome === 'kept' ? 'payment kept' : 'money refunded outside the terminal';
      await audit.record({
        action: outcome === 'kept' ? 'sale.paid_after_cancel_kept' : 'sale.refunded_outside',
        actor: actor(ctx),
        detail: `Sale ${sale.reference}, paid after it was cancelled: ${decision}${reason ? ` (${reason})` : ''}`,
      });
      return { ok: true };
    },
    'sales.markReviewed': async ({ issueId, note }, ctx) => {
      await (await deps.runtime()).engine.markReviewed(issueId, note ?? '', actor(ctx));
      await audit.record({
        action: 'reconcile.reviewed',
        actor: actor(ctx),
        detail: `Issue ${issueId} marked as reviewed${note ? `: ${note}` : ''}`,
      });
      return { ok: true };
    },

    'receipts.print': async ({ saleId }, ctx) => {
      const { engine } = await deps.runtime();
      const { sale } = engine.get(saleId);
      await requireOwnSale(staff, ctx.role, sale);
      const { printer, timeZone, shell } = deps;
      const printSystem = shell.printSystem?.bind(shell);
      const markPrinted = (id: string) => engine.markReceiptPrinted(id);
      return printReceipt(
        { settings, printer, timeZone, audit, markPrinted, ...(printSystem ? { printSystem } : {}) },
        sale,
        actor(ctx),
      );
    },

    'staff.unlock': ({ pin }, ctx) =>
      changing(() => foreground(async () => ({ role: await staff.unlock(ctx.session, pin) }))),
    'staff.lock': (_input, ctx) => changing(() => ({ role: staff.lock(ctx.session) })),
    'staff.changePin': async ({ currentPin, newPin }, ctx) => {
      await staff.changePin(ctx.session, currentPin, newPin);
      return { ok: true };
    },
    'staff.addCashier': ({ name, pin }, ctx) =>
      changing(async () => {
        await staff.addCashier(ctx.session, name, pin);
        return { ok: true as const };
      }),
    'staff.removeCashier': ({ name }, ctx) =>
      changing(async () => {
        await staff.removeCashier(ctx.session, name);
        return { ok: true as const };
      }),
    'staff.signIn': ({ name, pin }) =>
      changing(async () => ({ cashier: await staff.signInCashier(name, pin) })),
    'staff.signOut': () =>
      changing(async () => {
        await staff.signOutCashier();
        return { ok: true as const };
      }),
    'staff.recoverPin': ({ accessKey, secretKey, newPin }, ctx) =>
      changing(async () => {
        await staff.recoverPin(ctx.session, newPin, () => deps.credentials.ownsTheKeys(accessKey, secretKey));
        return { ok: true as const };
      }),

    'settings.get': async () => settings.get(),
    'settings.update': async (patch, ctx) => {
      await requireNewPrefixFree({ settings, prefixGuard: deps.prefixGuard }, patch);
      return changing(() => updateSettings({ settings, audit }, patch, actor(ctx)));
    },

    'reports.transactions': async (input) => (await deps.runtime()).reports.transactions(input),
    'reports.transactionsPage': async ({ listing, offset, limit }) =>
      (await deps.runtime()).reports.transactionsPage(listing, offset, limit),
    'reports.exportCsv': async (filter, ctx) => (await deps.runtime()).reports.exportCsv(filter, actor(ctx)),
    'reports.exportXlsx': async (filter, ctx) =>
      (await deps.runtime()).reports.exportXlsx(filter, actor(ctx)),
    'reports.day': async ({ day }) => (await deps.runtime()).reports.day(day),
    'reports.merchantDay': async ({ day, server }) =>
      (await deps.runtime()).reports.merchantDay(day, server ? { server } : {}),
    'reports.closeDay': async (input, ctx) =>
      closeDay({ reports: (await deps.runtime()).reports, staff }, ctx.session, input, actor(ctx)),
    'reports.zReports': async () => (await deps.runtime()).reports.zReports(),
    'reports.lastClose': async () => (await deps.runtime()).reports.lastClose(),
    'reports.exportZReport': async ({ number }, ctx) =>
      (await deps.runtime()).reports.exportZReport(number, actor(ctx)),

    'display.state': async () => deps.customerDisplay.state(),
    'display.keying': async (amount) => {
      deps.customerDisplay.keyed(amount);
      return { ok: true };
    },
    'display.screens': async () => deps.shell.displayScreens?.() ?? [],
    'display.openAddress': async () => {
      const address = deps.shell.customerDisplayAddress?.();
      if (!address)
        throw new PosAppError(
          'not_available',
          'The desktop app shows the customer display in its own window: choose its screen under Settings → Customer display.',
        );
      return { url: address };
    },

    'audit.list': () => audit.list(),
    'audit.export': (_input, ctx) => deps.auditExport.export(actor(ctx)),
    'diagnostics.chargeInteractive': async () => {
      deps.shell.chargeInteractive?.();
      return { ok: true as const };
    },
    'diagnostics.save': async (_input, ctx) => {
      const path = deps.saveDiagnostics();
      await audit.record({
        action: 'diagnostics.saved',
        actor: actor(ctx),
        detail: `Saved diagnostics to ${path}`,
      });
      return { path };
    },
  };
}
