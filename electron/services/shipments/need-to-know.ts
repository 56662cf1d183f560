import { readsClassifiedByRole } from '../../../shared/domain/read-access';
import type { Classification } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';

/** What the rule needs of a shipment: a whole shipment and a list row both have it. */
export interface Classified {
  id: string;
  folio: string | null;
  classification: Classification;
  preparedByIds: readonly string[];
}

/**
 * Need-to-know (docs/DOMAIN.md, «Acceso por clasificación»): pública is for
 * every signed-in user; reservada and confidencial only for those whose duty
 * needs them — whoever prepared it, legal (every shipment passes its review),
 * the Director General (signs every sheet), the administrator (holds backups
 * and grants, so refusing them would only be theatre) — and anyone the
 * administrator granted that level by name.
 */
export function mayRead(user: User, s: Pick<Classified, 'classification' | 'preparedByIds'>): boolean {
  if (!user.active) return false;
  if (s.classification === 'publica') return true;
  if (s.preparedByIds.includes(user.id)) return true;
  if (readsClassifiedByRole(user)) return true;
  return (user.readGrants ?? []).includes(s.classification);
}

export const CLASSIFICATION_WORDS: Record<Classification, string> = { publica: 'pública', reservada: 'reservada', confidencial: 'confidencial' };

/** A direct attempt (detail, download, print, lookup) is refused and audited; list filtering is not audited. */
export async function assertMayRead(ws: Workspace, user: User, s: Classified, attempted: string): Promise<void> {
  if (mayRead(user, s)) return;
  await ws.audit.record('shipment.read_refused', actorOf(user), s.folio ?? s.id, { envio: s.id, clasificacion: s.classification, intento: attempted });
  throw new AppError('FORBIDDEN', `El envío es de información ${CLASSIFICATION_WORDS[s.classification]}: su usuario no tiene acceso. Pida al administrador que le conceda acceso si su función lo requiere.`);
}
