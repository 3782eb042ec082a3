// A side panel on the native <dialog>: focus moves in, the page behind is inert, Escape closes it,
// focus returns to what opened it. For a record's details beside the list it came from.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { deskMessages } from '../messages.ts';

interface DrawerProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function Drawer({ title, onClose, children }: DrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId}>
      <header className="drawer__header">
        <h2 id={titleId} className="drawer__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary" onClick={() => onCloseRef.current()}>
          {deskMessages.common.close}
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </dialog>
  );
}
