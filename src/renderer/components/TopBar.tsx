// The bar over every cashier screen: brand, connection status, pending sales, Manager.
import type { ReactNode } from 'react';
import type { ConnectionState } from '../../shared/domain.ts';
import { Brand } from './Brand.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import './TopBar.css';

export function TopBar({ connection, children }: { connection: ConnectionState; children?: ReactNode }) {
  return (
    <div className="topbar">
      <Brand />
      <ConnectionStatus connection={connection} />
      <div className="topbar__actions">{children}</div>
    </div>
  );
}
