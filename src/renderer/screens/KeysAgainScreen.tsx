// A live terminal with no keys: they were kept for this session only and KS Pay POS restarted. The
// manager PIN first (the keys are the manager's to change once a PIN exists), then the Connect screen
// with the connection the terminal had, to type the keys again.
import { useState } from 'react';
import type { AppStatus } from '../../shared/domain.ts';
import { Brand } from '../components/Brand.tsx';
import { PinField } from '../components/PinForm.tsx';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { ConnectScreen } from './ConnectScreen.tsx';
import './setup.css';

export function KeysAgainScreen({ status }: { status: AppStatus }) {
  const [unlocked, setUnlocked] = useState(false);
  if (status.hasPin && status.role !== 'manager' && !unlocked)
    return <ManagerPin status={status} onUnlocked={() => setUnlocked(true)} />;
  return <ConnectScreen again={status.settings} />;
}

function ManagerPin({ status, onUnlocked }: { status: AppStatus; onUnlocked(): void }) {
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
    <main className="setup">
      <div className="card setup__panel">
        <Brand />
        <h1>{messages.connect.againHeading}</h1>
        <p>
          {status.vault.choice === 'session' ? messages.connect.againLead : messages.connect.againLeadMissing}
        </p>
        <form
          className="setup__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <p className="muted">{messages.connect.againPinLead}</p>
          <PinField
            id="keys-again-pin"
            label={messages.pin.pin}
            value={pin}
            onChange={setPin}
            error={error}
            autoFocus
          />
          <div className="setup__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {messages.connect.againPinContinue}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
