import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the session after the configured minutes without keyboard or mouse
 * activity. The core enforces the same limit on its side; this makes the
 * sign-in screen appear on time rather than on the next click.
 */
export function IdleLock({ minutes }: { minutes: number }) {
  const lockForIdle = useSessionStore((s) => s.lockForIdle);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockForIdle(), minutes * 60_000);
    };
    restart();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
    };
  }, [minutes, lockForIdle]);

  return null;
}
