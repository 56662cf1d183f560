import { create } from 'zustand';
import type { SessionState } from '../../../shared/domain/session';
import type { Input } from '../../../shared/ipc/contract';
import { call } from '../api/client';

interface SessionStore {
  state: SessionState | null;
  refresh(): Promise<void>;
  set(state: SessionState): void;
  signIn(input: Input<'session.signIn'>): Promise<void>;
  signOut(): Promise<void>;
  lockForIdle(): Promise<void>;
}

/** Who is signed in, and whether the vault exists: decides which screen shows. */
export const useSessionStore = create<SessionStore>((set) => ({
  state: null,
  async refresh() {
    set({ state: await call('session.state', {}) });
  },
  set(state) {
    set({ state });
  },
  async signIn(input) {
    set({ state: await call('session.signIn', input) });
  },
  async signOut() {
    set({ state: await call('session.signOut', {}) });
  },
  async lockForIdle() {
    set({ state: await call('session.lock', { reason: 'idle' }) });
  },
}));

export function useSignedIn() {
  const state = useSessionStore((s) => s.state);
  return state?.status === 'signed_in' ? state : null;
}

export function useIsAdmin(): boolean {
  return useSignedIn()?.user.roles.includes('administrador') ?? false;
}
