import type { Channel } from '../../../shared/ipc/channels';
import type { Handlers } from '../../../shared/ipc/contract';
import type { SessionService } from './session-service';

/**
 * Calls the screens make on their own (session status, a job's progress,
 * maintenance) while nobody touches anything: they must not keep a session
 * alive. Every other call is someone at the keyboard.
 */
const PASSIVE: ReadonlySet<Channel> = new Set<Channel>(['session.state', 'jobs.get', 'vault.maintenance', 'app.info', 'session.lock']);

/**
 * Wraps the handler table so the core enforces the idle limit itself: before
 * any call, a session idle for longer than the configured minutes is locked
 * (and audited), so the call is refused as signed out.
 */
export function withIdleLock(session: SessionService, handlers: Handlers): Handlers {
  const guarded = {} as Record<Channel, unknown>;
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (input: unknown) => unknown;
    guarded[channel] = async (input: unknown) => {
      await session.noteCall(!PASSIVE.has(channel));
      return handler(input);
    };
  }
  return guarded as Handlers;
}
