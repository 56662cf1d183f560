/**
 * The rules of the social-network account register, as pure functions over
 * the records (docs/DOMAIN.md, «Cuentas de redes sociales»). The service
 * applies them and stores the result; the screens and the releases ask them
 * whether an account may be used.
 */
import type { CivilDate } from '../../../shared/domain/agencies';
import { INCIDENT_STEPS, INCIDENT_STEP_LABELS, openIncidents, type AccountIncident, type AccountStatus, type AccountView, type CustodyEndReason, type IncidentStep, type IncidentStepRecord, type PasswordRotation, type PendingRotation, type RotationReason, type SocialAccount } from '../../../shared/domain/social-accounts';
import { AppError } from '../../../shared/errors';
import { addDays, addMonths, todayInOffice } from '../agencies/rules/civil-date';

/**
 * Décima novena: a personal account administered by an area of the
 * institution counts as official while the servant holds the post, which
 * the register marks by the account's removal date.
 */
export function countsAsOfficial(account: Pick<SocialAccount, 'kind' | 'removedOn'>): boolean {
  if (account.kind === 'oficial') return true;
  return account.kind === 'personal_administrada' && account.removedOn === null;
}

/** The day by which the account must be validated again. */
export function revalidationDueOn(account: Pick<SocialAccount, 'lastValidatedOn'>, months: number): CivilDate {
  return addMonths(account.lastValidatedOn, months);
}

/** The status the office sees today: a stored one, or «en revisión» once the validation is overdue. */
export function statusOn(account: Pick<SocialAccount, 'status' | 'removedOn' | 'lastValidatedOn'>, today: CivilDate, months: number): AccountStatus {
  if (account.status === 'dada_de_baja' || account.removedOn !== null) return 'dada_de_baja';
  if (account.status === 'en_revision') return 'en_revision';
  return today > revalidationDueOn(account, months) ? 'en_revision' : 'activa';
}

/** When the password was last changed, or failing that when the account entered the register. */
function lastChangedOn(account: Pick<SocialAccount, 'rotations' | 'addedOn'>): CivilDate {
  return account.rotations.reduce((latest, r) => (r.on > latest ? r.on : latest), account.addedOn);
}

/** The periodic rotation's due day, for accounts that have one. */
export function periodicRotationDueOn(account: Pick<SocialAccount, 'rotationEveryDays' | 'rotations' | 'addedOn'>): CivilDate | null {
  if (account.rotationEveryDays === null) return null;
  return addDays(lastChangedOn(account), account.rotationEveryDays);
}

/** The password change the account owes today, if any: one opened by an event, or a periodic one come due. */
export function pendingRotationOn(account: SocialAccount, today: CivilDate): PendingRotation | null {
  if (account.pendingRotation) return account.pendingRotation;
  const due = periodicRotationDueOn(account);
  return due !== null && today >= due ? { since: due, reason: 'periodico', custodyId: null } : null;
}

/**
 * Whether anything in the app may use the account today (the releases rely
 * on it): active, validated in time, and owing no password change.
 */
export function isUsable(account: SocialAccount, today: CivilDate, months: number): boolean {
  return statusOn(account, today, months) === 'activa' && pendingRotationOn(account, today) === null && openIncidents(account).length === 0;
}

export { openIncidents };

/**
 * Décima quinta's protocol: theft, loss or unauthorised access opens an
 * incident, detected at a given time, and the account owes a password change
 * from that day.
 */
export function openIncident(account: SocialAccount, incident: Omit<AccountIncident, 'steps'> & { detectedAt: string }): SocialAccount {
  const { detectedAt, ...rest } = incident;
  const opened: AccountIncident = { ...rest, steps: { detectado: { at: detectedAt, note: '', recordedBy: incident.openedBy } } };
  return openRotation({ ...account, incidents: [...account.incidents, opened] }, todayInOffice(new Date(detectedAt)), 'incidente');
}

/**
 * Records one step of the protocol with its time. Steps come after the
 * detection; the password change also records the rotation it is; closing
 * needs every other step done first.
 */
