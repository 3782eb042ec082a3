// The KS Pay connection form: environment, API base URL (custom), App ID and keys,
// Test connection (what worked, what to fix) and Save. Reusable wherever keys are entered.
import { useState, type ReactNode } from 'react';
import type { AppStatus, ConnectionTestResult } from '../../shared/domain.ts';
import {
  checkDraft,
  emptyDraft,
  ENVIRONMENTS,
  type ConnectionDraft,
  type ConnectionErrors,
  type ConnectionField,
} from '../lib/connection-form.ts';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { useAppStatus } from '../stores/index.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';
import { Icon } from './Icon.tsx';
import './ConnectionForm.css';

interface ConnectionFormProps {
  initial?: Partial<ConnectionDraft>;
  onSaved(status: AppStatus): void;
  onBack?: () => void;
  /** Why keys cannot be saved yet (no key store chosen), and the element to move focus to; Save says it. */
  saveBlocked?: { message: string; focusId: string } | undefined;
}

type Busy = 'idle' | 'testing' | 'saving';

/** The connection fields the machine policy sets, with their values: shown, never editable. */
function usePolicyConnection(): Partial<ConnectionDraft> {
  const status = useAppStatus((state) => state.status);
  const locked = new Set(status?.policy.locked ?? []);
  const settings = status?.settings;
  if (!settings) return {};
  return {
    ...(locked.has('environment') ? { environment: settings.environment } : {}),
    ...(locked.has('customBaseUrl') ? { customBaseUrl: settings.customBaseUrl ?? '' } : {}),
    ...(locked.has('appId') ? { appId: settings.appId } : {}),
  };
}

