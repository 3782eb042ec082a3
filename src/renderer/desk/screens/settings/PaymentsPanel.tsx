// Settings → Payments: how far back unfinished sales are looked up, and the checkout's return address.
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { SettingsFieldList, type FieldSpec } from './SettingsFieldList.tsx';

const s = deskMessages.settings;

const FIELDS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'pendingLookupHours',
    label: s.pendingLookup,
    hint: s.pendingLookupHint,
    inputMode: 'numeric',
  },
  {
    kind: 'text',
    name: 'checkoutReturnUrl',
    label: s.returnUrl,
    hint: s.returnUrlHint,
    inputMode: 'url',
    wide: true,
  },
];

export function PaymentsPanel(props: SettingsPanelProps) {
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.payments}</legend>
      <SettingsFieldList {...props} fields={FIELDS} />
    </fieldset>
  );
}
