// Settings (manager only): the connection (keys changed only after the PIN again, with Test
// connection), the manager PIN, terminal, defaults, receipt, printer, idle lock, locale, theme and updates (on or
// off only: the feed is fixed when the app is built). Every field is checked with the shared Settings schema
// before anything is saved.
import { useEffect, useState } from 'react';
import type { Currency, PaymentMethod, Settings } from '../../../shared/domain.ts';
import { CashiersPanel } from '../components/CashiersPanel.tsx';
import { CustomerDisplayPanel } from '../components/CustomerDisplayPanel.tsx';
import { SelectField, TextField } from '../components/SettingsFields.tsx';
import { ChangePinPanel } from '../components/ChangePinPanel.tsx';
import { ConnectionForm } from '../../components/ConnectionForm.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Modal } from '../../components/Modal.tsx';
import { PinField } from '../../components/PinForm.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { messages } from '../../lib/messages.ts';
import { pos } from '../../lib/pos.ts';
import { applyTheme } from '../../lib/theme.ts';
import { useAppStatus } from '../../stores/index.ts';
import {
  formToSettings,
  SETTING_OF_FIELD,
  settingsToForm,
  type SettingsErrors,
  type SettingsField,
  type SettingsForm,
} from '../lib/settings-form.ts';
import { deskMessages } from '../messages.ts';
import '../../screens/setup.css';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

const s = deskMessages.settings;

