// The Settings form's state: the saved settings loaded once, the form as typed, its errors, and Save
// (checked with the shared Settings schema first; the saved settings then reach the app's status).
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/domain.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { pos } from '../../../lib/pos.ts';
import { applyTheme } from '../../../lib/theme.ts';
import { useAppStatus } from '../../../stores/index.ts';
import {
  formToSettings,
  settingsToForm,
  type SettingsErrors,
  type SettingsField,
  type SettingsForm,
} from '../../lib/settings-form.ts';
import { deskMessages } from '../../messages.ts';

const s = deskMessages.settings;

export interface SaveResult {
  ok: boolean;
  text: string;
}

export type SettingsFormState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: string }
  | {
      phase: 'ready';
      current: Settings;
      form: SettingsForm;
      errors: SettingsErrors;
      saving: boolean;
      result: SaveResult | null;
      /** One field as typed: clears that field's error and the last Save's result. */
      update<F extends SettingsField>(field: F, value: SettingsForm[F]): void;
      /** Several fields at once, as typed, leaving errors and the result as they are. */
      change(patch: Partial<SettingsForm>): void;
      /** The connection was saved through the keys flow. */
      setCurrent(settings: Settings): void;
      save(): Promise<void>;
    };

export function useSettingsForm(): SettingsFormState {
  const [current, setCurrent] = useState<Settings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    pos()
      .settings.get()
      .then(
        (settings) => {
          setCurrent(settings);
          setForm(settingsToForm(settings));
        },
        (error: unknown) => setLoadError(errorMessage(error)),
      );
  }, []);

  if (loadError) return { phase: 'failed', error: loadError };
  if (!form || !current) return { phase: 'loading' };

  function update<F extends SettingsField>(field: F, value: SettingsForm[F]) {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setResult(null);
  }

  async function save() {
    if (!form || !current) return;
    const checked = formToSettings(form, current);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setResult({ ok: false, text: s.fixFirst });
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`settings-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setResult(null);
    try {
      const saved = await pos().settings.update(checked.update);
      setCurrent(saved);
      setForm(settingsToForm(saved));
      applyTheme(saved.theme);
      const status = useAppStatus.getState().status;
      if (status) useAppStatus.getState().setStatus({ ...status, settings: saved });
      setResult({ ok: true, text: s.saved });
    } catch (error) {
      setResult({ ok: false, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return {
    phase: 'ready',
    current,
    form,
    errors,
    saving,
    result,
    update,
    change: (patch) => setForm({ ...form, ...patch }),
    setCurrent,
    save,
  };
}
