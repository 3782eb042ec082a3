// Settings → Terminal: its name, the reference prefix, and the default currency and method (from the
// catalog, keeping a saved choice the catalog no longer offers; a new currency clears the method).
import type { SettingsForm } from '../../lib/settings-form.ts';
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { FieldsPanel, type FieldSpec } from './SettingsFieldList.tsx';
import { withCurrent, type CatalogChoices } from './use-catalog-choices.ts';

const s = deskMessages.settings;

const NONE = { value: '', label: deskMessages.common.none };

export function TerminalPanel({
  catalog,
  change,
  ...props
}: SettingsPanelProps & { catalog: CatalogChoices; change(patch: Partial<SettingsForm>): void }) {
  const { form } = props;
  const currencies = withCurrent(
    catalog.currencies.map((c) => c.code),
    form.defaultCurrency,
  ).map((code) => ({ value: code, label: code }));
  const methods = withCurrent(
    catalog.methods.map((m) => m.id),
    form.defaultMethodId,
  ).map((id) => ({ value: id, label: catalog.methods.find((m) => m.id === id)?.name ?? id }));
  const fields: readonly FieldSpec[] = [
    { kind: 'text', name: 'terminalName', label: s.terminalName, maxLength: 40 },
    {
      kind: 'text',
      name: 'referencePrefix',
      label: s.referencePrefix,
      hint: s.referencePrefixHint,
      maxLength: 6,
      normalise: (typed) => typed.toUpperCase(),
    },
    {
      kind: 'select',
      name: 'defaultCurrency',
      label: s.defaultCurrency,
      options: [NONE, ...currencies],
      onChoose: (code) => change({ defaultCurrency: code, defaultMethodId: '' }),
    },
    { kind: 'select', name: 'defaultMethodId', label: s.defaultMethodId, options: [NONE, ...methods] },
  ];
  return (
    <FieldsPanel {...props} title={s.terminal} fields={fields}>
      {catalog.error ? <p className="field__hint">{catalog.error}</p> : null}
    </FieldsPanel>
  );
}
