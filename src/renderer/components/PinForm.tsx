// Sets the manager PIN: Manager PIN and Confirm PIN, Save. Used after the first connect and
// from the Manager button when no PIN exists yet (Demo mode).
import { useState } from 'react';
import type { AppStatus } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { describedBy, FieldShell } from './FieldShell.tsx';

const PIN = /^\d{4,8}$/;

export function PinForm({
  onSaved,
  onCancel,
}: {
  onSaved(status: AppStatus, pin: string): void;
  onCancel?: () => void;
}) {
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<{ field: 'pin' | 'confirm' | 'form'; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (!PIN.test(pin)) return setProblem({ field: 'pin', message: messages.pin.badFormat });
    if (pin !== confirm) return setProblem({ field: 'confirm', message: messages.pin.mismatch });
    setProblem(null);
    setSaving(true);
    try {
      onSaved(await pos().setup.setPin({ pin, confirm }), pin);
    } catch (error) {
      setProblem({ field: 'form', message: errorMessage(error) });
      setSaving(false);
    }
  }

  return (
    <form
      className="setup__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <PinField
        id="pin-new"
        label={messages.pin.pin}
        value={pin}
        onChange={setPin}
        hint={messages.pin.rule}
        error={problem?.field === 'pin' ? problem.message : null}
        autoFocus
      />
      <PinField
        id="pin-confirm"
        label={messages.pin.confirm}
        value={confirm}
        onChange={setConfirm}
        error={problem?.field === 'confirm' ? problem.message : null}
      />
      {problem?.field === 'form' ? <ErrorNotice message={problem.message} /> : null}
      <div className="setup__actions">
        {onCancel ? (
          <button type="button" className="button button--ghost setup__back" onClick={onCancel}>
            {messages.manager.cancel}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? messages.pin.saving : messages.pin.save}
        </button>
      </div>
    </form>
  );
}

interface PinFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error: string | null;
  autoFocus?: boolean;
}

export function PinField({ id, label, value, onChange, hint, error, autoFocus }: PinFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} announceError>
      <input
        id={id}
        className="input input--pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      />
    </FieldShell>
  );
}
