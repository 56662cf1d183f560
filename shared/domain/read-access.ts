import type { Role } from './roles';
import type { User } from './users';

/** The classified levels an administrator may grant by name (need-to-know, docs/DOMAIN.md). */
export const GRANTABLE_LEVELS = ['reservada', 'confidencial'] as const;
export type GrantableLevel = (typeof GRANTABLE_LEVELS)[number];

export const GRANTABLE_LEVEL_LABELS: Record<GrantableLevel, string> = { reservada: 'Reservada', confidencial: 'Confidencial' };

/**
 * Roles whose duty needs every shipment's content whatever its
 * classification: legal reviews every shipment, the Director General signs
 * every sheet, the administrator holds backups and the grants themselves.
 */
export const ROLES_READING_CLASSIFIED: readonly Role[] = ['juridico', 'director', 'administrador'];

export function readsClassifiedByRole(user: Pick<User, 'roles'>): boolean {
  return user.roles.some((r) => ROLES_READING_CLASSIFIED.includes(r));
}

/** What a person may read beyond pública and what they prepared themselves, as the Usuarios screen says it. */
export type ReadAccess = 'rol' | 'ambas' | 'reservada' | 'confidencial' | 'ninguno';

export function readAccessOf(user: Pick<User, 'roles' | 'readGrants' | 'active'>): ReadAccess {
  if (!user.active) return 'ninguno';
  if (readsClassifiedByRole(user)) return 'rol';
  const grants = new Set(user.readGrants ?? []);
  if (grants.has('reservada') && grants.has('confidencial')) return 'ambas';
  if (grants.has('reservada')) return 'reservada';
  if (grants.has('confidencial')) return 'confidencial';
  return 'ninguno';
}

export const READ_ACCESS_LABELS: Record<ReadAccess, string> = {
  rol: 'Por su rol',
  ambas: 'Ambas',
  reservada: 'Reservada',
  confidencial: 'Confidencial',
  ninguno: '—',
};

/** The confirmation shown once the administrator saved someone's grants. */
export function grantsSavedMessage(user: Pick<User, 'fullName' | 'readGrants'>): string {
  const levels = GRANTABLE_LEVELS.filter((l) => (user.readGrants ?? []).includes(l));
  if (levels.length === 0) return `${user.fullName} ya no tiene acceso a envíos reservados ni confidenciales, salvo los que prepare.`;
  return `Acceso guardado: ${user.fullName} ahora puede leer los envíos de información ${levels.join(' y ')}.`;
}
