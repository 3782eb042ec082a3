// The printable receipt: hidden on screen, the only thing on paper. Page size from settings.printer.paper.
import type { Sale, Settings } from '../../shared/domain.ts';
import { formatAmount, formatDateTime } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { QrImage } from './QrImage.tsx';
import './Receipt.css';

export function Receipt({ sale, settings, locale }: { sale: Sale; settings: Settings; locale: string }) {
  const rows: [string, string][] = [
    [messages.receipt.terminal, settings.terminalName],
    [messages.result.time, formatDateTime(sale.verifiedAt ?? sale.updatedAt, locale)],
    [messages.result.amount, formatAmount(sale.amountMinor, sale.currency, locale)],
    [messages.sale.currency, sale.currency],
    [messages.result.method, sale.methodName],
    [messages.receipt.status, messages.status[sale.status]],
    [messages.result.reference, sale.reference],
    [messages.result.transactionId, sale.txnId ?? messages.result.none],
  ];
  return (
    <article className="receipt" data-paper={settings.printer.paper} aria-label={messages.receipt.heading}>
      <header className="receipt__header">{settings.receiptHeader}</header>
      {sale.demo ? <p className="receipt__demo">{messages.receipt.demo}</p> : null}
      <dl className="receipt__rows">
        {rows.map(([label, value]) => (
          <div key={label} className="receipt__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {sale.txnId ? <QrImage className="receipt__qr" text={sale.txnId} alt={messages.receipt.qrAlt} /> : null}
      <footer className="receipt__footer">{settings.receiptFooter}</footer>
    </article>
  );
}
