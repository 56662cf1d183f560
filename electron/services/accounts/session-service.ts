import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../../shared/domain/audit';
import type { OfficeProfile } from '../../../shared/domain/office';
import { passwordProblems } from '../../../shared/domain/password-policy';
import type { LockReason, SessionState } from '../../../shared/domain/session';
import type { User } from '../../../shared/domain/users';
import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import { Vault, type LockedVault, type ScryptParams, type UnlockedVault, type UnlockOptions } from '../vault';
import { PublicProfileFile } from './public-profile';
import { SignInThrottle } from './sign-in-throttle';
import { findUser, openWorkspace, type Workspace } from './workspace';

export interface SessionConfig {
  dataDir: string;
  clock?: () => Date;
  /** scrypt cost for new key slots; production default when omitted (tests pass a cheap one). */
  kdf?: ScryptParams;
  /** Shared with the user administration, which records deactivations in it. */
  profile?: PublicProfileFile;
}

export interface SetupInput {
  office: OfficeProfile;
  admin: { fullName: string; position: string; userName: string; password: string };
}

export function actorOf(user: User): AuditActor {
  return { id: user.id, userName: user.userName, fullName: user.fullName };
}

export function assertStrongPassword(password: string, userName: string): void {
  const problems = passwordProblems(password, userName);
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', `La contraseña no cumple las reglas: ${problems.join(' ')}`);
}

/**
 * Who is signed in, and the vault they opened. Each user's password unwraps
 * the vault's data key through their own key slot (slot id = user name), so
 * signing in really opens the vault and locking really forgets the key; the
 * folder lock is held from the first look until the app closes, so no other
 * instance can write meanwhile.
 */
export class SessionService {
  private locked: LockedVault | null = null;
  private ws: Workspace | null = null;
  private user: User | null = null;
  private reason: LockReason = 'startup';
  /** Setup's recovery code until its keeping is confirmed (see pendingRecoveryCode). */
  private pendingRecovery: { userId: string; code: string } | null = null;
  private readonly profile: PublicProfileFile;
  private readonly throttle: SignInThrottle;
  /** When the signed-in user last called the core (not counting the screens' polling). */
  private lastActivity = 0;
  readonly clock: () => Date;

  constructor(private readonly config: SessionConfig) {
    this.clock = config.clock ?? (() => new Date());
    this.profile = config.profile ?? new PublicProfileFile(config.dataDir);
    this.throttle = new SignInThrottle(() => this.clock().getTime());
  }

  // ---- state -------------------------------------------------------------

  async state(): Promise<SessionState> {
    if (this.ws && this.user) {
      return {
        status: 'signed_in',
        office: this.ws.office.data,
        user: { id: this.user.id, userName: this.user.userName, fullName: this.user.fullName, position: this.user.position, roles: this.user.roles, ...(this.user.areaId ? { areaId: this.user.areaId } : {}) },
        mustChangePassword: this.user.mustChangePassword,
        idleMinutes: this.ws.settings.data.idleMinutes,
        ...(this.pendingRecovery?.userId === this.user.id ? { recoveryPending: true } : {}),
      };
    }
    if (!this.locked && !Vault.exists(this.config.dataDir)) return { status: 'no_vault' };
    await this.lockedVault();
    return { status: 'locked', office: (await this.profile.read()).office, reason: this.reason };
  }

  /** The signed-in workspace and user, for the other services. */
  require(): { ws: Workspace; user: User } {
    if (!this.ws || !this.user) throw new AppError('NOT_SIGNED_IN', ERROR_MESSAGES.NOT_SIGNED_IN);
    if (this.user.mustChangePassword) throw new AppError('FORBIDDEN', 'Antes de continuar debe cambiar su contraseña temporal.');
    if (this.pendingRecovery?.userId === this.user.id) throw new AppError('FORBIDDEN', 'Antes de continuar, confirme que guardó el código de recuperación (último paso de la configuración inicial).');
    return { ws: this.ws, user: this.user };
  }

  private async lockedVault(): Promise<LockedVault> {
    this.locked ??= await Vault.open(this.config.dataDir, this.config.kdf ? { kdf: this.config.kdf } : {});
    return this.locked;
  }

  // ---- first run ---------------------------------------------------------