export function ConnectionForm({ initial, onSaved, onBack, saveBlocked }: ConnectionFormProps) {
  const policy = usePolicyConnection();
  const [typed, setDraft] = useState<ConnectionDraft>({ ...emptyDraft(), ...initial });
  // What the policy sets wins over anything typed, even when it arrives with the form open.
  const draft: ConnectionDraft = { ...typed, ...policy };
  const isLocked = (field: ConnectionField): boolean => field in policy;
  const [errors, setErrors] = useState<ConnectionErrors>({});
  const [showSecret, setShowSecret] = useState(false);
  const [busy, setBusy] = useState<Busy>('idle');
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Save was pressed while blocked: the reason shows until what blocked it is resolved.
  const [blockedSave, setBlockedSave] = useState(false);
  const blockedMessage = blockedSave ? saveBlocked?.message : undefined;

  function update(field: ConnectionField, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setTest(null);
  }

  function checked() {
    const result = checkDraft(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`connect-${first}`)?.focus();
      return null;
    }
    setErrors({});
    return result.input;
  }

  async function runTest() {
    const input = checked();
    if (!input) return;
    setBusy('testing');
    setFailure(null);
    setTest(null);
    try {
      setTest(await pos().setup.testConnection(input));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy('idle');
    }
  }

  async function save() {
    // The built-in sandbox has its own keys and nothing to save: choosing it is choosing Demo mode.
    const input = draft.environment === 'sandbox' ? null : checked();
    if (!input && draft.environment !== 'sandbox') return;
    // Demo mode saves no keys, so only real keys wait for a key store.
    if (input && saveBlocked) {
      setBlockedSave(true);
      document.getElementById(saveBlocked.focusId)?.focus();
      return;
    }
    setBlockedSave(false);
    setBusy('saving');
    setFailure(null);
    try {
      onSaved(await (input ? pos().setup.saveConnection(input) : pos().setup.startDemo()));
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy('idle');
    }
  }

  const hint = isLocked('environment')
    ? messages.policy.setByOrganisation
    : draft.environment === 'sandbox'
      ? messages.connect.sandboxHint
      : draft.environment === 'live'
        ? messages.connect.liveHint
        : null;

  return (
    <form
      className="setup__form connection-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="connect-environment">
          {messages.connect.environment}
        </label>
        <select
          id="connect-environment"
          className="select"
          value={draft.environment}
          disabled={isLocked('environment')}
          aria-describedby={hint ? 'connect-environment-hint' : undefined}
          onChange={(event) => update('environment', event.target.value)}
        >
          {ENVIRONMENTS.map((environment) => (
            <option key={environment} value={environment}>
              {messages.connect.environments[environment]}
            </option>
          ))}
        </select>
        {hint ? (
          <p id="connect-environment-hint" className="field__hint">
            {hint}
          </p>
        ) : null}
      </div>
      {draft.environment === 'custom' ? (
        <TextField
          field="customBaseUrl"
          label={messages.connect.baseUrl}
          hint={isLocked('customBaseUrl') ? messages.policy.setByOrganisation : messages.connect.baseUrlHint}
          locked={isLocked('customBaseUrl')}
          draft={draft}
          errors={errors}
          update={update}
          type="url"
        />
      ) : null}
      <TextField
        field="appId"
        label={messages.connect.appId}
        {...(isLocked('appId') ? { hint: messages.policy.setByOrganisation, locked: true } : {})}
        draft={draft}
        errors={errors}
        update={update}
      />
      <TextField
        field="accessKey"
        label={messages.connect.accessKey}
        draft={draft}
        errors={errors}
        update={update}
      />
      <TextField
        wide
        field="secretKey"
        label={messages.connect.secretKey}
        draft={draft}
        errors={errors}
        update={update}
        type={showSecret ? 'text' : 'password'}
        after={
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={showSecret}
            aria-controls="connect-secretKey"
            onClick={() => setShowSecret((s) => !s)}
          >
            {showSecret ? messages.connect.hide : messages.connect.show}
          </button>
        }
      />
      <div className="connection-form__wide" role="status" aria-live="polite">
        {busy === 'testing' ? <p className="muted">{messages.connect.testing}</p> : null}
        {test ? <TestResult result={test} /> : null}
      </div>
      {failure || blockedMessage ? (
        <p className="notice notice--error connection-form__wide" role="alert">
          <Icon name="alert" className="notice__icon" />
          <span>{failure ?? blockedMessage}</span>
        </p>
      ) : null}
      <div className="setup__actions connection-form__wide">
        {onBack ? (
          <button type="button" className="button button--ghost setup__back" onClick={onBack}>
            {messages.connect.back}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== 'idle'}
          onClick={() => void runTest()}
        >
          {messages.connect.test}
        </button>
        <button type="submit" className="button button--primary" disabled={busy !== 'idle'}>
          {busy === 'saving' ? messages.connect.saving : messages.connect.save}
        </button>
      </div>
    </form>
  );
}

interface TextFieldProps {
  field: Exclude<ConnectionField, 'environment'>;
  label: string;
  hint?: string;
  draft: ConnectionDraft;
  errors: ConnectionErrors;
  update(field: ConnectionField, value: string): void;
  type?: 'text' | 'password' | 'url';
  after?: ReactNode;
  wide?: boolean;
  /** Set by the machine policy: shown, not editable. */
  locked?: boolean;
}

function TextField({
  field,
  label,
  hint,
  draft,
  errors,
  update,
  type = 'text',
  after,
  wide,
  locked = false,
}: TextFieldProps) {
  const id = `connect-${field}`;
  const error = errors[field];
  const input = (
    <input
      id={id}
      className="input"
      type={type}
      value={draft[field]}
      disabled={locked}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
      onChange={(event) => update(field, event.target.value)}
    />
  );
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      className={wide ? 'connection-form__wide' : undefined}
    >
      {after ? (
        <div className="input-row">
          {input}
          {after}
        </div>
      ) : (
        input
      )}
    </FieldShell>
  );
}

function TestResult({ result }: { result: ConnectionTestResult }) {
  return (
    <div className={result.ok ? 'notice notice--success' : 'notice notice--error'}>
      <div>
        <p>{result.ok ? messages.connect.testWorked : messages.connect.testFailed}</p>
        <ul className="setup__steps">
          {result.steps.map((step) => (
            <li key={step.name} className="setup__step" data-ok={step.ok}>
              <Icon name={step.ok ? 'check' : 'x-circle'} />
              <span>
                <strong>{step.name}</strong>: {step.message}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
