// What every Settings form panel is given: the form as typed, its errors, which fields the machine
// policy sets, and the way to change a field.
import type { SettingsErrors, SettingsField, SettingsForm } from '../../lib/settings-form.ts';

export interface SettingsPanelProps {
  form: SettingsForm;
  errors: SettingsErrors;
  isLocked(name: SettingsField): boolean;
  update<F extends SettingsField>(field: F, value: SettingsForm[F]): void;
}
