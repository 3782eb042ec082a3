// Settings → Receipt: the header and footer lines printed on every receipt.
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { SettingsFieldList, type FieldSpec } from './SettingsFieldList.tsx';

const s = deskMessages.settings;

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', name: 'receiptHeader', label: s.receiptHeader },
  { kind: 'text', name: 'receiptFooter', label: s.receiptFooter },
];

export function ReceiptPanel(props: SettingsPanelProps) {
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.receipt}</legend>
      <SettingsFieldList {...props} fields={FIELDS} />
    </fieldset>
  );
}
