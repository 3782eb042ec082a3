// The verified result: heading, colour and icon and word, the details, Print receipt and New sale.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Sale } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { formatAmount, formatDateTime } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { outcomeOf, type Outcome } from '../lib/outcome.ts';
import { pos } from '../lib/pos.ts';
import { useSale } from '../stores/index.ts';
import { CancelSale } from './CancelSale.tsx';
import { Icon, type IconName } from './Icon.tsx';
import './SaleResult.css';

type ResultOutcome = Exclude<Outcome, 'in-progress'>;

const LOOK: Record<ResultOutcome, { heading: string; word: string; icon: IconName }> = {
  succeeded: {
    heading: messages.result.succeeded,
    word: messages.result.succeededWord,
    icon: 'check-circle',
  },
  failed: { heading: messages.result.failed, word: messages.result.failedWord, icon: 'x-circle' },
  cancelled: { heading: messages.result.cancelled, word: messages.result.cancelledWord, icon: 'ban' },
  pending: { heading: messages.result.pending, word: messages.result.pendingWord, icon: 'clock' },
};

/** A sale cancelled at the counter that the customer paid anyway: money was taken, so it reads as a warning. */
const PAID_AFTER_CANCEL = {
  outcome: 'pending',
  look: { heading: messages.afterCancel.paid, word: messages.result.paidAfterCancelWord, icon: 'alert' },
} as const satisfies { outcome: ResultOutcome; look: (typeof LOOK)[ResultOutcome] };

/** A sale closed because KS Pay could not be reached at its start (and has no record of it) says so first. */
const NOT_REACHED = {
  ...LOOK.failed,
  heading: messages.result.notReached,
  word: messages.result.notReachedWord,
};

function resultLook(sale: Sale): { outcome: ResultOutcome; look: (typeof LOOK)[ResultOutcome] } | null {
  if (sale.flags.includes('paid_after_cancel')) return PAID_AFTER_CANCEL;
  const outcome = outcomeOf(sale.status);
  if (outcome === 'in-progress') return null;
  if (outcome === 'failed' && sale.error?.code === 'not_reached') return { outcome, look: NOT_REACHED };
  return { outcome, look: LOOK[outcome] };
}

export function resultHeading(sale: Sale): string | null {
  return resultLook(sale)?.look.heading ?? null;
}

/** What happened and what next: main's own words for this sale when it has them, else the outcome's. */
function explanation(sale: Sale): string {
  if (sale.status === 'succeeded') {
    return sale.flags.includes('paid_after_cancel')
      ? messages.result.paidAfterCancel
      : messages.result.succeededBody;
  }
  if (sale.error?.message) return sale.error.message;
  if (sale.status === 'expired') return messages.result.expiredBody;
  switch (outcomeOf(sale.status)) {
    case 'cancelled':
      return messages.result.cancelledBody;
    case 'pending':
      return messages.result.pendingBody;
    default:
      return messages.result.failedBody;
  }
}

export function SaleResult({ sale, locale }: { sale: Sale; locale: string }) {
  const { outcome, look } = resultLook(sale) ?? { outcome: 'pending', look: LOOK.pending };
  const storeError = useSale((s) => s.error);
  const [printState, setPrintState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const newSaleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The next thing a cashier does is almost always "New sale": Enter gets there.
    newSaleRef.current?.focus();
  }, []);

  async function print() {
    setPrintState({ busy: true, message: null, failed: false });
    // The system printer prints this page as it stands: its mark comes from main's receiptPrintedAt, and main's
    // update noting this very print must not reach the copy being printed.
    useSale.getState().holdReceiptMark(sale.id, sale.receiptPrintedAt !== undefined);
    try {
      const { via, duplicate, sale: printed } = await pos().receipts.print({ saleId: sale.id });
      if (via === 'renderer') {
        // The copy this page prints carries main's DUPLICATE mark when main says it is a reprint.
        flushSync(() => useSale.getState().holdReceiptMark(sale.id, duplicate));
        window.print();
      }
      // Printed once: main noted it, so every later copy, and the screen, say DUPLICATE.
      useSale.getState().applyUpdate(printed);
      setPrintState({
        busy: false,
        message: duplicate
          ? messages.result.printedDuplicate
          : via === 'renderer'
            ? null
            : messages.result.printed,
        failed: false,
      });
    } catch (error) {
      setPrintState({ busy: false, message: errorMessage(error), failed: true });
    } finally {
      useSale.getState().releaseReceiptMark();
      // Print is disabled while it prints, which drops the focus to the page: give it back to
      // New sale so Enter still starts the next sale.
      newSaleRef.current?.focus();
    }
  }

  const time = sale.verifiedAt ?? sale.updatedAt;

  return (
    <section className="result" data-outcome={outcome} aria-labelledby="result-heading">
      <div className="result__banner">
        <Icon name={look.icon} className="result__icon" />
        <div className="result__titles">
          <h2 id="result-heading">{look.heading}</h2>
          <span className="result__word">{look.word}</span>
        </div>
      </div>
      <div className="result__body">
        <div className="result__summary">
          <p className="result__amount money">{formatAmount(sale.amountMinor, sale.currency, locale)}</p>
          <p className="result__explanation">{explanation(sale)}</p>
          {outcomeOf(sale.status) === 'pending' ? (
            <CancelSale>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void useSale.getState().checkAgain()}
              >
                <Icon name="refresh" />
                {messages.result.checkAgain}
              </button>
            </CancelSale>
          ) : null}
        </div>
        <dl className="details result__details">
          <dt>{messages.result.method}</dt>
          <dd>{sale.methodName}</dd>
          <dt>{messages.result.time}</dt>
          <dd>{formatDateTime(time, locale)}</dd>
          <dt>{messages.result.reference}</dt>
          <dd className="details__mono">{sale.reference}</dd>
          <dt>{messages.result.transactionId}</dt>
          <dd className="details__mono">{sale.txnId ?? messages.result.none}</dd>
          <dt>{messages.result.note}</dt>
          <dd>{sale.note ?? messages.result.none}</dd>
        </dl>
      </div>
      <div className="result__footer">
        <p
          className={
            printState.failed || storeError ? 'result__message result__message--error' : 'result__message'
          }
          role="status"
        >
          {printState.message ?? storeError ?? ''}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary button--large"
            disabled={printState.busy}
            onClick={() => void print()}
          >
            <Icon name="printer" />
            {messages.result.print}
          </button>
          <button
            ref={newSaleRef}
            type="button"
            className="button button--primary button--large"
            onClick={() => void useSale.getState().newSale()}
          >
            <Icon name="plus" />
            {messages.result.newSale}
          </button>
        </div>
      </div>
    </section>
  );
}
