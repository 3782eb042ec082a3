// Connect real KS Pay keys on first start; after the first save the app asks for a manager PIN.
import { ConnectionForm } from '../components/ConnectionForm.tsx';
import { Brand } from '../components/Brand.tsx';
import { messages } from '../lib/messages.ts';
import { useAppStatus } from '../stores/index.ts';
import './setup.css';

export function ConnectScreen({ onBack }: { onBack(): void }) {
  return (
    <main className="setup">
      <div className="card setup__panel setup__panel--wide">
        <Brand />
        <h1>{messages.connect.heading}</h1>
        <p className="muted">{messages.connect.lead}</p>
        <ConnectionForm onBack={onBack} onSaved={(status) => useAppStatus.getState().setStatus(status)} />
      </div>
    </main>
  );
}
