import { create } from 'zustand';
import type { SessionState } from '../../../shared/domain/session';
import type { Input } from '../../../shared/ipc/contract';
import type { ErrorPayload } from '../../../shared/errors';
import { ApiError, call, errorMessage, onSessionLost } from '../api/client';

interface SessionStore {
  state: SessionState | null;
  /** Why the vault could not be looked at (e.g. another Valija holds it); cleared by a refresh that works. */
  unavailable: ErrorPayload | null;
  refresh(): Promise<void>;
  set(state: SessionState): void;
  signIn(input: Input<'session.signIn'>): Promise<void>;
  signOut(): Promise<void>;
  lockForIdle(): Promise<void>;
}

/** Who is signed in, and whether the vault exists: decides which screen shows. */
export const useSessionStore = create<SessionStore>((set) => ({
  state: null,
  unavailable: null,
  async refresh() {
    try {
      set({ state: await call('session.state', {}), unavailable: null });
    } catch (error) {
      set({ unavailable: error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: errorMessage(error) } });
    }
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

/**
 * A call refused because the core locked itself (idle) or signed the person
 * out: ask the core for the session again, so the lock or sign-in screen
 * shows instead of «Debe iniciar sesión» on the page. Several refusals at
 * once ask once.
 */
let asking: Promise<void> | null = null;
onSessionLost(() => {
  asking ??= useSessionStore
    .getState()
    .refresh()
    .finally(() => {
      asking = null;
    });
});

export function useSignedIn() {
  const state = useSessionStore((s) => s.state);
  return state?.status === 'signed_in' ? state : null;
}

export function useIsAdmin(): boolean {
  return useSignedIn()?.user.roles.includes('administrador') ?? false;
}
