// The Settings screen's plain fields: a text input or a select in its FieldShell (label, hint, error).
import type { ReactNode } from 'react';
import { describedBy, FieldShell } from '../../components/FieldShell.tsx';

export interface FieldProps {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string;
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
}: FieldProps & { value: string; onChange(value: string): void; maxLength?: number; inputMode?: 'numeric' }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
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
}: FieldProps & { value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        className="select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </FieldShell>
  );
}
