// A side panel on the native <dialog>: focus moves in, the page behind is inert, Escape closes it,
// focus returns to what opened it. For a record's details beside the list it came from.
import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../../lib/use-modal-dialog.ts';
import { deskMessages } from '../messages.ts';
import './Drawer.css';

interface DrawerProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function Drawer({ title, onClose, children }: DrawerProps) {
  const { ref, close } = useModalDialog(onClose);
  const titleId = useId();

  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId}>
      <header className="drawer__header">
        <h2 id={titleId} className="drawer__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary" onClick={close}>
          {deskMessages.common.close}
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </dialog>
  );
}
