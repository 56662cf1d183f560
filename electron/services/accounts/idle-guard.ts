import type { Channel } from '../../../shared/ipc/channels';
import type { SessionService } from './session-service';

/**
 * Calls the screens make on their own (session status, a job's progress,
 * maintenance) while nobody touches anything: they must not keep a session
 * alive. Every other call is someone at the keyboard.
 */
const PASSIVE: ReadonlySet<Channel> = new Set<Channel>(['session.state', 'jobs.get', 'vault.maintenance', 'app.info', 'session.lock']);

/**
 * What dispatch calls before admitting any call, so the core enforces the
 * idle limit itself: a session idle for longer than the configured minutes
 * is locked (and audited) first, and the call is then refused as signed out.
 */
export function idleGuard(session: SessionService): (channel: Channel) => Promise<void> {
  return (channel) => session.noteCall(!PASSIVE.has(channel));
}
