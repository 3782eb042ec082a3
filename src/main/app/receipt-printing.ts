// Where a receipt prints: the network ESC/POS printer when the settings name one, else the system's
// printer (the desktop app), else the page prints it itself (browser mode).
import type { Sale } from '../../shared/domain.ts';
import { buildReceipt } from '../../shared/receipt.ts';
import type { EscposPrinter } from '../printing/index.ts';
import type { SettingsStore } from '../settings/index.ts';

export interface ReceiptPrintingDeps {
  settings: Pick<SettingsStore, 'get'>;
  printer: EscposPrinter;
  /** The desktop app's system printing; absent in browser mode. */
  printSystem?(saleId: string, options: { silent: boolean }): Promise<void>;
  timeZone: string;
}

export async function printReceipt(
  deps: ReceiptPrintingDeps,
  sale: Sale,
): Promise<{ via: 'escpos' | 'system' | 'renderer' }> {
  const current = deps.settings.get();
  if (current.printer.kind === 'escpos') {
    const { host, port, paper } = current.printer;
    await deps.printer.print(buildReceipt(sale, current, current.locale, deps.timeZone), {
      host,
      port,
      paper,
    });
    return { via: 'escpos' };
  }
  if (deps.printSystem) {
    await deps.printSystem(sale.id, { silent: current.printer.silent });
    return { via: 'system' };
  }
  return { via: 'renderer' };
}
