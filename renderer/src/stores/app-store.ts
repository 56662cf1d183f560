import { create } from 'zustand';
import type { AppInfo } from '../../../shared/domain/app-info';
import { call, errorMessage } from '../api/client';

interface AppState {
  info: AppInfo | null;
  loadError: string | null;
  load(): Promise<void>;
}

/** Facts about the running app, loaded once at start-up. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  loadError: null,
  async load() {
    try {
      set({ info: await call('app.info', {}), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
}));
