// What shows before the terminal's status is known: starting, or why it could not start.
import { Icon } from '../components/Icon.tsx';
import { messages } from '../lib/messages.ts';
import { useAppStatus } from '../stores/index.ts';
import './setup.css';

export function LoadingScreen() {
  return (
    <main className="setup" aria-busy="true">
      <p className="muted">{messages.app.loading}</p>
    </main>
  );
}

/** `notConnected`: browser mode refused the page (no one-time address opened); the message says how to connect. */
export function StartFailedScreen({
  message,
  notConnected = false,
}: {
  message: string;
  notConnected?: boolean;
}) {
  return (
    <main className="setup">
      <div className="card setup__panel" role="alert">
        <h1>{notConnected ? messages.app.notConnected : messages.app.loadFailed}</h1>
        <p className="notice notice--error">
          <Icon name="alert" className="notice__icon" />
          <span>{message}</span>
        </p>
        <div className="setup__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void useAppStatus.getState().load()}
          >
            {messages.app.retry}
          </button>
        </div>
      </div>
    </main>
  );
}
