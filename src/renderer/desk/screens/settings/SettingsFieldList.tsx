// Settings fields described as data: each a text input or a select of fixed options, wired to its form
// field the same way (id settings-<name>, its error, locked when the machine policy sets it), alone or as
// a whole section (FieldsPanel).
import type { ReactNode } from 'react';
import { SelectField, TextField } from '../../components/SettingsFields.tsx';
import type { SettingsField, SettingsForm } from '../../lib/settings-form.ts';
import type { SettingsPanelProps } from './panel-props.ts';

/** The form fields typed as text (or chosen among strings). */
type StringField = { [F in SettingsField]: SettingsForm[F] extends string ? F : never }[SettingsField];

export type FieldSpec =
  | {
      kind: 'text';
      name: StringField;
      label: string;
      hint?: string;
      maxLength?: number;
      inputMode?: 'numeric' | 'url';
      /** Takes the panel's whole row (an address). */
      wide?: boolean;
      /** How typing is kept (e.g. upper-cased). */
      normalise?(typed: string): string;
    }
  | {
      kind: 'select';
      name: StringField;
      label: string;
      hint?: string;
      options: ReadonlyArray<{ value: string; label: string }>;
      /** Instead of setting the field alone (a choice that clears another field). */
      onChoose?(value: string): void;
    };

export function SettingsFieldList({
  fields,
  form,
  errors,
  isLocked,
  update,
}: SettingsPanelProps & { fields: readonly FieldSpec[] }) {
  const set = (name: StringField, value: string) => update(name, value as SettingsForm[typeof name]);
  return (
    <>
      {fields.map((spec) => {
        const shared = {
          id: `settings-${spec.name}`,
          error: errors[spec.name],
          locked: isLocked(spec.name),
          label: spec.label,
          hint: spec.hint,
          value: form[spec.name],
        };
        if (spec.kind === 'select') {
          return (
            <SelectField
              key={spec.name}
              {...shared}
              onChange={(v) => (spec.onChoose ? spec.onChoose(v) : set(spec.name, v))}
            >
              {spec.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </SelectField>
          );
        }
        return (
          <TextField
            key={spec.name}
            {...shared}
            maxLength={spec.maxLength}
            inputMode={spec.inputMode}
            wide={spec.wide}
            onChange={(v) => set(spec.name, spec.normalise ? spec.normalise(v) : v)}
          />
        );
      })}
    </>
  );
}

/** A Settings section of fields, and whatever follows them (a note). */
export function FieldsPanel({
  title,
  children,
  ...props
}: SettingsPanelProps & { title: string; fields: readonly FieldSpec[]; children?: ReactNode }) {
  return (
    <fieldset className="panel">
      <legend className="panel__title">{title}</legend>
      <SettingsFieldList {...props} />
      {children}
    </fieldset>
  );
}
