// Settings › Manager PIN: change the PIN with the current one. Checks the form in plain words
// before asking main, which checks the current PIN again.
import { useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { PinField } from '../../components/PinForm.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';
import { deskMessages } from '../messages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

const s = deskMessages.settings;
const PIN = /^\d{4,8}$/;

type Field = 'current' | 'next' | 'confirm';

export function ChangePinPanel() {
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', confirm: '' });
  const [problem, setProblem] = useState<{ field: Field | 'form'; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function update(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setProblem(null);
    setDone(false);
  }

  async function change() {
    if (!PIN.test(values.current)) return setProblem({ field: 'current', message: s.pinBadFormat });
    if (!PIN.test(values.next)) return setProblem({ field: 'next', message: s.pinBadFormat });
    if (values.next !== values.confirm) return setProblem({ field: 'confirm', message: s.pinMismatch });
    setBusy(true);
    try {
      await pos().staff.changePin({ currentPin: values.current, newPin: values.next });
      setValues({ current: '', next: '', confirm: '' });
      setDone(true);
    } catch (error) {
      setProblem({ field: 'form', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: Field) => (problem?.field === field ? problem.message : null);

  return (
    <form
      className="panel panel--narrow-fields"
      aria-labelledby="change-pin-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void change();
      }}
    >
      <h3 id="change-pin-heading" className="panel__title">
        {s.pinHeading}
      </h3>
      <p className="muted">{s.pinLead}</p>
      <PinField
        id="change-pin-current"
        label={s.currentPin}
        value={values.current}
        onChange={(v) => update('current', v)}
        error={errorFor('current')}
      />
      <PinField
        id="change-pin-new"
        label={s.newPin}
        value={values.next}
        onChange={(v) => update('next', v)}
        hint={s.pinRule}
        error={errorFor('next')}
      />
      <PinField
        id="change-pin-confirm"
        label={s.confirmPin}
        value={values.confirm}
        onChange={(v) => update('confirm', v)}
        error={errorFor('confirm')}
      />
      {problem?.field === 'form' ? <ErrorNotice message={problem.message} /> : null}
      <div className="toolbar">
        <button type="submit" className="button button--secondary" disabled={busy}>
          <Icon name="lock" />
          {busy ? s.changingPin : s.changePin}
        </button>
        {done ? (
          <p className="settings-form__saved" role="status">
            {s.pinChanged}
          </p>
        ) : null}
      </div>
    </form>
  );
}
