// While the customer pays: the QR of the checkout page, the elapsed time, Cancel sale (with a confirm).
import { useEffect, useRef, useState } from 'react';
import type { Sale } from '../../shared/domain.ts';
import { formatAmount } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { useSale } from '../stores/sale.ts';
import { ElapsedTime } from './ElapsedTime.tsx';
import { Icon } from './Icon.tsx';
import { QrImage } from './QrImage.tsx';
import './SalePaying.css';

export function SalePaying({ sale, locale }: { sale: Sale; locale: string }) {
  const cancelling = useSale((s) => s.cancelling);
  const error = useSale((s) => s.error);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keepWaitingRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (confirming) keepWaitingRef.current?.focus();
  }, [confirming]);

  const heading =
    sale.status === 'awaiting_payment'
      ? messages.paying.waiting
      : sale.status === 'verifying'
        ? messages.paying.verifying
        : messages.paying.preparing;

  return (
    <section className="paying" aria-labelledby="paying-heading">
      <div className="paying__qr">
        <QrImage text={sale.checkoutUrl} alt={messages.paying.qrAlt} />
        <p className="paying__hint">
          {sale.checkoutUrl ? messages.paying.qrHint : messages.paying.qrPending}
        </p>
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
        {error ? (
          <p className="notice notice--error" role="alert">
            <Icon name="alert" className="notice__icon" />
            <span>{error}</span>
          </p>
        ) : null}
        {confirming ? (
          <div
            className="paying__confirm"
            role="alertdialog"
            aria-labelledby="cancel-title"
            aria-describedby="cancel-body"
          >
            <p id="cancel-title" className="paying__confirm-title">
              {messages.paying.confirmCancel}
            </p>
            <p id="cancel-body" className="paying__confirm-body">
              {messages.paying.confirmCancelBody}
            </p>
            <div className="actions">
              <button
                ref={keepWaitingRef}
                type="button"
                className="button button--secondary"
                onClick={() => setConfirming(false)}
              >
                {messages.paying.confirmNo}
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={cancelling}
                onClick={() => {
                  void useSale
                    .getState()
                    .cancel()
                    .finally(() => setConfirming(false));
                }}
              >
                {cancelling ? messages.paying.cancelling : messages.paying.confirmYes}
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={!sale.checkoutUrl}
              onClick={() => void useSale.getState().openCheckoutAgain()}
            >
              <Icon name="external" />
              {messages.paying.openAgain}
            </button>
            <button
              type="button"
              className="button button--secondary paying__cancel"
              onClick={() => setConfirming(true)}
            >
              {messages.paying.cancel}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
