import { ROLE_LABELS, type Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';

/** Role checks live in the core: hiding a button is a courtesy, this is the rule. */
export function requireRole(user: User, role: Role, doing: string): void {
  if (!user.active || !user.roles.includes(role)) {
    throw new AppError('FORBIDDEN', `Sólo un usuario con el rol ${ROLE_LABELS[role]} puede ${doing}.`);
  }
}
