// Settings › Cashiers: the named cashiers who sign in at the counter with their own PIN. Main hashes
// the PIN, checks the name is free and writes the audit log; this checks the form in plain words first.
import { useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { describedBy, FieldShell } from '../../components/FieldShell.tsx';
import { PinField } from '../../components/PinForm.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { useAppStatus } from '../../stores/index.ts';
import { deskMessages } from '../messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './CashiersPanel.css';

const s = deskMessages.settings;
const PIN = /^\d{4,8}$/;
const NO_CASHIERS: readonly string[] = [];

type Problem = { field: 'name' | 'pin' | 'form'; message: string };

export function CashiersPanel() {
  const cashiers = useAppStatus((state) => state.status?.cashiers ?? NO_CASHIERS);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(change: () => Promise<unknown>, doneText: string): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await change();
      useAppStatus.getState().setStatus(await pos().setup.status());
      setDone(doneText);
      return true;
    } catch (error) {
      setProblem({ field: 'form', message: errorMessage(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 40)
      return setProblem({ field: 'name', message: s.cashierNameRequired });
    if (!PIN.test(pin)) return setProblem({ field: 'pin', message: s.pinBadFormat });
    if (await run(() => pos().staff.addCashier({ name: trimmed, pin }), s.cashierAdded(trimmed))) {
      setName('');
      setPin('');
    }
  }

  const nameError = problem?.field === 'name' ? problem.message : null;
  // The rule is said once: as the hint, or in the error when the name breaks it.
  const nameHint = nameError ? undefined : s.cashierNameRule;

  return (
    <form
      className="panel panel--narrow-fields"
      aria-labelledby="cashiers-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <h3 id="cashiers-heading" className="panel__title">
        {s.cashiersHeading}
      </h3>
      <p className="muted">{s.cashiersLead}</p>
      {cashiers.length === 0 ? (
        <p className="muted">{s.noCashiers}</p>
      ) : (
        <ul className="cashier-list" aria-labelledby="cashiers-heading">
          {cashiers.map((cashier) => (
            <li key={cashier} className="cashier-list__item">
              <span>{cashier}</span>
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                onClick={() =>
                  void run(() => pos().staff.removeCashier({ name: cashier }), s.cashierRemoved(cashier))
                }
              >
                <Icon name="x-circle" />
                {s.removeCashier(cashier)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldShell id="cashier-name" label={s.cashierName} hint={nameHint} error={nameError} announceError>
        <input
          id="cashier-name"
          className="input"
          value={name}
          maxLength={40}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('cashier-name', nameHint, nameError)}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
      </FieldShell>
      <PinField
        id="cashier-new-pin"
        label={s.cashierPin}
        value={pin}
        hint={s.pinRule}
        onChange={(value) => {
          setPin(value);
          setProblem(null);
        }}
        error={problem?.field === 'pin' ? problem.message : null}
      />
      {problem?.field === 'form' ? <ErrorNotice message={problem.message} /> : null}
      <div className="toolbar">
        <button type="submit" className="button button--secondary" disabled={busy}>
          <Icon name="plus" />
          {busy ? s.addingCashier : s.addCashier}
        </button>
        {done ? (
          <p className="settings-form__saved" role="status">
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
