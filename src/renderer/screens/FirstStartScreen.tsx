// First start with no keys: try a pretend payment in Demo mode, or connect real KS Pay keys.
import { useState } from 'react';
import { errorMessage } from '../lib/errors.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';
import { useAppStatus } from '../stores/index.ts';
import { Brand } from '../components/Brand.tsx';
import { Icon } from '../components/Icon.tsx';
import './setup.css';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

export function FirstStartScreen({ onConnect }: { onConnect(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A policy that sets the environment means this counter is for real payments only.
  const demoOffered = !useAppStatus((state) => state.status?.policy.locked.includes('environment'));

  async function startDemo() {
    setBusy(true);
    setError(null);
    try {
      useAppStatus.getState().setStatus(await pos().setup.startDemo());
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <main className="setup">
      <div className="card setup__panel setup__panel--wide">
        <Brand />
        <h1>{messages.firstStart.heading}</h1>
        <p className="setup__lead">{messages.firstStart.lead}</p>
        <div className="setup__choices">
          <section className="setup__choice" aria-labelledby="choice-demo">
            <Icon name="flask" className="setup__choice-icon" />
            <h2 id="choice-demo">{messages.firstStart.demoTitle}</h2>
            <p>{demoOffered ? messages.firstStart.demoBody : messages.firstStart.demoSetByPolicy}</p>
            <button
              type="button"
              className="button button--primary button--large"
              disabled={busy || !demoOffered}
              onClick={() => void startDemo()}
            >
              {messages.firstStart.tryDemo}
            </button>
          </section>
          <section className="setup__choice" aria-labelledby="choice-connect">
            <Icon name="key" className="setup__choice-icon" />
            <h2 id="choice-connect">{messages.firstStart.connectTitle}</h2>
            <p>{messages.firstStart.connectBody}</p>
            <button
              type="button"
              className="button button--secondary button--large"
              disabled={busy}
              onClick={onConnect}
            >
              {messages.firstStart.connect}
            </button>
          </section>
        </div>
        {error ? <ErrorNotice message={error} /> : null}
      </div>
    </main>
  );
}
