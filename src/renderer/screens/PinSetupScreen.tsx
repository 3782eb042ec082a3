// After the first save of real keys: set the manager PIN before the first sale.
import { Brand } from '../components/Brand.tsx';
import { PinForm } from '../components/PinForm.tsx';
import { messages } from '../lib/messages.ts';
import { useAppStatus } from '../stores/index.ts';
import './setup.css';

export function PinSetupScreen() {
  return (
    <main className="setup">
      <div className="card setup__panel">
        <Brand />
        <h1>{messages.pin.heading}</h1>
        <p className="muted">{messages.pin.lead}</p>
        <PinForm onSaved={(status) => useAppStatus.getState().setStatus(status)} />
      </div>
    </main>
  );
}
