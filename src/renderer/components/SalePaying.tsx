// While the customer pays: the QR of the checkout page, the elapsed time, Cancel sale (with a confirm).
import { useEffect, useRef } from 'react';
import type { Sale } from '../../shared/domain.ts';
import { formatAmount } from '../lib/format.ts';
import { isLoopbackUrl } from '../lib/loopback-url.ts';
import { messages } from '../lib/messages.ts';
import { useSale } from '../stores/index.ts';
import { CancelSale } from './CancelSale.tsx';
import { ElapsedTime } from './ElapsedTime.tsx';
import { Icon } from './Icon.tsx';
import { QrImage } from './QrImage.tsx';
import './SalePaying.css';

export function SalePaying({ sale, locale }: { sale: Sale; locale: string }) {
  const error = useSale((s) => s.error);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const heading =
    sale.status === 'awaiting_payment'
      ? messages.paying.waiting
      : sale.status === 'verifying'
        ? messages.paying.verifying
        : messages.paying.preparing;
  // What main says about this sale (a check that failed and will be retried) or what a call of ours hit.
  const problem = error ?? sale.error?.message ?? null;

  return (
    <section className="paying" aria-labelledby="paying-heading">
      <div className="paying__qr">
        <QrImage text={sale.checkoutUrl} alt={messages.paying.qrAlt} />
        {isLoopbackUrl(sale.checkoutUrl) ? (
          // Instead of the usual hint, which offers a phone camera that cannot open this address.
          <p className="paying__hint paying__hint--warning">
            <Icon name="alert" />
            <span>{messages.paying.qrThisComputerOnly(sale.demo)}</span>
          </p>
        ) : (
          <p className="paying__hint">
            {sale.checkoutUrl ? messages.paying.qrHint : messages.paying.qrPending}
          </p>
        )}
      </div>
      <div className="paying__info">
        <div className="paying__status">
          <span className="paying__spinner" aria-hidden="true" />
          <h2 id="paying-heading" ref={headingRef} tabIndex={-1}>
            {heading}
          </h2>
        </div>
        <p className="paying__amount money">{formatAmount(sale.amountMinor, sale.currency, locale)}</p>
        <dl className="details">
          <dt>{messages.result.method}</dt>
          <dd>{sale.methodName}</dd>
          <dt>{messages.paying.reference}</dt>
          <dd className="details__mono">{sale.reference}</dd>
          <dt>{messages.paying.elapsed}</dt>
          <dd>
            <ElapsedTime since={sale.createdAt} />
          </dd>
        </dl>
        {problem ? (
          <p className="notice notice--warning" role="status">
            <Icon name="alert" className="notice__icon" />
            <span>{problem}</span>
          </p>
        ) : null}
        {/* While the payment is being set up there is nothing to open or cancel yet (main would refuse). */}
        {sale.status === 'awaiting_payment' || sale.status === 'verifying' ? (
          <CancelSale>
            <button
              type="button"
              className="button button--secondary"
              disabled={!sale.checkoutUrl}
              onClick={() => void useSale.getState().openCheckoutAgain()}
            >
              <Icon name="external" />
              {messages.paying.openAgain}
            </button>
          </CancelSale>
        ) : null}
      </div>
    </section>
  );
}
