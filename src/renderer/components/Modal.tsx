// A modal dialog on the native <dialog>: focus moves in, the page behind is inert, Escape closes it.
import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../lib/use-modal-dialog.ts';
import './Modal.css';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider panels (lists) use "wide". */
  size?: 'narrow' | 'wide';
}

export function Modal({ title, onClose, children, size = 'narrow' }: ModalProps) {
  const { ref } = useModalDialog(onClose);
  const titleId = useId();

  return (
    <dialog ref={ref} className={`modal modal--${size}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
