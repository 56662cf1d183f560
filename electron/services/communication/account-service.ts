/**
 * Comunicación Social's register of social-network accounts and the custody
 * of their passwords (docs/DOMAIN.md, «Cuentas de redes sociales»). Who may
 * call each operation is declared per channel in the contract; the rules
 * that depend on the record are in account-rules.ts. Every change is one
 * frame of the account's stream and one audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../../shared/domain/agencies';
import type { AuditAction } from '../../../shared/domain/audit';
import {
  CUSTODY_END_REASON_LABELS,
  NETWORK_LABELS,
  ROTATION_REASON_LABELS,
  needsAttention,
  type AccountDetail,
  type AccountView,
  type CustodianCandidate,
  type CustodyEndReason,
  type ParsedCustodyInput,
  type ParsedAccountInput,
  type PasswordRotation,
  type RotationInput,
  type SocialAccount,
} from '../../../shared/domain/social-accounts';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules/civil-date';
import { DEFAULT_REVALIDATION_MONTHS, countsAsOfficial, currentCustodies, custodiesOfUser, endCustody, inPublicDirectory, isUsable, pendingRotationOn, recordRotation, revalidationDueOn, statusOn } from './account-rules';
import { AccountStore, type AccountChangeKind } from './account-store';

const REBUILD_WORDS = { missing: 'no había punto de control', damaged: 'el punto de control estaba dañado', stale: 'el punto de control no correspondía a los registros' } as const;

export class SocialAccountService {
  private readonly stores = new WeakMap<Workspace, Promise<AccountStore>>();

  constructor(
    private readonly clock: () => Date,
    private readonly revalidationMonths: number = DEFAULT_REVALIDATION_MONTHS,
  ) {}

  private store(ws: Workspace): Promise<AccountStore> {
    let opened = this.stores.get(ws);
    if (!opened) {
      opened = AccountStore.open(ws.vault).then(async (store) => {
        if (store.rebuiltBecause) await ws.audit.record('vault.index_rebuilt', null, 'Directorio de cuentas de redes sociales', { motivo: REBUILD_WORDS[store.rebuiltBecause], cuentas: store.all().length });
        return store;
      });
      opened.catch(() => this.stores.delete(ws));
      this.stores.set(ws, opened);
    }
    return opened;
  }

  private today(): CivilDate {
    return todayInOffice(this.clock());
  }

  private view(account: SocialAccount, today: CivilDate): AccountView {
    return {
      account,
      status: statusOn(account, today, this.revalidationMonths),
      countsAsOfficial: countsAsOfficial(account),
      revalidationDueOn: revalidationDueOn(account, this.revalidationMonths),
      pendingRotation: pendingRotationOn(account, today),
      usable: isUsable(account, today, this.revalidationMonths),
    };
  }

  private async save(ws: Workspace, user: User, next: SocialAccount, kind: AccountChangeKind, action: AuditAction, detail: string): Promise<AccountView> {
    const at = this.clock();
    const saved = await (await this.store(ws)).save(next, { at, actor: actorOf(user), kind, detail });
    await ws.audit.record(action, actorOf(user), `${NETWORK_LABELS[saved.network]} ${saved.handle}`, { cuenta: saved.id, detalle: detail });
    return this.view(saved, todayInOffice(at));
  }

  /** The directory, with today's status of each account; removed ones last. */
  async list(ws: Workspace): Promise<AccountView[]> {
    const today = this.today();
    const views = (await this.store(ws)).all().map((a) => this.view(a, today));
    const rank = (v: AccountView) => (v.status === 'dada_de_baja' ? 1 : 0);
    return views.sort((a, b) => rank(a) - rank(b) || a.account.network.localeCompare(b.account.network) || a.account.handle.localeCompare(b.account.handle, 'es-MX'));
  }

  /** Inicio: the accounts en revisión or owing a password change, the oldest debt first. */
  async attention(ws: Workspace): Promise<AccountView[]> {
    const since = (v: AccountView) => v.pendingRotation?.since ?? v.revalidationDueOn;
    return (await this.list(ws)).filter(needsAttention).sort((a, b) => since(a).localeCompare(since(b)));
  }

  /** The active users of Valija, by name, for naming one of them custodian (the users list itself is the administrator's). */
  custodianCandidates(ws: Workspace): CustodianCandidate[] {
    return ws.users.data.users
      .filter((u) => u.active)
      .map((u) => ({ userId: u.id, fullName: u.fullName, position: u.position }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'es-MX'));
  }

  async get(ws: Workspace, accountId: string): Promise<AccountDetail> {
    const store = await this.store(ws);
    return { ...this.view(store.get(accountId), this.today()), history: await store.history(accountId) };
  }

  async create(ws: Workspace, user: User, input: ParsedAccountInput): Promise<AccountView> {
    const store = await this.store(ws);
    const duplicate = store.all().find((a) => a.removedOn === null && a.network === input.network && a.handle.toLowerCase() === input.handle.toLowerCase());
    if (duplicate) throw new AppError('CONFLICT', `La cuenta ${input.handle} de ${NETWORK_LABELS[input.network]} ya está en el directorio.`);
    if (input.addedOn > this.today()) throw new AppError('VALIDATION', 'La fecha de alta no puede ser posterior a hoy.');
    const account: SocialAccount = {
      ...input,
      id: randomUUID(),
      removedOn: null,
      status: 'activa',
      lastValidatedOn: input.addedOn,
      requestScan: null,
      custodies: [],
      rotations: [],
      pendingRotation: null,
    };
    return this.save(ws, user, account, 'created', 'social_account.created', account.kind === 'oficial' ? 'Cuenta oficial' : `Cuenta personal de ${account.holder?.fullName ?? ''}`);
  }

  async update(ws: Workspace, user: User, accountId: string, input: ParsedAccountInput): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    const next: SocialAccount = { ...prev, ...input, addedOn: prev.addedOn };
    return this.save(ws, user, next, 'updated', 'social_account.updated', 'Datos de la cuenta');
  }

  /** Someone checked the account still exists and is the institution's: the six-month clock starts again. */
  async validate(ws: Workspace, user: User, accountId: string, on: CivilDate): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (on > this.today()) throw new AppError('VALIDATION', 'La fecha de validación no puede ser posterior a hoy.');
    if (on < prev.lastValidatedOn) throw new AppError('VALIDATION', `La cuenta ya se validó el ${prev.lastValidatedOn}.`);
    return this.save(ws, user, { ...prev, lastValidatedOn: on, status: 'activa' }, 'validated', 'social_account.validated', `Validada el ${on}`);
  }

  /** Removing an account ends every running custody; its password is then changed as for any custodian leaving. */
  async remove(ws: Workspace, user: User, accountId: string, on: CivilDate, reason: string): Promise<AccountView> {
    let next = this.editable((await this.store(ws)).get(accountId));
    if (on < next.addedOn) throw new AppError('VALIDATION', 'La baja no puede ser anterior al alta de la cuenta.');
    for (const c of currentCustodies(next)) next = endCustody(next, c.id, on, 'baja_de_cuenta');
    return this.save(ws, user, { ...next, removedOn: on, status: 'dada_de_baja', notes: reason ? `${next.notes}${next.notes ? '\n' : ''}Baja: ${reason}` : next.notes }, 'removed', 'social_account.removed', reason || 'Sin motivo indicado');
  }

  async startCustody(ws: Workspace, user: User, accountId: string, parsed: ParsedCustodyInput): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (parsed.startedOn < prev.addedOn) throw new AppError('VALIDATION', 'La custodia no puede empezar antes del alta de la cuenta.');
    if (parsed.custodian.userId !== null && !ws.users.data.users.some((u) => u.id === parsed.custodian.userId && u.active)) {
      throw new AppError('VALIDATION', 'El custodio elegido no es un usuario activo de Valija.');
    }
    const same = currentCustodies(prev).find((c) => c.custodian.fullName.toLowerCase() === parsed.custodian.fullName.toLowerCase());
    if (same) throw new AppError('CONFLICT', `${same.custodian.fullName} ya tiene la custodia de esta contraseña desde el ${same.startedOn}.`);
    const custody = { ...parsed, id: randomUUID(), endedOn: null, endReason: null, acknowledgementScan: null };
    return this.save(ws, user, { ...prev, custodies: [...prev.custodies, custody] }, 'custody_started', 'social_account.custody_started', `${custody.custodian.fullName}, desde el ${custody.startedOn}`);
  }

  async endCustody(ws: Workspace, user: User, accountId: string, custodyId: string, on: CivilDate, reason: CustodyEndReason): Promise<AccountView> {
    const prev = (await this.store(ws)).get(accountId);
    const next = endCustody(prev, custodyId, on, reason);
    const who = prev.custodies.find((c) => c.id === custodyId)?.custodian.fullName ?? '';
    return this.save(ws, user, next, 'custody_ended', 'social_account.custody_ended', `${who}, el ${on} (${CUSTODY_END_REASON_LABELS[reason]}); cambio de contraseña pendiente`);
  }

  async recordRotation(ws: Workspace, user: User, accountId: string, rotation: Required<RotationInput>): Promise<AccountView> {
    const prev = this.editable((await this.store(ws)).get(accountId));
    if (rotation.on > this.today()) throw new AppError('VALIDATION', 'La fecha del cambio de contraseña no puede ser posterior a hoy.');
    const entry: PasswordRotation = { ...rotation };
    return this.save(ws, user, recordRotation(prev, entry), 'rotated', 'social_account.rotation_recorded', `${ROTATION_REASON_LABELS[rotation.reason]}, el ${rotation.on}, por ${rotation.changedBy}`);
  }

  /**
   * A user deactivated in Valija stops managing every account they held the
   * password of (décima quinta): each custody ends that day and its account
   * owes a password change. Called by the users' deactivation.
   */
  async userDeactivated(ws: Workspace, actor: User, userId: string): Promise<number> {
    const store = await this.store(ws);
    const held = custodiesOfUser(store.all(), userId);
    const on = this.today();
    for (const { accountId, custodyId } of held) await this.endCustody(ws, actor, accountId, custodyId, on, 'baja_de_usuario');
    return held.length;
  }

  /** Octava: the accounts the office lists publicly. */
  async publicDirectory(ws: Workspace): Promise<SocialAccount[]> {
    return (await this.list(ws)).map((v) => v.account).filter(inPublicDirectory);
  }

  private editable(account: SocialAccount): SocialAccount {
    if (account.removedOn !== null) throw new AppError('CONFLICT', `La cuenta se dio de baja el ${account.removedOn}: ya no se modifica.`);
    return account;
  }
}
