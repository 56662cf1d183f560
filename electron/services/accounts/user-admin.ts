import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { PublicProfileFile } from './public-profile';
import { actorOf, assertStrongPassword } from './session-service';
import { findUser, type Workspace } from './workspace';

interface Person {
  fullName: string;
  position: string;
}

function byId(ws: Workspace, userId: string): User {
  const user = findUser(ws, (u) => u.id === userId);
  if (!user) throw new AppError('NOT_FOUND', 'El usuario no existe.');
  return user;
}

function activeAdmins(ws: Workspace): User[] {
  return ws.users.data.users.filter((u) => u.active && u.roles.includes('administrador'));
}

/** Users and roles (Administración → Usuarios). Every change is audited under the acting administrator. */
export class UserAdmin {
  /**
   * @param onDeactivated what other domains do when someone leaves: the
   * social-account register ends their password custodies (injected so this
   * module imports none of them).
   * @param assertAreaAssignable refuses an area that does not exist or was
   * deactivated and answers its name, for the audit (the areas' service
   * answers it, injected likewise).
   */
  constructor(
    private readonly profile: PublicProfileFile,
    private readonly clock: () => Date,
    private readonly onDeactivated: (ws: Workspace, actor: User, user: User) => Promise<unknown> = () => Promise.resolve(),
    private readonly assertAreaAssignable: (ws: Workspace, areaId: string) => Promise<string> = () => Promise.reject(new AppError('NOT_FOUND', 'El área no existe.')),
  ) {}

  list(ws: Workspace): User[] {
    return [...ws.users.data.users].sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, 'es'));
  }

  async create(ws: Workspace, actor: User, input: Person & { userName: string; roles: Role[]; temporaryPassword: string; areaId?: string | null | undefined }): Promise<User> {
    if (findUser(ws, (u) => u.userName === input.userName)) {
      throw new AppError('CONFLICT', `Ya existe un usuario «${input.userName}» (activo o dado de baja). Elija otro nombre de usuario.`);
    }
    assertStrongPassword(input.temporaryPassword, input.userName);
    const areaName = input.areaId ? await this.assertAreaAssignable(ws, input.areaId) : null;
    const user: User = {
      id: randomUUID(),
      userName: input.userName,
      fullName: input.fullName,
      position: input.position,
      roles: [...new Set(input.roles)],
      active: true,
      mustChangePassword: true,
      createdAt: this.clock().toISOString(),
      deactivatedAt: null,
      // Stored only when named, so a user without one reads as every user written before areas existed.
      ...(input.areaId ? { areaId: input.areaId } : {}),
    };
    await ws.vault.addSlot(user.userName, input.temporaryPassword);
    await ws.users.update((doc) => void doc.users.push(user));
    await ws.audit.record('user.created', actorOf(actor), `${user.fullName} (${user.userName})`, { roles: user.roles.join(', '), ...(areaName ? { area: areaName } : {}) });
    return user;
  }

  /** Need-to-know: the administrator lets a named person read reservada and/or confidencial shipments. */
  async setReadGrants(ws: Workspace, actor: User, userId: string, grants: Array<'reservada' | 'confidencial'>): Promise<User> {
    const user = byId(ws, userId);
    const before = user.readGrants ?? [];
    const next = [...new Set(grants)].sort();
    await ws.users.update(() => {
      user.readGrants = next;
    });
    await ws.audit.record('user.read_grants_changed', actorOf(actor), `${user.fullName} (${user.userName})`, { antes: before.join(', ') || 'ninguno', ahora: next.join(', ') || 'ninguno' });
    return user;
  }

  /** `areaId` undefined keeps the person's area, null takes them out of it. */
  async update(ws: Workspace, actor: User, input: Person & { userId: string; roles: Role[]; areaId?: string | null | undefined }): Promise<User> {
    const user = byId(ws, input.userId);
    const areaChanges = input.areaId !== undefined && input.areaId !== (user.areaId ?? null);
    const areaName = areaChanges && input.areaId ? await this.assertAreaAssignable(ws, input.areaId) : null;
    const losesAdmin = user.roles.includes('administrador') && !input.roles.includes('administrador');
    if (losesAdmin && user.active && activeAdmins(ws).length === 1) {
      throw new AppError('CONFLICT', 'Debe quedar al menos un administrador activo.');
    }
    await ws.users.update(() => {
      user.fullName = input.fullName;
      user.position = input.position;
      user.roles = [...new Set(input.roles)];
      if (areaChanges) {
        if (input.areaId) user.areaId = input.areaId;
        else delete user.areaId;
      }
    });
    await ws.audit.record('user.updated', actorOf(actor), `${user.fullName} (${user.userName})`, { roles: user.roles.join(', '), ...(areaChanges ? { area: areaName ?? 'ninguna' } : {}) });
    return user;
  }

  async deactivate(ws: Workspace, actor: User, userId: string): Promise<User> {
    const user = byId(ws, userId);
    if (user.id === actor.id) throw new AppError('CONFLICT', 'No puede darse de baja a sí mismo; pida a otro administrador que lo haga.');
    if (!user.active) return user;
    if (user.roles.includes('administrador') && activeAdmins(ws).length === 1) {
      throw new AppError('CONFLICT', 'Debe quedar al menos un administrador activo.');
    }
    if (ws.vault.hasSlot(user.userName)) await ws.vault.removeSlot(user.userName);
    await ws.users.update(() => {
      user.active = false;
      user.deactivatedAt = this.clock().toISOString();
    });
    await this.profile.update((p) => {
      if (!p.deactivated.includes(user.userName)) p.deactivated.push(user.userName);
    });
    await ws.audit.record('user.deactivated', actorOf(actor), `${user.fullName} (${user.userName})`);
    await this.onDeactivated(ws, actor, user);
    return user;
  }

  async resetPassword(ws: Workspace, actor: User, userId: string, temporaryPassword: string): Promise<User> {
    const user = byId(ws, userId);
    if (!user.active) throw new AppError('USER_INACTIVE', 'Ese usuario está dado de baja; no se le puede asignar contraseña.');
    assertStrongPassword(temporaryPassword, user.userName);
    if (ws.vault.hasSlot(user.userName)) await ws.vault.setSlotPassword(user.userName, temporaryPassword);
    else await ws.vault.addSlot(user.userName, temporaryPassword);
    await ws.users.update(() => {
      user.mustChangePassword = true;
    });
    await ws.audit.record('user.password_reset', actorOf(actor), `${user.fullName} (${user.userName})`);
    return user;
  }
}
