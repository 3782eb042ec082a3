// Changing the keys from Settings: the manager PIN again, then the connection form in a dialog.
import { useState } from 'react';
import type { AppStatus, Settings } from '../../../../shared/domain.ts';
import { ConnectionForm } from '../../../components/ConnectionForm.tsx';
import { Modal } from '../../../components/Modal.tsx';
import { PinField } from '../../../components/PinForm.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { messages } from '../../../lib/messages.ts';
import { pos } from '../../../lib/pos.ts';
import { deskMessages } from '../../messages.ts';

const s = deskMessages.settings;

export type KeysStep = 'closed' | 'pin' | 'form';

interface KeysDialogsProps {
  step: KeysStep;
  current: Settings;
  onStep(step: KeysStep): void;
  onSaved(status: AppStatus): void;
}

export function KeysDialogs({ step, current, onStep, onSaved }: KeysDialogsProps) {
  if (step === 'pin') return <KeysPin onCancel={() => onStep('closed')} onUnlocked={() => onStep('form')} />;
  if (step === 'closed') return null;
  return (
    <Modal title={s.changeKeys} onClose={() => onStep('closed')} size="wide">
      <ConnectionForm
        initial={{
          environment: current.environment,
          appId: current.appId,
          customBaseUrl: current.customBaseUrl ?? '',
        }}
        onBack={() => onStep('closed')}
        onSaved={onSaved}
      />
    </Modal>
  );
}

/** Asks for the manager PIN again before the keys can be changed. */
function KeysPin({ onCancel, onUnlocked }: { onCancel(): void; onUnlocked(): void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!/^\d{4,8}$/.test(pin)) return setError(messages.pin.badFormat);
    setBusy(true);
    try {
      await pos().staff.unlock({ pin });
      onUnlocked();
    } catch (e) {
      setError(errorMessage(e));
      setPin('');
      setBusy(false);
    }
  }

  return (
    <Modal title={s.changeKeys} onClose={onCancel}>
      <form
        className="setup__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="muted">{s.keysPinLead}</p>
        <PinField
          id="keys-pin"
          label={deskMessages.common.pin}
          value={pin}
          onChange={setPin}
          error={error}
          autoFocus
        />
        <div className="setup__actions">
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {deskMessages.common.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {s.continue}
          </button>
        </div>
      </form>
    </Modal>
  );
}
