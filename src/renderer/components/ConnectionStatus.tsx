// Always-visible connection state: Online, Offline (with what to do) or Demo. The pill shows as much of the
// message as fits, and its Details button opens the whole sentence.
import { useState } from 'react';
import type { ConnectionState } from '../../shared/domain.ts';
import { messages } from '../lib/messages.ts';
import { Icon, type IconName } from './Icon.tsx';
import { Modal } from './Modal.tsx';
import './ConnectionStatus.css';

const LOOK: Record<ConnectionState['state'], { label: string; icon: IconName; tone: string }> = {
  online: { label: messages.header.online, icon: 'online', tone: 'success' },
  offline: { label: messages.header.offline, icon: 'offline', tone: 'danger' },
  demo: { label: messages.header.demo, icon: 'flask', tone: 'demo' },
  not_configured: { label: messages.header.notConfigured, icon: 'offline', tone: 'neutral' },
};

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const look = LOOK[connection.state];
  const [open, setOpen] = useState(false);
  // Online needs no words and Demo has its banner; offline says what is wrong and what to do.
  const message =
    connection.message && (connection.state === 'offline' || connection.state === 'not_configured')
      ? connection.message
      : null;
  return (
    <>
      <div className="connection" data-tone={look.tone} role="status" aria-label={messages.header.connection}>
        <Icon name={look.icon} />
        <span className="connection__label">{look.label}</span>
        {message ? (
          <>
            <span className="connection__message">{message}</span>
            <button
              type="button"
              className="connection__more"
              aria-haspopup="dialog"
              onClick={() => setOpen(true)}
            >
              {messages.header.connectionMore}
            </button>
          </>
        ) : null}
      </div>
      {/* Outside the status region, so opening it is not announced as a change of the light. */}
      {open && message ? (
        <Modal
          title={connection.state === 'offline' ? messages.header.offlineTitle : look.label}
          onClose={() => setOpen(false)}
        >
          <p className="connection__full">{message}</p>
          <div className="connection__actions">
            <button type="button" className="button button--primary" onClick={() => setOpen(false)}>
              {messages.header.connectionClose}
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
