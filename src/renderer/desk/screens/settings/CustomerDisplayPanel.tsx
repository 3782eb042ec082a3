// Settings → Customer display: the screen the desktop app shows it on (off, or a connected display by
// name and size) and how long the result stays. Browser mode opens the display from the desk instead.
import { useEffect, useState } from 'react';
import type { DisplayScreen } from '../../../../shared/domain.ts';
import { pos } from '../../../lib/pos.ts';
import { useAppStatus } from '../../../stores/index.ts';
import { screenKey, type SettingsErrors, type SettingsForm } from '../../lib/settings-form.ts';
import { deskMessages } from '../../messages.ts';
import { SelectField, TextField } from '../../components/SettingsFields.tsx';

const s = deskMessages.settings;

interface CustomerDisplayPanelProps {
  form: SettingsForm;
  errors: SettingsErrors;
  update(field: 'customerScreen' | 'customerResultSeconds', value: string): void;
  /** The machine policy sets the customer display. */
  locked: boolean;
}

/** The saved choice's label: its name and size, marked when that display is not connected now. */
function savedLabel(key: string, connected: readonly DisplayScreen[]): string | null {
  if (key === '' || connected.some((screen) => screenKey(screen) === key)) return null;
  const [name, width, height] = JSON.parse(key) as [string, number, number];
  return s.customerScreenMissing(`${name} ${width}×${height}`);
}

export function CustomerDisplayPanel({ form, errors, update, locked }: CustomerDisplayPanelProps) {
  const electron = useAppStatus((state) => state.status?.shell === 'electron');
  const [screens, setScreens] = useState<DisplayScreen[]>([]);

  useEffect(() => {
    if (!electron) return;
    let live = true;
    pos()
      .display.screens()
      .then(
        (connected) => live && setScreens(connected),
        () => live && setScreens([]),
      );
    return () => {
      live = false;
    };
  }, [electron]);

  const missing = savedLabel(form.customerScreen, screens);
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.customerDisplay}</legend>
      {electron ? (
        <SelectField
          id="settings-customerScreen"
          error={errors.customerScreen}
          label={s.customerScreen}
          hint={s.customerScreenHint}
          value={form.customerScreen}
          locked={locked}
          onChange={(value) => update('customerScreen', value)}
        >
          <option value="">{s.customerScreenOff}</option>
          {missing ? <option value={form.customerScreen}>{missing}</option> : null}
          {screens.map((screen) => (
            <option key={screenKey(screen)} value={screenKey(screen)}>
              {`${screen.name} ${screen.width}×${screen.height}`}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="field__hint">{s.customerScreenBrowser}</p>
      )}
      <TextField
        id="settings-customerResultSeconds"
        error={errors.customerResultSeconds}
        label={s.customerResultSeconds}
        hint={s.customerResultSecondsHint}
        value={form.customerResultSeconds}
        inputMode="numeric"
        locked={locked}
        onChange={(value) => update('customerResultSeconds', value)}
      />
    </fieldset>
  );
}
