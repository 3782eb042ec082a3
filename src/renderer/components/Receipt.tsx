// The printable receipt, laid out from buildReceipt (the same content the ESC/POS printer prints):
// hidden on screen, the only thing on paper. The page size follows settings.printer.paper.
import type { Sale, Settings } from '../../shared/domain.ts';
import { buildReceipt } from '../../shared/receipt.ts';
import { messages } from '../lib/messages.ts';
import { QrImage } from './QrImage.tsx';
import './Receipt.css';

export function Receipt({
  sale,
  settings,
  locale,
  duplicate = false,
}: {
  sale: Sale;
  settings: Settings;
  locale: string;
  /** Printed before: this copy says DUPLICATE. */
  duplicate?: boolean;
}) {
  const receipt = buildReceipt(sale, settings, locale, undefined, { duplicate });
  return (
    <article className="receipt" data-paper={settings.printer.paper} aria-label={messages.receipt.heading}>
      {receipt.header.length > 0 ? (
        <header className="receipt__header">
          {receipt.header.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </header>
      ) : null}
      {receipt.demoNotice ? <p className="receipt__demo">{receipt.demoNotice}</p> : null}
      {receipt.duplicateNotice ? <p className="receipt__demo">{receipt.duplicateNotice}</p> : null}
      <dl className="receipt__rows">
        {receipt.rows.map((row) => (
          <div key={row.label} className="receipt__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {receipt.qrPayload ? (
        <QrImage className="receipt__qr" text={receipt.qrPayload} alt={messages.receipt.qrAlt} />
      ) : null}
      {receipt.footer.length > 0 ? (
        <footer className="receipt__footer">
          {receipt.footer.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </footer>
      ) : null}
    </article>
  );
}
