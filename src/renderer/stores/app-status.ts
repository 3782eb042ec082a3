// The terminal's status as main reports it: mode, shell, connection, settings, role.
import { create } from 'zustand';
import type { AppStatus, ConnectionState } from '../../shared/domain.ts';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';

interface AppStatusState {
  status: AppStatus | null;
  loadError: string | null;
  load(): Promise<void>;
  setStatus(status: AppStatus): void;
  setConnection(connection: ConnectionState): void;
}

export const useAppStatus = create<AppStatusState>()((set) => ({
  status: null,
  loadError: null,
  async load() {
    set({ loadError: null });
    try {
      set({ status: await pos().setup.status() });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  setStatus(status) {
    set({ status, loadError: null });
  },
  setConnection(connection) {
    set((state) => (state.status ? { status: { ...state.status, connection } } : {}));
  },
}));
