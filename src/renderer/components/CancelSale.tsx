// "Cancel sale", which asks first: a payment the customer already made is still found and shown.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { messages } from '../lib/messages.ts';
import { useSale } from '../stores/index.ts';
import './CancelSale.css';

/** `children` are the other actions shown beside Cancel sale while nobody is confirming. */
export function CancelSale({ children }: { children?: ReactNode }) {
  const cancelling = useSale((s) => s.cancelling);
  const [confirming, setConfirming] = useState(false);
  const keepWaitingRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keepWaitingRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="actions">
        {children}
        <button
          type="button"
          className="button button--secondary cancel-sale"
          onClick={() => setConfirming(true)}
        >
          {messages.paying.cancel}
        </button>
      </div>
    );
  }

  return (
    <div
      className="cancel-confirm"
      role="alertdialog"
      aria-labelledby="cancel-title"
      aria-describedby="cancel-body"
    >
      <p id="cancel-title" className="cancel-confirm__title">
        {messages.paying.confirmCancel}
      </p>
      <p id="cancel-body" className="cancel-confirm__body">
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
  );
}
