// Settings → Connection: the environment and App ID in use, where the keys are kept now, and the way to
// change the keys (which asks for the manager PIN again: KeysDialogs).
import type { Settings } from '../../../../shared/domain.ts';
import { Icon } from '../../../components/Icon.tsx';
import { keyStoreLabel, whereKeysAre } from '../../../lib/key-store-words.ts';
import { messages } from '../../../lib/messages.ts';
import { useAppStatus } from '../../../stores/index.ts';
import { deskMessages } from '../../messages.ts';

const s = deskMessages.settings;

interface ConnectionPanelProps {
  current: Settings;
  /** The machine policy sets where the terminal connects. */
  locked: boolean;
  keysSaved: boolean;
  onChangeKeys(): void;
}

export function ConnectionPanel({ current, locked, keysSaved, onChangeKeys }: ConnectionPanelProps) {
  const vault = useAppStatus((state) => state.status?.vault);
  return (
    <div className="panel">
      <h3 className="panel__title">{s.connection}</h3>
      <dl className="details">
        <dt>{s.environment}</dt>
        <dd>{messages.connect.environments[current.environment]}</dd>
        <dt>{s.appId}</dt>
        <dd className="detail__mono">{current.appId || deskMessages.common.none}</dd>
        {vault ? (
          <>
            <dt>{s.keysKept}</dt>
            <dd data-testid="key-store">{keyStoreLabel(vault)}</dd>
          </>
        ) : null}
      </dl>
      {vault ? <p className="muted">{whereKeysAre(vault)}</p> : null}
      {locked ? (
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
        <button type="button" className="button button--secondary" onClick={onChangeKeys}>
          <Icon name="key" />
          {s.changeKeys}
        </button>
      </div>
    </div>
  );
}
