// Settings → Behaviour: the idle lock (within the machine policy's bounds when it sets them), the
// locale and the theme.
import { messages } from '../../../lib/messages.ts';
import { useAppStatus, useCatalog } from '../../../stores/index.ts';
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { FieldsPanel, type FieldSpec } from './SettingsFieldList.tsx';
import { localeOptions } from './locale-options.ts';

const s = deskMessages.settings;

const THEMES = (['system', 'light', 'dark'] as const).map((theme) => ({
  value: theme,
  label: s.themes[theme],
}));

export function BehaviourPanel(props: SettingsPanelProps) {
  const bounds = useAppStatus((state) => state.status?.policy?.idleLockBounds);
  const offered = useCatalog((state) => state.currencies[0]?.code);
  const fields: readonly FieldSpec[] = [
    {
      kind: 'text',
      name: 'idleLockMinutes',
      label: s.idleLock,
      hint: bounds ? messages.policy.bounds(bounds.min, bounds.max) : s.idleLockHint,
      inputMode: 'numeric',
    },
    {
      kind: 'select',
      name: 'locale',
      label: s.locale,
      hint: s.localeHint,
      // The currency as the form has it now, else the one the catalogue offers first: what Automatic follows.
      options: localeOptions(props.form.locale, props.form.defaultCurrency || offered),
    },
    { kind: 'select', name: 'theme', label: s.theme, options: THEMES },
  ];
  return <FieldsPanel {...props} title={s.behaviour} fields={fields} />;
}
