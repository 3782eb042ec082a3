// Forgot PIN?: sets a new manager PIN after the KS Pay keys are entered again, which proves the
// person owns this terminal. Main compares the keys with the ones in the keychain.
import { useState } from 'react';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { PinField } from './PinForm.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const m = messages.manager;
const PIN = /^\d{4,8}$/;

type Field = 'keys' | 'pin' | 'confirm' | 'form';

export function RecoverPinForm({ onReset, onCancel }: { onReset(): void; onCancel(): void }) {
  const [accessKey, setAccessKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<{ field: Field; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function reset() {
    if (!accessKey.trim() || !secretKey.trim()) return setProblem({ field: 'keys', message: m.keysRequired });
    if (!PIN.test(pin)) return setProblem({ field: 'pin', message: messages.pin.badFormat });
    if (pin !== confirm) return setProblem({ field: 'confirm', message: messages.pin.mismatch });
    setProblem(null);
    setBusy(true);
    try {
      await pos().staff.recoverPin({ accessKey: accessKey.trim(), secretKey: secretKey.trim(), newPin: pin });
      onReset();
    } catch (error) {
      setProblem({ field: 'form', message: errorMessage(error) });
      setBusy(false);
    }
  }

  const keysError = problem?.field === 'keys' ? problem.message : null;

  return (
    <form
      className="setup__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void reset();
      }}
    >
      <p className="muted">{m.recoverLead}</p>
      <div className="field">
        <label className="field__label" htmlFor="recover-access-key">
          {m.accessKey}
        </label>
        <input
          id="recover-access-key"
          className="input"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={accessKey}
          autoFocus
          aria-invalid={keysError && !accessKey.trim() ? true : undefined}
          onChange={(event) => setAccessKey(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="recover-secret-key">
          {m.secretKey}
        </label>
        <input
          id="recover-secret-key"
          className="input"
          type="password"
          autoComplete="off"
          maxLength={500}
          value={secretKey}
          aria-invalid={keysError && !secretKey.trim() ? true : undefined}
          aria-describedby={keysError ? 'recover-keys-error' : undefined}
          onChange={(event) => setSecretKey(event.target.value)}
        />
        {keysError ? (
          <p id="recover-keys-error" className="field__error" role="alert">
            {keysError}
          </p>
        ) : null}
      </div>
      <PinField
        id="recover-pin"
        label={m.newPin}
        value={pin}
        onChange={setPin}
        hint={messages.pin.rule}
        error={problem?.field === 'pin' ? problem.message : null}
      />
      <PinField
        id="recover-confirm"
        label={m.confirmPin}
        value={confirm}
        onChange={setConfirm}
        error={problem?.field === 'confirm' ? problem.message : null}
      />
      {problem?.field === 'form' ? <ErrorNotice message={problem.message} /> : null}
      <div className="setup__actions">
        <button type="button" className="button button--ghost setup__back" onClick={onCancel}>
          {m.cancel}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? m.resetting : m.reset}
        </button>
      </div>
    </form>
  );
}