export function recordIncidentStep(account: SocialAccount, incidentId: string, step: IncidentStep, record: IncidentStepRecord): SocialAccount {
  const incident = account.incidents.find((i) => i.id === incidentId);
  if (!incident) throw new AppError('NOT_FOUND', 'La cuenta no tiene ese incidente.');
  if (incident.steps.cerrado) throw new AppError('CONFLICT', 'El incidente ya está cerrado.');
  if (incident.steps[step]) throw new AppError('CONFLICT', `El paso «${INCIDENT_STEP_LABELS[step]}» ya está registrado.`);
  const detected = incident.steps.detectado?.at ?? record.at;
  if (Date.parse(record.at) < Date.parse(detected)) throw new AppError('VALIDATION', `El paso «${INCIDENT_STEP_LABELS[step]}» no puede ser anterior a la detección del incidente.`);
  if (step === 'cerrado') {
    const missing = INCIDENT_STEPS.filter((s) => s !== 'cerrado' && !incident.steps[s]).map((s) => `«${INCIDENT_STEP_LABELS[s]}»`);
    if (missing.length > 0) throw new AppError('VALIDATION', `Para cerrar el incidente faltan estos pasos del protocolo: ${missing.join(', ')}.`);
  }
  const next: SocialAccount = { ...account, incidents: account.incidents.map((i) => (i.id === incidentId ? { ...i, steps: { ...i.steps, [step]: record } } : i)) };
  if (step !== 'contrasena_cambiada') return next;
  return recordRotation(next, { on: todayInOffice(new Date(record.at)), reason: 'incidente', changedBy: record.recordedBy, note: record.note });
}

/** Custodies still running. */
export function currentCustodies(account: Pick<SocialAccount, 'custodies'>) {
  return account.custodies.filter((c) => c.endedOn === null);
}

/**
 * Décima quinta: when someone with access to the password stops managing
 * the account, the password is changed. Ending a custody therefore opens a
 * rotation (unless one is already owed, which it then also covers).
 */
export function endCustody(account: SocialAccount, custodyId: string, on: CivilDate, reason: CustodyEndReason): SocialAccount {
  const custody = account.custodies.find((c) => c.id === custodyId);
  if (!custody) throw new AppError('NOT_FOUND', 'La cuenta no tiene ese custodio.');
  if (custody.endedOn !== null) throw new AppError('CONFLICT', `La custodia de ${custody.custodian.fullName} ya terminó el ${custody.endedOn}.`);
  if (on < custody.startedOn) throw new AppError('VALIDATION', 'La custodia no puede terminar antes de haber empezado.');
  return {
    ...account,
    custodies: account.custodies.map((c) => (c.id === custodyId ? { ...c, endedOn: on, endReason: reason } : c)),
    pendingRotation: account.pendingRotation ?? { since: on, reason: 'salida_de_custodio', custodyId },
  };
}

/** The running custodies a user of Valija holds, across the register (for their deactivation). */
export function custodiesOfUser(accounts: readonly SocialAccount[], userId: string): Array<{ accountId: string; custodyId: string }> {
  const out: Array<{ accountId: string; custodyId: string }> = [];
  for (const a of accounts) for (const c of currentCustodies(a)) if (c.custodian.userId === userId) out.push({ accountId: a.id, custodyId: c.id });
  return out;
}

/** Records a password change; it settles whatever change was owed up to that day. */
export function recordRotation(account: SocialAccount, rotation: PasswordRotation): SocialAccount {
  if (rotation.on < account.addedOn) throw new AppError('VALIDATION', 'El cambio de contraseña no puede ser anterior al alta de la cuenta.');
  const pending = account.pendingRotation;
  if (pending && rotation.on < pending.since) {
    throw new AppError('VALIDATION', `Hay un cambio de contraseña pendiente desde el ${pending.since}: el cambio que lo atiende debe ser de ese día o posterior.`);
  }
  return { ...account, rotations: [...account.rotations, rotation], pendingRotation: null };
}

/** Opens a rotation for an incident (theft, loss or unauthorised access). */
export function openRotation(account: SocialAccount, since: CivilDate, reason: RotationReason): SocialAccount {
  return account.pendingRotation ? account : { ...account, pendingRotation: { since, reason, custodyId: null } };
}

/**
 * Octava and quinta: the public directory lists the accounts that count as
 * official, and the personal ones whose holders asked to be listed; none
 * that was removed.
 */
export function inPublicDirectory(account: SocialAccount): boolean {
  if (account.removedOn !== null || account.status === 'dada_de_baja') return false;
  return countsAsOfficial(account) || account.listedPublicly;
}

/** An account as the directory lists it on `today`: the record and what these rules say of it, with the office's revalidation period. */
export function accountView(account: SocialAccount, today: CivilDate, revalidationMonths: number): AccountView {
  return {
    account,
    status: statusOn(account, today, revalidationMonths),
    countsAsOfficial: countsAsOfficial(account),
    revalidationDueOn: revalidationDueOn(account, revalidationMonths),
    pendingRotation: pendingRotationOn(account, today),
    usable: isUsable(account, today, revalidationMonths),
  };
}
