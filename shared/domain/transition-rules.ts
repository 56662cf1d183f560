import { ROLE_LABELS, type Role } from './roles';

/**
 * What the two life cycles (shipments, releases) share in how they refuse a
 * step: the slice of a user their rules need, the refusal's codes, and how
 * the roles allowed are named in its message.
 */

/** The slice of a user the rules need. */
export interface ActorForRules {
  id: string;
  roles: readonly Role[];
  active: boolean;
}

export type Refusal =
  | { code: 'INVALID_TRANSITION'; message: string }
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'SEGREGATION_OF_DUTIES'; message: string };

/** «Jurídico», «Capturista o Administrador», «Capturista, Jurídico o Administrador». */
export function roleList(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} o ${names.at(-1) ?? ''}`;
}
