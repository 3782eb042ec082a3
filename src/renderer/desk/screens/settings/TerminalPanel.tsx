// Settings → Terminal: its name, the reference prefix, and the default currency and method (from the
// catalog, keeping a saved choice the catalog no longer offers).
import { SelectField } from '../../components/SettingsFields.tsx';
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';
import { SettingsFieldList, type FieldSpec } from './SettingsFieldList.tsx';
import { withCurrent, type CatalogChoices } from './use-catalog-choices.ts';
import type { SettingsForm } from '../../lib/settings-form.ts';

const s = deskMessages.settings;

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', name: 'terminalName', label: s.terminalName, maxLength: 40 },
  {
    kind: 'text',
    name: 'referencePrefix',
    label: s.referencePrefix,
    hint: s.referencePrefixHint,
    maxLength: 6,
    normalise: (typed) => typed.toUpperCase(),
  },
];

export function TerminalPanel({
  catalog,
  change,
  ...props
}: SettingsPanelProps & { catalog: CatalogChoices; change(patch: Partial<SettingsForm>): void }) {
  const { form, errors, isLocked, update } = props;
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.terminal}</legend>
      <SettingsFieldList {...props} fields={FIELDS} />
      <SelectField
        id="settings-defaultCurrency"
        error={errors.defaultCurrency}
        locked={isLocked('defaultCurrency')}
        label={s.defaultCurrency}
        value={form.defaultCurrency}
        onChange={(v) => change({ defaultCurrency: v, defaultMethodId: '' })}
      >
        <option value="">{deskMessages.common.none}</option>
        {withCurrent(
          catalog.currencies.map((c) => c.code),
          form.defaultCurrency,
        ).map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="settings-defaultMethodId"
        error={errors.defaultMethodId}
        locked={isLocked('defaultMethodId')}
        label={s.defaultMethodId}
        value={form.defaultMethodId}
        onChange={(v) => update('defaultMethodId', v)}
      >
        <option value="">{deskMessages.common.none}</option>
        {withCurrent(
          catalog.methods.map((m) => m.id),
          form.defaultMethodId,
        ).map((id) => (
          <option key={id} value={id}>
            {catalog.methods.find((m) => m.id === id)?.name ?? id}
          </option>
        ))}
      </SelectField>
      {catalog.error ? <p className="field__hint">{catalog.error}</p> : null}
    </fieldset>
  );
}
