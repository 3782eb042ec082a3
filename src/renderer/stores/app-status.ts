// The terminal's status as main reports it: mode, shell, connection, settings, role.
import { create } from 'zustand';
import type { AppStatus, ConnectionState } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';

interface AppStatusState {
  status: AppStatus | null;
  loadError: string | null;
  /** A load is in flight. */
  loading: boolean;
  load(): Promise<void>;
  setStatus(status: AppStatus): void;
  setConnection(connection: ConnectionState): void;
}

export const useAppStatus = create<AppStatusState>()((set) => ({
  status: null,
  loadError: null,
  loading: false,
  async load() {
    set({ loadError: null, loading: true });
    try {
      set({ status: await pos().setup.status(), loading: false });
    } catch (error) {
      set({ loadError: errorMessage(error), loading: false });
    }
  },
  setStatus(status) {
    set({ status, loadError: null });
  },
  setConnection(connection) {
    set((state) => (state.status ? { status: { ...state.status, connection } } : {}));
  },
}));
