// Where a receipt prints: the network ESC/POS printer when the settings name one, else the system's
// printer (the desktop app), else the page prints it itself (browser mode). Every print is in the audit
// log; once a sale's receipt has been printed, each further copy is a reprint, marked DUPLICATE.
import type { Sale } from '../../shared/domain.ts';
import { terminalLocale } from '../../shared/locales.ts';
import { buildReceipt } from '../../shared/receipt.ts';
import type { AuditLog } from '../audit/index.ts';
import type { EscposPrinter } from '../printing/index.ts';
import type { SettingsStore } from '../settings/index.ts';

export interface ReceiptPrintingDeps {
  settings: Pick<SettingsStore, 'get'>;
  printer: EscposPrinter;
  audit: Pick<AuditLog, 'list' | 'record'>;
  /** The desktop app's system printing; absent in browser mode. */
  printSystem?(saleId: string, options: { silent: boolean; duplicate: boolean }): Promise<void>;
  timeZone: string;
}

const PRINTED = 'receipt.printed';
const REPRINTED = 'receipt.reprinted';

const detailOf = (sale: Sale): string => `Receipt of sale ${sale.reference}`;

async function printedBefore(audit: Pick<AuditLog, 'list'>, sale: Sale): Promise<boolean> {
  const detail = detailOf(sale);
  return (await audit.list()).some(
    (entry) => (entry.action === PRINTED || entry.action === REPRINTED) && entry.detail.startsWith(detail),
  );
}

export async function printReceipt(
  deps: ReceiptPrintingDeps,
  sale: Sale,
  actor: string,
): Promise<{ via: 'escpos' | 'system' | 'renderer'; duplicate: boolean }> {
  const current = deps.settings.get();
  const duplicate = await printedBefore(deps.audit, sale);
  let via: 'escpos' | 'system' | 'renderer';
  if (current.printer.kind === 'escpos') {
    const { host, port, paper } = current.printer;
    await deps.printer.print(
      buildReceipt(
        sale,
        current,
        terminalLocale(current.locale, current.defaultCurrency ?? sale.currency, undefined),
        deps.timeZone,
        { duplicate },
      ),
      {
        host,
        port,
        paper,
      },
    );
    via = 'escpos';
  } else if (deps.printSystem) {
    await deps.printSystem(sale.id, { silent: current.printer.silent, duplicate });
    via = 'system';
  } else {
    via = 'renderer';
  }
  await deps.audit.record({
    action: duplicate ? REPRINTED : PRINTED,
    actor,
    detail: `${detailOf(sale)} ${duplicate ? 'printed again, marked DUPLICATE' : 'printed'} (${via})`,
  });
  return { via, duplicate };
}
