// Where a receipt prints: the network ESC/POS printer when the settings name one, else the system's
// printer (the desktop app), else the page prints it itself (browser mode). Every print is in the audit
// log; once a sale's receipt has been printed, each further copy is a reprint, marked DUPLICATE.
//
// Whether it was printed before is the sale's own `receiptPrintedAt`, kept in the journal: main decides, and
// the sale it hands back (and tells every page of) carries it, so a page shows and prints the DUPLICATE mark
// even after a reload. The system printer prints the page as it stands, which is why the mark must reach the
// page with the sale, before the next copy is asked for.
import type { Sale } from '../../shared/domain.ts';
import { terminalLocale } from '../../shared/locales.ts';
import { buildReceipt } from '../../shared/receipt.ts';
import type { AuditLog } from '../audit/index.ts';
import type { EscposPrinter } from '../printing/index.ts';
import type { SettingsStore } from '../settings/index.ts';

export interface ReceiptPrintingDeps {
  settings: Pick<SettingsStore, 'get'>;
  printer: EscposPrinter;
  audit: Pick<AuditLog, 'record'>;
  /** Notes the sale's receipt as printed (durably, once) and returns the sale as noted. */
  markPrinted(saleId: string): Promise<Sale>;
  /** The desktop app's system printing of the page the cashier sees; absent in browser mode. */
  printSystem?(saleId: string, options: { silent: boolean }): Promise<void>;
  timeZone: string;
}

export interface PrintedReceipt {
  via: 'escpos' | 'system' | 'renderer';
  duplicate: boolean;
  /** The sale with `receiptPrintedAt`: a page showing it marks every later copy DUPLICATE. */
  sale: Sale;
}

const detailOf = (sale: Sale): string => `Receipt of sale ${sale.reference}`;

export async function printReceipt(
  deps: ReceiptPrintingDeps,
  sale: Sale,
  actor: string,
): Promise<PrintedReceipt> {
  const current = deps.settings.get();
  const duplicate = sale.receiptPrintedAt !== undefined;
  let via: PrintedReceipt['via'];
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
    await deps.printSystem(sale.id, { silent: current.printer.silent });
    via = 'system';
  } else {
    via = 'renderer';
  }
  // Noted only once this copy is out: a page that learns of it sooner would print the first copy as DUPLICATE.
  const printed = await deps.markPrinted(sale.id);
  await deps.audit.record({
    action: duplicate ? 'receipt.reprinted' : 'receipt.printed',
    actor,
    detail: `${detailOf(sale)} ${duplicate ? 'printed again, marked DUPLICATE' : 'printed'} (${via})`,
  });
  return { via, duplicate, sale: printed };
}
