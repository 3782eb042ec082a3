// Shown instead of the keypad when the manager has added named cashiers and nobody is signed in:
// one large button per name (touch), the cashier's PIN, Sign in. Main checks the PIN and its lockout.
import { useId, useState } from 'react';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { Icon } from './Icon.tsx';
import { PinField } from './PinForm.tsx';
import './MethodPicker.css';
import { ErrorNotice } from './ErrorNotice.tsx';

const m = messages.cashier;
const PIN = /^\d{4,8}$/;

export function CashierSignIn({ cashiers }: { cashiers: readonly string[] }) {
  const [name, setName] = useState(cashiers.length === 1 ? cashiers[0]! : '');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<{ field: 'pin' | 'form'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const labelId = useId();

  async function signIn() {
    if (!name) return setProblem({ field: 'form', message: m.chooseName });
    if (!PIN.test(pin)) return setProblem({ field: 'pin', message: m.pinRequired });
    setBusy(true);
    setProblem(null);
    try {
      // The new status (who is at the counter) arrives as main's status.changed event.
      await pos().staff.signIn({ name, pin });
    } catch (error) {
      setProblem({ field: 'form', message: errorMessage(error) });
      setPin('');
      setBusy(false);
    }
  }

  return (
    <form
      className="cashier-sign-in"
      aria-labelledby="cashier-sign-in-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void signIn();
      }}
    >
      <h2 id="cashier-sign-in-heading">{m.heading}</h2>
      <p className="muted">{m.lead}</p>
      <div className="methods">
        <span id={labelId} className="field__label">
          {m.who}
        </span>
        <div className="methods__grid" role="group" aria-labelledby={labelId}>
          {cashiers.map((cashier) => (
            <button
              key={cashier}
              type="button"
              className="method"
              aria-pressed={cashier === name}
              onClick={() => {
                setName(cashier);
                setProblem(null);
              }}
            >
              <Icon name="check" className="method__tick" />
              {cashier}
            </button>
          ))}
        </div>
      </div>
      <PinField
        id="cashier-pin"
        label={m.pin}
        value={pin}
        onChange={(value) => {
          setPin(value);
          setProblem(null);
        }}
        error={problem?.field === 'pin' ? problem.message : null}
      />
      {problem?.field === 'form' ? <ErrorNotice message={problem.message} /> : null}
      <button type="submit" className="button button--primary button--large" disabled={busy}>
        {busy ? m.signingIn : m.signIn}
      </button>
      <p className="field__hint">{m.managerHint}</p>
    </form>
  );
}
