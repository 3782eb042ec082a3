// Settings (manager only): the connection (keys changed only after the PIN again, with Test
// connection), the manager PIN, cashiers, terminal, receipt, printer, idle lock, locale, theme, customer
// display, payments and updates (on or off only: the feed is fixed when the app is built). One panel per
// section (settings/); every field is checked with the shared Settings schema before anything is saved.
import { useState } from 'react';
import { CashiersPanel } from '../components/CashiersPanel.tsx';
import { ChangePinPanel } from '../components/ChangePinPanel.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAppStatus } from '../../stores/index.ts';
import { SETTING_OF_FIELD, type SettingsField } from '../lib/settings-form.ts';
import { deskMessages } from '../messages.ts';
import { BehaviourPanel } from './settings/BehaviourPanel.tsx';
import { ConnectionPanel } from './settings/ConnectionPanel.tsx';
import { CustomerDisplayPanel } from './settings/CustomerDisplayPanel.tsx';
import { PAYMENTS_FIELDS, RECEIPT_FIELDS } from './settings/field-sections.ts';
import { KeysDialogs, type KeysStep } from './settings/KeysDialogs.tsx';
import type { SettingsPanelProps } from './settings/panel-props.ts';
import { PrinterPanel } from './settings/PrinterPanel.tsx';
import { FieldsPanel } from './settings/SettingsFieldList.tsx';
import { TerminalPanel } from './settings/TerminalPanel.tsx';
import { UpdatesPanel } from './settings/UpdatesPanel.tsx';
import { useCatalogChoices } from './settings/use-catalog-choices.ts';
import { useSettingsForm } from './settings/use-settings-form.ts';
import '../../screens/setup.css';
import './SettingsScreen.css';

const s = deskMessages.settings;

export function SettingsScreen() {
  const settings = useSettingsForm();
  const ready = settings.phase === 'ready' ? settings : null;
  const [keys, setKeys] = useState<KeysStep>('closed');
  const [keysSaved, setKeysSaved] = useState(false);
  const catalog = useCatalogChoices(ready?.form.defaultCurrency ?? '');
  const policy = useAppStatus((state) => state.status?.policy);
  const lockedSettings = new Set(policy?.locked ?? []);
  const connectionLocked = ['environment', 'customBaseUrl', 'appId'].some((name) => lockedSettings.has(name));

  if (!ready) {
    return (
      <section className="screen" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{s.heading}</h2>
        {settings.phase === 'failed' ? (
          <ErrorNotice message={settings.error} />
        ) : (
          <p className="muted" role="status">
            {deskMessages.common.loading}
          </p>
        )}
      </section>
    );
  }

  const { current, form, errors, saving, result, update } = ready;
  const panel: SettingsPanelProps = {
    form,
    errors,
    update,
    isLocked: (name: SettingsField) => lockedSettings.has(SETTING_OF_FIELD[name]),
  };

  return (
    <section className="screen" aria-labelledby="settings-heading">
      <header className="screen__header">
        <h2 id="settings-heading">{s.heading}</h2>
      </header>

      <ConnectionPanel
        current={current}
        locked={connectionLocked}
        keysSaved={keysSaved}
        onChangeKeys={() => {
          setKeysSaved(false);
          setKeys('pin');
        }}
      />

      <ChangePinPanel />

      <CashiersPanel />

      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void ready.save();
        }}
      >
        <TerminalPanel {...panel} catalog={catalog} change={ready.change} />
        <FieldsPanel {...panel} title={s.receipt} fields={RECEIPT_FIELDS} />
        <PrinterPanel {...panel} />
        <BehaviourPanel {...panel} />
        <CustomerDisplayPanel {...panel} />
        <FieldsPanel {...panel} title={s.payments} fields={PAYMENTS_FIELDS} />
        <UpdatesPanel {...panel} />

        <div className="toolbar">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? s.saving : s.save}
          </button>
          {result ? (
            <p
              className={result.ok ? 'settings-form__saved' : 'field__error'}
              role={result.ok ? 'status' : 'alert'}
            >
              {result.text}
            </p>
          ) : null}
        </div>
      </form>

      <KeysDialogs
        step={keys}
        current={current}
        onStep={setKeys}
        onSaved={(status) => {
          useAppStatus.getState().setStatus(status);
          ready.setCurrent(status.settings);
          setKeys('closed');
          setKeysSaved(true);
        }}
      />
    </section>
  );
}
