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
   */
  constructor(
    private readonly profile: PublicProfileFile,
    private readonly clock: () => Date,
    private readonly onDeactivated: (ws: Workspace, actor: User, user: User) => Promise<unknown> = () => Promise.resolve(),
  ) {}

  list(ws: Workspace): User[] {
    return [...ws.users.data.users].sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, 'es'));
  }

  async create(ws: Workspace, actor: User, input: Person & { userName: string; roles: Role[]; temporaryPassword: string }): Promise<User> {
    if (findUser(ws, (u) => u.userName === input.userName)) {
      throw new AppError('CONFLICT', `Ya existe un usuario «${input.userName}» (activo o dado de baja). Elija otro nombre de usuario.`);
    }
    assertStrongPassword(input.temporaryPassword, input.userName);
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
    };
    await ws.vault.addSlot(user.userName, input.temporaryPassword);
    await ws.users.update((doc) => void doc.users.push(user));
    await ws.audit.record('user.created', actorOf(actor), `${user.fullName} (${user.userName})`, { roles: user.roles.join(', ') });
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

  async update(ws: Workspace, actor: User, input: Person & { userId: string; roles: Role[] }): Promise<User> {
    const user = byId(ws, input.userId);
    const losesAdmin = user.roles.includes('administrador') && !input.roles.includes('administrador');
    if (losesAdmin && user.active && activeAdmins(ws).length === 1) {
      throw new AppError('CONFLICT', 'Debe quedar al menos un administrador activo.');
    }
    await ws.users.update(() => {
      user.fullName = input.fullName;
      user.position = input.position;
      user.roles = [...new Set(input.roles)];
    });
    await ws.audit.record('user.updated', actorOf(actor), `${user.fullName} (${user.userName})`, { roles: user.roles.join(', ') });
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
