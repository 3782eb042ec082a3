// Always-visible connection state: Online, Offline (with what to do) or Demo.
import type { ConnectionState } from '../../shared/domain.ts';
import { messages } from '../lib/messages.ts';
import { Icon, type IconName } from './Icon.tsx';
import './ConnectionStatus.css';

const LOOK: Record<ConnectionState['state'], { label: string; icon: IconName; tone: string }> = {
  online: { label: messages.header.online, icon: 'online', tone: 'success' },
  offline: { label: messages.header.offline, icon: 'offline', tone: 'danger' },
  demo: { label: messages.header.demo, icon: 'flask', tone: 'demo' },
  not_configured: { label: messages.header.notConfigured, icon: 'offline', tone: 'neutral' },
};

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const look = LOOK[connection.state];
  return (
    <div className="connection" data-tone={look.tone} role="status" aria-label={messages.header.connection}>
      <Icon name={look.icon} />
      <span className="connection__label">{look.label}</span>
      {/* Online needs no words and Demo has its banner; offline says what is wrong and what to do. */}
      {connection.message && (connection.state === 'offline' || connection.state === 'not_configured') ? (
        <span className="connection__message">{connection.message}</span>
      ) : null}
    </div>
  );
}
