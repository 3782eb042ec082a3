// The manager's decision on a sale paid after the counter cancelled it: keep the payment, or record the
// refund made outside the terminal, with what was done. A refund without its reason cannot be sent.
import { useState } from 'react';
import type { ReconcileIssue } from '../../../shared/domain.ts';
import { deskMessages } from '../messages.ts';
import { useDeskReconcile } from '../stores/index.ts';

const a = deskMessages.pending.afterCancel;

export function AfterCancelSettle({ issue }: { issue: ReconcileIssue }) {
  const saving = useDeskReconcile((s) => s.saving.has(issue.id));
  const [reason, setReason] = useState('');
  const reasonId = `issue-reason-${issue.id}`;
  const hintId = `${reasonId}-hint`;
  const settle = (outcome: 'kept' | 'refunded_outside') =>
    void useDeskReconcile.getState().settleAfterCancel(issue, { outcome, reason: reason.trim() });
  return (
    <form className="issue__form" onSubmit={(event) => event.preventDefault()}>
      <p id={hintId} className="issue__hint">
        {a.reasonHint}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={reasonId}>
          {a.reason}
        </label>
        <input
          id={reasonId}
          className="input"
          value={reason}
          maxLength={500}
          aria-describedby={hintId}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={saving}
        onClick={() => settle('kept')}
      >
        {a.keep}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={saving || reason.trim() === ''}
        onClick={() => settle('refunded_outside')}
      >
        {a.refunded}
      </button>
    </form>
  );
}
