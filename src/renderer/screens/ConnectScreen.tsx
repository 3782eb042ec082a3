// Connect real KS Pay keys on first start (after the first save the app asks for a manager PIN), or type
// them again on a live terminal that kept them for this session only. The lead names the store the keys
// go to; where no keychain works the manager chooses one before Save.
import type { Settings } from '../../shared/domain.ts';
import { ConnectionForm } from '../components/ConnectionForm.tsx';
import { Brand } from '../components/Brand.tsx';
import { KEY_STORE_CHOICE_FIRST, KeyStoreChoice } from '../components/KeyStoreChoice.tsx';
import { hasNoKeychain, storeChosen, whereKeysAre } from '../lib/key-store-words.ts';
import { messages } from '../lib/messages.ts';
import { useAppStatus } from '../stores/index.ts';
import './setup.css';

interface ConnectScreenProps {
  onBack?: () => void;
  /** A live terminal whose keys were kept for this session only: the connection it had, to type the keys for. */
  again?: Pick<Settings, 'environment' | 'appId' | 'customBaseUrl'>;
}

export function ConnectScreen({ onBack, again }: ConnectScreenProps) {
  const vault = useAppStatus((state) => state.status?.vault);
  const setStatus = useAppStatus((state) => state.setStatus);
  const choosing = vault ? hasNoKeychain(vault) : false;
  const blocked = vault && choosing && !storeChosen(vault);
  const againLead =
    vault?.choice === 'session' ? messages.connect.againLead : messages.connect.againLeadMissing;
  return (
    <main className="setup">
      <div className="card setup__panel setup__panel--wide">
        <Brand />
        <h1>{again ? messages.connect.againHeading : messages.connect.heading}</h1>
        {again ? <p>{againLead}</p> : null}
        {vault ? (
          <p className="muted" data-testid="key-store-lead">
            {whereKeysAre(vault)}
          </p>
        ) : null}
        {vault && choosing ? <KeyStoreChoice vault={vault} onChosen={setStatus} /> : null}
        <ConnectionForm
          {...(onBack ? { onBack } : {})}
          {...(again
            ? {
                initial: {
                  environment: again.environment,
                  appId: again.appId,
                  customBaseUrl: again.customBaseUrl ?? '',
                },
              }
            : {})}
          saveBlocked={
            blocked ? { message: messages.keyStore.choose, focusId: KEY_STORE_CHOICE_FIRST } : undefined
          }
          onSaved={setStatus}
        />
      </div>
    </main>
  );
}
