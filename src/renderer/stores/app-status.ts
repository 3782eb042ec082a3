// The terminal's status as main reports it: mode, shell, connection, settings, role.
import { create } from 'zustand';
import type { AppStatus, ConnectionState } from '../../shared/domain.ts';
import { PosError } from '../../shared/pos-error.ts';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';

interface AppStatusState {
  status: AppStatus | null;
  loadError: string | null;
  /** Browser mode refused this page: it has not opened the one-time address (a different screen, not a failure). */
  notConnected: boolean;
  /** A load is in flight. */
  loading: boolean;
  load(): Promise<void>;
  setStatus(status: AppStatus): void;
  setConnection(connection: ConnectionState): void;
}

export const useAppStatus = create<AppStatusState>()((set) => ({
  status: null,
  loadError: null,
  notConnected: false,
  loading: false,
  async load() {
    set({ loadError: null, loading: true });
    try {
      set({ status: await pos().setup.status(), loading: false, notConnected: false });
    } catch (error) {
      const notConnected = error instanceof PosError && error.code === 'forbidden_sender';
      set({ loadError: errorMessage(error), loading: false, notConnected });
    }
  },
  setStatus(status) {
    set({ status, loadError: null });
  },
  setConnection(connection) {
    set((state) => (state.status ? { status: { ...state.status, connection } } : {}));
  },
}));
