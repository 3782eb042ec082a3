// Settings → Customer display: the screen the desktop app shows it on (off, or a connected display by
// name and size) and how long the result stays. Browser mode opens the display from the desk instead.
import { useEffect, useState } from 'react';
import type { DisplayScreen } from '../../../../shared/domain.ts';
import { pos } from '../../../lib/pos.ts';
import { useAppStatus } from '../../../stores/index.ts';
import { screenKey } from '../../lib/settings-form.ts';
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { SettingsFieldList, type FieldSpec } from './SettingsFieldList.tsx';

const s = deskMessages.settings;

const RESULT_FIELDS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'customerResultSeconds',
    label: s.customerResultSeconds,
    hint: s.customerResultSecondsHint,
    inputMode: 'numeric',
  },
];

/** The saved choice's label: its name and size, marked when that display is not connected now. */
function savedLabel(key: string, connected: readonly DisplayScreen[]): string | null {
  if (key === '' || connected.some((screen) => screenKey(screen) === key)) return null;
  const [name, width, height] = JSON.parse(key) as [string, number, number];
  return s.customerScreenMissing(`${name} ${width}×${height}`);
}

export function CustomerDisplayPanel(props: SettingsPanelProps) {
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

  const missing = savedLabel(props.form.customerScreen, screens);
  const screenField: FieldSpec = {
    kind: 'select',
    name: 'customerScreen',
    label: s.customerScreen,
    hint: s.customerScreenHint,
    options: [
      { value: '', label: s.customerScreenOff },
      ...(missing ? [{ value: props.form.customerScreen, label: missing }] : []),
      ...screens.map((screen) => ({
        value: screenKey(screen),
        label: `${screen.name} ${screen.width}×${screen.height}`,
      })),
    ],
  };
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.customerDisplay}</legend>
      {electron ? (
        <SettingsFieldList {...props} fields={[screenField]} />
      ) : (
        <p className="field__hint">{s.customerScreenBrowser}</p>
      )}
      <SettingsFieldList {...props} fields={RESULT_FIELDS} />
    </fieldset>
  );
}