export function SettingsScreen() {
  const [current, setCurrent] = useState<Settings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [keys, setKeys] = useState<'closed' | 'pin' | 'form'>('closed');
  const [keysSaved, setKeysSaved] = useState(false);
  const catalog = useCatalogChoices(form?.defaultCurrency ?? '');
  const updates = useAppStatus((state) => state.status?.updates);
  const policy = useAppStatus((state) => state.status?.policy);
  const lockedSettings = new Set(policy?.locked ?? []);
  const isLocked = (name: SettingsField): boolean => lockedSettings.has(SETTING_OF_FIELD[name]);
  const connectionLocked = ['environment', 'customBaseUrl', 'appId'].some((name) => lockedSettings.has(name));
  const setByOrganisation = messages.policy.setByOrganisation;

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

  if (loadError) {
    return (
      <section className="screen" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{s.heading}</h2>
        <ErrorNotice message={loadError} />
      </section>
    );
  }
  if (!form || !current) {
    return (
      <section className="screen" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{s.heading}</h2>
        <p className="muted" role="status">
          {deskMessages.common.loading}
        </p>
      </section>
    );
  }

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

  const field = (name: SettingsField) => ({ id: `settings-${name}`, error: errors[name], locked: isLocked(name) });
  const idleHint = policy?.idleLockBounds
    ? messages.policy.bounds(policy.idleLockBounds.min, policy.idleLockBounds.max)
    : s.idleLockHint;

  return (
    <section className="screen" aria-labelledby="settings-heading">
      <header className="screen__header">
        <h2 id="settings-heading">{s.heading}</h2>
      </header>

      <div className="panel">
        <h3 className="panel__title">{s.connection}</h3>
        <dl className="details">
          <dt>{s.environment}</dt>
          <dd>{messages.connect.environments[current.environment]}</dd>
          <dt>{s.appId}</dt>
          <dd className="detail__mono">{current.appId || deskMessages.common.none}</dd>
        </dl>
        {connectionLocked ? (
          <p className="field__hint" data-locked="true">
            <Icon name="lock" /> {messages.policy.connectionLocked}
          </p>
        ) : null}
        <p className="muted">{s.keysLead}</p>
        {keysSaved ? (
          <p className="settings-form__saved" role="status">
            {s.keysSaved}
          </p>
        ) : null}
        <div className="toolbar">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setKeysSaved(false);
              setKeys('pin');
            }}
          >
            <Icon name="key" />
            {s.changeKeys}
          </button>
        </div>
      </div>

      <ChangePinPanel />

      <CashiersPanel />

      <form
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="panel">
          <legend className="panel__title">{s.terminal}</legend>
          <TextField
            {...field('terminalName')}
            label={s.terminalName}
            value={form.terminalName}
            maxLength={40}
            onChange={(v) => update('terminalName', v)}
          />
          <TextField
            {...field('referencePrefix')}
            label={s.referencePrefix}
            hint={s.referencePrefixHint}
            value={form.referencePrefix}
            maxLength={6}
            onChange={(v) => update('referencePrefix', v.toUpperCase())}
          />
          <SelectField
            {...field('defaultCurrency')}
            label={s.defaultCurrency}
            value={form.defaultCurrency}
            onChange={(v) => setForm({ ...form, defaultCurrency: v, defaultMethodId: '' })}
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
            {...field('defaultMethodId')}
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

        <fieldset className="panel">
          <legend className="panel__title">{s.receipt}</legend>
          <TextField
            {...field('receiptHeader')}
            label={s.receiptHeader}
            value={form.receiptHeader}
            onChange={(v) => update('receiptHeader', v)}
          />
          <TextField
            {...field('receiptFooter')}
            label={s.receiptFooter}
            value={form.receiptFooter}
            onChange={(v) => update('receiptFooter', v)}
          />
        </fieldset>

        <fieldset className="panel">
          <legend className="panel__title">{s.printer}</legend>
          <SelectField
            {...field('printerKind')}
            label={s.printerKind}
            value={form.printerKind}
            onChange={(v) => update('printerKind', v as SettingsForm['printerKind'])}
          >
            <option value="system">{s.printerSystem}</option>
            <option value="escpos">{s.printerEscpos}</option>
          </SelectField>
          {form.printerKind === 'escpos' ? (
            <>
              <TextField
                {...field('printerHost')}
                label={s.printerHost}
                value={form.printerHost}
                onChange={(v) => update('printerHost', v)}
              />
              <TextField
                {...field('printerPort')}
                label={s.printerPort}
                value={form.printerPort}
                inputMode="numeric"
                onChange={(v) => update('printerPort', v)}
              />
            </>
          ) : (
            <label className="check">
              <input
                type="checkbox"
                checked={form.printerSilent}
                disabled={isLocked('printerSilent')}
                onChange={(e) => update('printerSilent', e.target.checked)}
              />
              <span>{s.silent}</span>
            </label>
          )}
          <SelectField
            {...field('printerPaper')}
            label={s.paper}
            value={form.printerPaper}
            onChange={(v) => update('printerPaper', v as SettingsForm['printerPaper'])}
          >
            <option value="58mm">58 mm</option>
            <option value="80mm">80 mm</option>
            {form.printerKind === 'system' ? <option value="a4">A4</option> : null}
          </SelectField>
        </fieldset>

        <fieldset className="panel">
          <legend className="panel__title">{s.behaviour}</legend>
          <TextField
            {...field('idleLockMinutes')}
            label={s.idleLock}
            hint={idleHint}
            value={form.idleLockMinutes}
            inputMode="numeric"
            onChange={(v) => update('idleLockMinutes', v)}
          />
          <TextField
            {...field('locale')}
            label={s.locale}
            hint={s.localeHint}
            value={form.locale}
            onChange={(v) => update('locale', v)}
          />
          <SelectField
            {...field('theme')}
            label={s.theme}
            value={form.theme}
            onChange={(v) => update('theme', v as Settings['theme'])}
          >
            {(['system', 'light', 'dark'] as const).map((theme) => (
              <option key={theme} value={theme}>
                {s.themes[theme]}
              </option>
            ))}
          </SelectField>
        </fieldset>

        <CustomerDisplayPanel form={form} errors={errors} update={update} locked={isLocked('customerScreen')} />

        <fieldset className="panel">
          <legend className="panel__title">{s.payments}</legend>
          <TextField
            {...field('pendingLookupHours')}
            label={s.pendingLookup}
            hint={s.pendingLookupHint}
            value={form.pendingLookupHours}
            inputMode="numeric"
            onChange={(v) => update('pendingLookupHours', v)}
          />
          <TextField
            {...field('checkoutReturnUrl')}
            label={s.returnUrl}
            hint={s.returnUrlHint}
            value={form.checkoutReturnUrl}
            inputMode="url"
            wide
            onChange={(v) => update('checkoutReturnUrl', v)}
          />
        </fieldset>

        <fieldset className="panel">
          <legend className="panel__title">{s.updates}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={form.autoUpdateEnabled}
              disabled={!updates?.available || isLocked('autoUpdateEnabled')}
              aria-describedby="settings-autoUpdate-why"
              onChange={(e) => update('autoUpdateEnabled', e.target.checked)}
            />
            <span>{s.autoUpdate}</span>
          </label>
          <p id="settings-autoUpdate-why" className="field__hint">
            {isLocked('autoUpdateEnabled')
              ? setByOrganisation
              : updates?.available
                ? s.autoUpdateHint
                : (updates?.reason ?? s.autoUpdateHint)}
          </p>
        </fieldset>

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

      {keys === 'pin' ? (
        <KeysPin onCancel={() => setKeys('closed')} onUnlocked={() => setKeys('form')} />
      ) : null}
      {keys === 'form' ? (
        <Modal title={s.changeKeys} onClose={() => setKeys('closed')} size="wide">
          <ConnectionForm
            initial={{
              environment: current.environment,
              appId: current.appId,
              customBaseUrl: current.customBaseUrl ?? '',
            }}
            onBack={() => setKeys('closed')}
            onSaved={(status) => {
              useAppStatus.getState().setStatus(status);
              setCurrent(status.settings);
              setKeys('closed');
              setKeysSaved(true);
            }}
          />
        </Modal>
      ) : null}
    </section>
  );
}

