// The native <dialog> as a modal: shown on mount, the page behind inert, Escape (and a close the browser
// makes) goes through the owner's onClose, and focus returns to what opened it. Modal and Drawer use it.
import { useEffect, useRef, type RefObject } from 'react';

/** Attach the returned ref to the <dialog>; `close()` asks the owner to close, as Escape does. */
export function useModalDialog(onClose: () => void): {
  ref: RefObject<HTMLDialogElement | null>;
  close(): void;
} {
  const ref = useRef<HTMLDialogElement>(null);
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

  return { ref, close: () => onCloseRef.current() };
}
