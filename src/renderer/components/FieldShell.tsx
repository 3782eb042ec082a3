// A form field's frame: the label, the control, a hint and the error in plain words, wired together
// so a screen reader reads the hint and the error with the control (aria-describedby).
import type { ReactNode } from 'react';

export interface FieldShellProps {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string | undefined;
  className?: string;
  /** Announce the error as soon as it appears (for short forms whose button is right below). */
  announceError?: boolean;
  children: ReactNode;
}

/** The ids of the hint and the error under control `id`, for its aria-describedby. */
export function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldShell({ id, label, error, hint, className, announceError, children }: FieldShellProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role={announceError ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