/** Asks for the manager PIN again before the keys can be changed. */
function KeysPin({ onCancel, onUnlocked }: { onCancel(): void; onUnlocked(): void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!/^\d{4,8}$/.test(pin)) return setError(messages.pin.badFormat);
    setBusy(true);
    try {
      await pos().staff.unlock({ pin });
      onUnlocked();
    } catch (e) {
      setError(errorMessage(e));
      setPin('');
      setBusy(false);
    }
  }

  return (
    <Modal title={s.changeKeys} onClose={onCancel}>
      <form
        className="setup__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="muted">{s.keysPinLead}</p>
        <PinField
          id="keys-pin"
          label={deskMessages.common.pin}
          value={pin}
          onChange={setPin}
          error={error}
          autoFocus
        />
        <div className="setup__actions">
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {deskMessages.common.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {s.continue}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function useCatalogChoices(currencyCode: string): {
  currencies: Currency[];
  methods: PaymentMethod[];
  error: string | null;
} {
  const [currencies, setCurrencies] = useState<Currency[]>([]);
  const [methods, setMethods] = useState<PaymentMethod[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    pos()
      .catalog.currencies()
      .then(
        (list) => setCurrencies(list.filter((c) => c.active)),
        (e: unknown) => setError(errorMessage(e)),
      );
  }, []);

  const currencyId = currencies.find((c) => c.code === currencyCode)?.id;
  useEffect(() => {
    if (!currencyId) return;
    let live = true;
    pos()
      .catalog.methods({ currencyId })
      .then(
        (list) => live && setMethods(list.filter((m) => m.active)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [currencyId]);

  return { currencies, methods: currencyId ? methods : [], error };
}

/** The options, plus the saved value when the catalog does not offer it (offline, or since removed). */
function withCurrent(options: string[], value: string): string[] {
  return value === '' || options.includes(value) ? options : [value, ...options];
}
