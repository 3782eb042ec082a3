// Where no keychain works: says so, why, and lets the manager choose this session only or a file only this
// computer account can read, each with what it means. The choice goes to main at once (setup.chooseKeyStore),
// so the words above the form always name the store Save will use.
import { useState } from 'react';
import type { AppStatus, KeyStoreChoice as Choice, VaultStatus } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { storeChosen } from '../lib/key-store-words.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { Icon } from './Icon.tsx';
import './KeyStoreChoice.css';

const k = messages.keyStore;

/** The id of the first option, to move focus to when Save is pressed before a choice. */
export const KEY_STORE_CHOICE_FIRST = 'key-store-session';

interface KeyStoreChoiceProps {
  vault: VaultStatus;
  onChosen(status: AppStatus): void;
}

export function KeyStoreChoice({ vault, onChosen }: KeyStoreChoiceProps) {
  // The option picked while main records it, so the radio answers the click at once.
  const [pending, setPending] = useState<Choice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const saved: Choice | null = storeChosen(vault)
    ? vault.store === 'owner-only-file'
      ? 'owner-only-file'
      : 'session'
    : null;
  const chosen = pending ?? saved;
  const busy = pending !== null;

  async function choose(store: Choice) {
    setPending(store);
    setFailure(null);
    try {
      onChosen(await pos().setup.chooseKeyStore({ store }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(null);
    }
  }

  const option = (store: Choice, id: string, label: string, hint: string) => (
    <label className="key-store__option" htmlFor={id} data-checked={chosen === store}>
      <input
        id={id}
        type="radio"
        name="key-store"
        value={store}
        checked={chosen === store}
        disabled={busy}
        aria-describedby={`${id}-hint`}
        onChange={() => void choose(store)}
      />
      <span className="key-store__text">
        <strong>{label}</strong>
        <span id={`${id}-hint`} className="key-store__hint">
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <section className="key-store" aria-labelledby="key-store-title">
      <div className="notice notice--warning">
        <Icon name="alert" className="notice__icon" />
        <div>
          <p id="key-store-title">
            <strong>{k.noStoreTitle}</strong>
          </p>
          <p>{k.noStoreBody}</p>
          {vault.unusable ? (
            <p className="key-store__why">
              {k.why} {vault.unusable}
            </p>
          ) : null}
        </div>
      </div>
      <fieldset className="key-store__options">
        <legend className="field__label">{k.legend}</legend>
        {option('session', KEY_STORE_CHOICE_FIRST, k.sessionOption, k.sessionHint)}
        {option('owner-only-file', 'key-store-file', k.fileOption, k.fileHint)}
      </fieldset>
      <p className="field__hint">{k.realStore}</p>
      {failure ? (
        <p className="notice notice--error" role="alert">
          <Icon name="alert" className="notice__icon" />
          <span>{failure}</span>
        </p>
      ) : null}
    </section>
  );
}
