// The Settings screen's plain fields: a text input or a select in its FieldShell (label, hint, error),
// disabled with "Set by your organisation" when the machine policy sets the setting.
import type { ReactNode } from 'react';
import { describedBy, FieldShell } from '../../components/FieldShell.tsx';
import { messages } from '../../lib/messages.ts';

export interface FieldProps {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string;
  /** Set by the machine policy: shown as such, not editable. */
  locked?: boolean;
}

export function TextField({
  id,
  label,
  error,
  hint,
  value,
  onChange,
  maxLength,
  inputMode,
  wide,
  locked = false,
}: FieldProps & {
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  inputMode?: 'numeric' | 'url';
  /** Takes the panel's whole row (an address). */
  wide?: boolean;
}) {
  const shownHint = locked ? messages.policy.setByOrganisation : hint;
  return (
    <FieldShell
      id={id}
      label={label}
      error={error}
      hint={shownHint}
      {...(wide ? { className: 'field--wide' } : {})}
    >
      <input
        id={id}
        className="input"
        value={value}
        disabled={locked}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, shownHint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  value,
  onChange,
  children,
  locked = false,
}: FieldProps & { value: string; onChange(value: string): void; children: ReactNode }) {
  const shownHint = locked ? messages.policy.setByOrganisation : hint;
  return (
    <FieldShell id={id} label={label} error={error} hint={shownHint}>
      <select
        id={id}
        className="select"
        value={value}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, shownHint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </FieldShell>
  );
}
