// The pending-sales pill in the top bar: the count, one click from the list.
import { useState } from 'react';
import { messages } from '../lib/messages.ts';
import { useNow } from '../lib/use-now.ts';
import { usePending } from '../stores/index.ts';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';
import { PendingPanel } from './PendingPanel.tsx';
import './PendingPill.css';

export function PendingPill({ locale }: { locale: string }) {
  const count = usePending((s) => s.sales.length);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="pending-pill"
        data-has-pending={count > 0}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Icon name="hourglass" />
        {count > 0 ? messages.header.pending(count) : messages.header.noPending}
      </button>
      {open ? <PendingDialog locale={locale} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function PendingDialog({ locale, onClose }: { locale: string; onClose(): void }) {
  const now = useNow(30_000);
  return (
    <Modal title={messages.pending.heading} onClose={onClose} size="wide">
      <PendingPanel
        locale={locale}
        now={now}
        actions={
          <button type="button" className="button button--primary" onClick={onClose}>
            {messages.pending.close}
          </button>
        }
      />
    </Modal>
  );
}
