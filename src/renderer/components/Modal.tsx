// A modal dialog on the native <dialog>: focus moves in, the page behind is inert, Escape closes it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './Modal.css';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider panels (lists) use "wide". */
  size?: 'narrow' | 'wide';
}

export function Modal({ title, onClose, children, size = 'narrow' }: ModalProps) {
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
    // A close event can arrive after the dialog was opened again (the event is queued): ignore it then.
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    // Escape fires "cancel"; let the owner decide by closing through onClose.
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('close', handleClose);
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('close', handleClose);
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal modal--${size}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
