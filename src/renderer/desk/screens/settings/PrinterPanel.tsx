// Settings → Printer: the system printer (silent or with its dialog) or an ESC/POS printer on the
// network, and the paper (A4 only through the system printer).
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { SettingsFieldList, type FieldSpec } from './SettingsFieldList.tsx';

const s = deskMessages.settings;

const KIND: readonly FieldSpec[] = [
  {
    kind: 'select',
    name: 'printerKind',
    label: s.printerKind,
    options: [
      { value: 'system', label: s.printerSystem },
      { value: 'escpos', label: s.printerEscpos },
    ],
  },
];

const NETWORK: readonly FieldSpec[] = [
  { kind: 'text', name: 'printerHost', label: s.printerHost },
  { kind: 'text', name: 'printerPort', label: s.printerPort, inputMode: 'numeric' },
];

const PAPERS = [
  { value: '58mm', label: '58 mm' },
  { value: '80mm', label: '80 mm' },
  { value: 'a4', label: 'A4' },
];

export function PrinterPanel(props: SettingsPanelProps) {
  const { form, isLocked, update } = props;
  const system = form.printerKind === 'system';
  const paper: readonly FieldSpec[] = [
    {
      kind: 'select',
      name: 'printerPaper',
      label: s.paper,
      options: system ? PAPERS : PAPERS.filter((option) => option.value !== 'a4'),
    },
  ];
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.printer}</legend>
      <SettingsFieldList {...props} fields={KIND} />
      {system ? (
        <label className="check">
          <input
            type="checkbox"
            checked={form.printerSilent}
            disabled={isLocked('printerSilent')}
            onChange={(e) => update('printerSilent', e.target.checked)}
          />
          <span>{s.silent}</span>
        </label>
      ) : (
        <SettingsFieldList {...props} fields={NETWORK} />
      )}
      <SettingsFieldList {...props} fields={paper} />
    </fieldset>
  );
}
