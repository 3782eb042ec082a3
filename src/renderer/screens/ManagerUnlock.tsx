// The Manager button's PIN prompt. With no PIN yet (Demo mode) it sets one first; Forgot PIN?
// resets it with the KS Pay keys.
import { useState } from 'react';
import { Modal } from '../components/Modal.tsx';
import { PinField, PinForm } from '../components/PinForm.tsx';
import { RecoverPinForm } from '../components/RecoverPinForm.tsx';
import { Icon } from '../components/Icon.tsx';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { useAppStatus } from '../stores/index.ts';
import './setup.css';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

interface ManagerUnlockProps {
  hasPin: boolean;
  onUnlocked(): void;
  onCancel(): void;
}

export function ManagerUnlock({ hasPin, onUnlocked, onCancel }: ManagerUnlockProps) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const [resetDone, setResetDone] = useState(false);

  async function unlock(withPin: string) {
    setBusy(true);
    setError(null);
    try {
      const { role } = await pos().staff.unlock({ pin: withPin });
      if (role === 'manager') onUnlocked();
      else setError(messages.manager.notManager);
    } catch (caught) {
      setError(errorMessage(caught));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  if (!hasPin) {
    return (
      <Modal title={messages.pin.heading} onClose={onCancel}>
        <p className="muted modal__lead">{messages.manager.setPinFirst}</p>
        <PinForm
          onCancel={onCancel}
          onSaved={(status, newPin) => {
            useAppStatus.getState().setStatus(status);
            void unlock(newPin);
          }}
        />
      </Modal>
    );
  }

  if (recovering) {
    return (
      <Modal title={messages.manager.recoverHeading} onClose={onCancel}>
        <RecoverPinForm
          onCancel={() => setRecovering(false)}
          onReset={() => {
            setRecovering(false);
            setResetDone(true);
            setError(null);
            setPin('');
          }}
        />
      </Modal>
    );
  }

  return (
    <Modal title={messages.manager.unlockHeading} onClose={onCancel}>
      <form
        className="setup__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (pin) void unlock(pin);
        }}
      >
        <p className="muted">{messages.manager.unlockLead}</p>
        {resetDone ? (
          <p className="notice notice--success" role="status">
            <Icon name="check" className="notice__icon" />
            <span>{messages.manager.resetDone}</span>
          </p>
        ) : null}
        <PinField
          id="manager-pin"
          label={messages.manager.pin}
          value={pin}
          onChange={setPin}
          error={null}
          autoFocus
        />
        {error ? <ErrorNotice message={error} /> : null}
        <div className="setup__actions">
          <button type="button" className="button button--ghost setup__back" onClick={onCancel}>
            {messages.manager.cancel}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setResetDone(false);
              setRecovering(true);
            }}
          >
            {messages.manager.forgot}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || pin.length < 4}>
            <Icon name="lock" />
            {messages.manager.open}
          </button>
        </div>
      </form>
    </Modal>
  );
}
