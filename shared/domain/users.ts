import { z } from 'zod';
import { ROLES, type Role } from './roles';

export interface User {
  id: string;
  userName: string;
  fullName: string;
  position: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  /** Classified levels the administrator let this person read by name (need-to-know); absent = none. */
  readGrants?: Array<'reservada' | 'confidencial'>;
  /** The area of the office this person belongs to (docs/DOMAIN.md, «Áreas y medios»); absent or null = none. */
  areaId?: string | null;
}

/** The signed-in person, as the screens see them (their area, when they belong to one, preselects it on a request). */
export type SessionUser = Pick<User, 'id' | 'userName' | 'fullName' | 'position' | 'roles' | 'areaId'>;

export const userNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'El nombre de usuario empieza con letra y usa de 3 a 32 letras sin acento, números, punto, guion o guion bajo.');

export const passwordSchema = z.string().min(1, 'Escriba la contraseña.').max(256, 'La contraseña es demasiado larga.');

export const personSchema = z.object({
  fullName: z.string().trim().min(3, 'Escriba el nombre completo.').max(120, 'El nombre admite como máximo 120 caracteres.'),
  position: z.string().trim().min(2, 'Escriba el cargo.').max(120, 'El cargo admite como máximo 120 caracteres.'),
});

export const rolesSchema = z.array(z.enum(ROLES)).min(1, 'Asigne al menos un rol.').max(ROLES.length);
