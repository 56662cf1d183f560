import type { Settings } from '../../../shared/domain/settings';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { User } from '../../../shared/domain/users';
import { actorOf } from './session-service';
import type { Workspace } from './workspace';

/** Saves the settings and audits what changed, in words («de 15 a 10 minutos»). */
export async function updateSettings(ws: Workspace, user: User, input: ParsedInput<'settings.update'>): Promise<Settings> {
  const before = { ...ws.settings.data };
  await ws.settings.update((s) => Object.assign(s, input));
  const changes = [
    input.idleMinutes !== undefined && `bloqueo automático de ${before.idleMinutes} a ${input.idleMinutes} minutos`,
    input.agreementWarnDays !== undefined && `aviso de convenios por vencer de ${before.agreementWarnDays} a ${input.agreementWarnDays} días`,
  ].filter(Boolean);
  await ws.audit.record('settings.updated', actorOf(user), changes.join('; ') || 'sin cambios');
  return ws.settings.data;
}
