// The customer display's state as a pure function of what is on the counter: the cashier's sale, the
// amount being keyed in, the settings and the time. Only what a customer may see leaves here.
import type { CustomerDisplayState, CustomerOutcome, KeyedAmount } from '../../shared/customer-display.ts';
import type { Sale, SaleStatus, Settings } from '../../shared/domain.ts';

export interface CounterNow {
  /** The sale on the counter (the one the cashier's screen shows), or the last one, once dismissed. */
  sale: Sale | null;
  keyed: KeyedAmount;
  settings: Pick<Settings, 'receiptHeader' | 'theme' | 'locale' | 'customerDisplay'>;
  now: number;
}

type Phase = { kind: 'preparing' | 'scan' | 'checking' } | { kind: 'final'; outcome: CustomerOutcome };

/** Read exactly as the cashier's screen reads it (renderer/lib/outcome.ts): only a verified status is final. */
function phaseOf(status: SaleStatus): Phase {
  switch (status) {
    case 'draft':
    case 'initiating':
    case 'processing':
      return { kind: 'preparing' };
    case 'awaiting_payment':
      return { kind: 'scan' };
    case 'verifying':
    case 'unknown':
      return { kind: 'checking' };
    case 'succeeded':
      return { kind: 'final', outcome: 'paid' };
    case 'failed':
    case 'expired':
      return { kind: 'final', outcome: 'not_completed' };
    case 'cancelled':
      return { kind: 'final', outcome: 'cancelled' };
  }
}

/** When the result stops showing: the configured seconds after the server confirmed it. */
export function resultEndsAt(sale: Sale, resultSeconds: number): number {
  return Date.parse(sale.verifiedAt ?? sale.updatedAt) + resultSeconds * 1000;
}

export function projectCustomerDisplay({ sale, keyed, settings, now }: CounterNow): CustomerDisplayState {
  const look = {
    merchant: settings.receiptHeader,
    theme: settings.theme,
    ...(settings.locale ? { locale: settings.locale } : {}),
  };
  const phase = sale ? phaseOf(sale.status) : null;
  if (sale && phase && phase.kind !== 'final') {
    return {
      view: 'waiting',
      ...look,
      amountMinor: sale.amountMinor,
      currency: sale.currency,
      methodName: sale.methodName,
      ...(phase.kind === 'scan' && sale.checkoutUrl ? { checkoutUrl: sale.checkoutUrl } : {}),
      checking: phase.kind === 'checking',
    };
  }
  // A new amount keyed in is the next customer's: the last result gives way to it at once.
  if (keyed && keyed.amountMinor > 0) {
    return {
      view: 'keying',
      ...look,
      amountMinor: keyed.amountMinor,
      currency: keyed.currency,
      ...(keyed.methodName ? { methodName: keyed.methodName } : {}),
    };
  }
  if (sale && phase?.kind === 'final' && now < resultEndsAt(sale, settings.customerDisplay.resultSeconds)) {
    return {
      view: 'result',
      ...look,
      amountMinor: sale.amountMinor,
      currency: sale.currency,
      outcome: phase.outcome,
    };
  }
  return { view: 'idle', ...look };
}