  async setup(input: SetupInput): Promise<{ recoveryCode: string; ws: Workspace; user: User }> {
    if (this.locked || this.ws || Vault.exists(this.config.dataDir)) throw new AppError('VAULT_EXISTS', ERROR_MESSAGES.VAULT_EXISTS);
    const { admin } = input;
    assertStrongPassword(admin.password, admin.userName);
    const { vault, recoveryCode } = await Vault.create(this.config.dataDir, {
      slotId: admin.userName,
      password: admin.password,
      ...(this.config.kdf ? { kdf: this.config.kdf } : {}),
    });
    const ws = await openWorkspace(vault, this.clock);
    const now = this.clock().toISOString();
    const user: User = {
      id: randomUUID(),
      userName: admin.userName,
      fullName: admin.fullName,
      position: admin.position,
      roles: ['administrador'],
      active: true,
      mustChangePassword: false,
      createdAt: now,
      deactivatedAt: null,
    };
    await ws.meta.write();
    await ws.office.update((office) => Object.assign(office, input.office));
    await ws.users.update((doc) => void doc.users.push(user));
    await ws.settings.write();
    const actor = actorOf(user);
    await ws.audit.record('vault.created', actor, `${input.office.institution} · ${input.office.unit}`);
    await ws.audit.record('user.created', actor, `${user.fullName} (${user.userName})`, { roles: user.roles.join(', ') });
    await ws.audit.record('session.signed_in', actor, user.userName);
    await this.profile.update((p) => {
      p.office = { institution: input.office.institution, unit: input.office.unit, acronym: input.office.acronym };
    });
    this.ws = ws;
    this.user = user;
    this.lastActivity = this.clock().getTime();
    this.pendingRecovery = { userId: user.id, code: recoveryCode };
    return { recoveryCode, ws, user };
  }

  /**
   * The recovery code of the setup just done, while its keeping is not yet
   * confirmed: kept in memory only (never on disk), so a reload of the page
   * shows the wizard's last step again instead of skipping it.
   */
  pendingRecoveryCode(): { recoveryCode: string; ws: Workspace; user: User } {
    if (!this.ws || !this.user || this.pendingRecovery?.userId !== this.user.id) throw new AppError('NOT_FOUND', 'No hay un código de recuperación pendiente de confirmar.');
    return { recoveryCode: this.pendingRecovery.code, ws: this.ws, user: this.user };
  }

  /** The administrator proves the code was kept by typing its last group; only then does the office start. */
  async confirmRecoveryKept(lastGroup: string): Promise<SessionState> {
    const { recoveryCode, ws, user } = this.pendingRecoveryCode();
    const expected = recoveryCode.split('-').at(-1) ?? '';
    if (lastGroup.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '') !== expected) {
      throw new AppError('VALIDATION', 'Esos caracteres no son el último grupo del código de recuperación. Léalos de la hoja impresa o guardada (son los cuatro del final).');
    }
    this.pendingRecovery = null;
    await ws.audit.record('vault.recovery_code_kept', actorOf(user), `${user.fullName} (${user.userName})`);
    return this.state();
  }

  // ---- signing in and out ------------------------------------------------

  async signIn(userName: string, password: string): Promise<SessionState> {
    if (this.ws) await this.endSession('signed_out');
    const locked = await this.lockedVault();
    this.throttle.check(userName);
    if (!locked.hasSlot(userName)) {
      // public.json only chooses the message for a name without a key slot: listing someone there cannot lock them out.
      const profile = await this.profile.read();
      await this.recordFailure(userName, locked);
      if (profile.deactivated.includes(userName)) throw new AppError('USER_INACTIVE', ERROR_MESSAGES.USER_INACTIVE);
      throw new AppError('WRONG_PASSWORD', this.failureMessage(userName));
    }
    let vault;
    try {
      vault = await locked.unlockWithPassword(userName, password, this.refusalAudit(userName));
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSWORD') {
        await this.recordFailure(userName, locked);
        throw new AppError('WRONG_PASSWORD', this.failureMessage(userName));
      }
      throw error;
    }
    const ws = await openWorkspace(vault, this.clock);
    const user = findUser(ws, (u) => u.userName === userName);
    if (!user || !user.active) {
      this.locked = await vault.lock();
      throw new AppError('USER_INACTIVE', ERROR_MESSAGES.USER_INACTIVE);
    }
    this.throttle.succeed(userName);
    await this.sealKeyFile(ws, user);
    await this.enter(ws, user);
    return this.state();
  }

  /** Unlock with the printed recovery code and give an administrator a new password. */
  async recover(recoveryCode: string, userName: string, newPassword: string): Promise<SessionState> {
    if (this.ws) await this.endSession('signed_out');
    const locked = await this.lockedVault();
    this.throttle.check('#recovery');
    let vault;
    try {
      vault = await locked.unlockWithRecoveryCode(recoveryCode, this.refusalAudit(`${userName} (código de recuperación)`));
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_RECOVERY_CODE') {
        this.throttle.fail('#recovery');
        await this.recordFailure(userName, locked, ' (código de recuperación)');
      }
      throw error;
    }
    const ws = await openWorkspace(vault, this.clock);
    const user = findUser(ws, (u) => u.userName === userName);
    try {
      if (!user || !user.active || !user.roles.includes('administrador')) {
        throw new AppError('FORBIDDEN', `El usuario «${userName}» no es un administrador activo de esta bóveda.`);
      }
      assertStrongPassword(newPassword, userName);
    } catch (error) {
      this.locked = await vault.lock();
      throw error;
    }
    await this.sealKeyFile(ws, user);
    if (vault.hasSlot(userName)) await vault.setSlotPassword(userName, newPassword);
    else await vault.addSlot(userName, newPassword);
    await ws.users.update(() => {
      user.mustChangePassword = false;
    });
    this.throttle.succeed('#recovery');
    this.throttle.succeed(userName);
    await ws.audit.record('session.recovered', actorOf(user), `${user.fullName} (${user.userName}) definió una nueva contraseña con el código de recuperación`);
    await this.enter(ws, user);
    return this.state();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionState> {
    if (!this.ws || !this.user) throw new AppError('NOT_SIGNED_IN', ERROR_MESSAGES.NOT_SIGNED_IN);
    const { ws, user } = { ws: this.ws, user: this.user };
    try {
      await ws.vault.checkPassword(user.userName, currentPassword);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSWORD') throw new AppError('WRONG_PASSWORD', 'La contraseña actual no es correcta.');
      throw error;
    }
    if (currentPassword === newPassword) throw new AppError('WEAK_PASSWORD', 'La nueva contraseña debe ser distinta de la actual.');
    assertStrongPassword(newPassword, user.userName);
    await ws.vault.setSlotPassword(user.userName, newPassword);
    await ws.users.update(() => {
      user.mustChangePassword = false;
    });
    await ws.audit.record('session.password_changed', actorOf(user), user.userName);
    return this.state();
  }

  async signOut(): Promise<SessionState> {
    if (this.ws) await this.endSession('signed_out');
    return this.state();
  }

  async lockForIdle(): Promise<SessionState> {
    if (this.ws) await this.endSession('idle');
    return this.state();
  }

  /** The operating system's lock screen or a suspend: whoever comes back signs in again. */
  async lockForSystem(): Promise<SessionState> {
    if (this.ws) await this.endSession('system');
    return this.state();
  }

  /**
   * The core's own idle limit, whatever the screen's timer does (a page that
   * never calls «lock» cannot keep the vault open): called before every IPC
   * call and by a timer in main. `active` is false for the screens' polling
   * (status, progress), which is not someone at the keyboard.
   */
  async noteCall(active: boolean): Promise<void> {
    await this.checkIdle();
    if (active && this.ws) this.lastActivity = this.clock().getTime();
  }

  async checkIdle(): Promise<void> {
    if (!this.ws) return;
    const limit = this.ws.settings.data.idleMinutes * 60_000;
    if (this.clock().getTime() - this.lastActivity >= limit) await this.endSession('idle');
  }

  /** Releases the vault folder (app closing). */
  async close(): Promise<void> {
    if (this.ws) await this.ws.vault.close();
    else if (this.locked) await this.locked.close();
    this.ws = null;
    this.user = null;
    this.locked = null;
  }

  // ---- internals ---------------------------------------------------------

  /** A forged or rolled-back keys.json is refused by the vault; this writes the refusal into the (genuine) audit log first. */
  private refusalAudit(typed: string): UnlockOptions {
    return {
      onKeyFileRefused: async (vault: UnlockedVault, error: AppError) => {
        const ws = await openWorkspace(vault, this.clock);
        await ws.audit.record('vault.keys_refused', null, error.message, { archivo: 'keys.json', motivo: error.code, usuario: typed });
      },
    };
  }

  /**
   * A keys.json written before it carried a MAC gets one now: a legitimate
   * user just opened the vault with it. Slots of nobody active are dropped
   * first (one could have been planted while the file had no MAC).
   */
  private async sealKeyFile(ws: Workspace, user: User): Promise<void> {
    if (ws.vault.keyFileState !== 'legacy') return;
    const active = ws.users.data.users.filter((u) => u.active).map((u) => u.userName);
    const dropped = await ws.vault.authenticateKeyFile(active);
    await ws.audit.record('vault.keys_authenticated', actorOf(user), 'El archivo de llaves «keys.json» quedó sellado contra alteraciones', {
      archivo: 'keys.json',
      accesos: ws.vault.slotIds().join(', '),
      ...(dropped.length > 0 ? { retirados: dropped.join(', ') } : {}),
    });
  }

  private async enter(ws: Workspace, user: User): Promise<void> {
    // What public.json queued is recorded now, at the time of recording: its times are only claims
    // (anyone can edit the file), kept as a detail so they can never break the audit log's order.
    const { restored, failedSignIns } = await this.profile.read();
    const claim = { origen: 'public.json (archivo sin cifrar; fecha declarada, no verificada)' };
    if (restored) {
      await ws.audit.record('vault.restored', null, `Bóveda restaurada desde el respaldo «${restored.backup}»`, { respaldo: restored.backup, fechaDeclarada: restored.at, ...claim });
    }
    const known = new Set(ws.users.data.users.map((u) => u.userName));
    for (const failure of failedSignIns) {
      const [, name = '', how = ''] = /^(.*?)( \(código de recuperación\))?$/s.exec(failure.userName) ?? [];
      const subject = known.has(name) ? `Intento fallido con el usuario «${name}»${how}` : `Intento fallido con un usuario que no existe${how}`;
      await ws.audit.record('session.sign_in_failed', null, subject, { ...(known.has(name) ? { userName: name } : {}), fechaDeclarada: failure.at, ...claim });
    }
    if (restored || failedSignIns.length > 0) {
      await this.profile.update((p) => {
        p.restored = null;
        p.failedSignIns = [];
      });
    }
    await ws.audit.record('session.signed_in', actorOf(user), user.userName);
    this.ws = ws;
    this.user = user;
    this.locked = null;
    this.lastActivity = this.clock().getTime();
  }

  private async endSession(reason: LockReason): Promise<void> {
    const ws = this.ws!;
    const user = this.user!;
    await ws.audit.record(
      reason === 'idle' || reason === 'system' ? 'session.locked' : 'session.signed_out',
      actorOf(user),
      user.userName,
      reason === 'system' ? { motivo: 'bloqueo de pantalla o suspensión del equipo' } : reason === 'idle' ? { motivo: 'inactividad' } : {},
    );
    this.ws = null;
    this.user = null;
    this.reason = reason;
    this.locked = await ws.vault.lock();
  }

  private async recordFailure(userName: string, locked: LockedVault, how = ''): Promise<void> {
    this.throttle.fail(userName);
    // Nobody can write the audit log while the vault is locked: queue it in clear (user name and time only).
    // Only a name with a key slot is written: what was typed may be a password put in the wrong field.
    const name = locked.hasSlot(userName) ? userName : '';
    try {
      await this.profile.update((p) => void p.failedSignIns.push({ userName: `${name}${how}`, at: this.clock().toISOString() }));
    } catch {
      // public.json unwritable (read-only folder, full disk): the attempt is still refused, only not queued.
    }
  }

  private failureMessage(userName: string): string {
    try {
      this.throttle.check(userName);
      return ERROR_MESSAGES.WRONG_PASSWORD;
    } catch (error) {
      return `${ERROR_MESSAGES.WRONG_PASSWORD} ${(error as Error).message}`;
    }
  }
}
