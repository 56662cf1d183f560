/**
 * The rules of releases that need more than the state machine
 * (`shared/domain/release-states.ts`): what the signature and the area's
 * validation vouch for, blackouts, the lapse of an authorisation, the urgent
 * path's ratification, which channels may carry a release, the embargo and
 * who may read a release. Pure functions over the records; the service
 * applies them (docs/DOMAIN.md, «Difusiones»).
 */
import { createHash } from 'node:crypto';
import type { CivilDate } from '../../../shared/domain/agencies';
import type { Area, MediaOutlet } from '../../../shared/domain/areas';
import { RELEASE_STATE_LABELS, type ReleaseForRules } from '../../../shared/domain/release-states';
import {
  BLACKOUT_EXCEPTION_LABELS,
  LEGAL_CHECKS,
  LEGAL_CHECK_LABELS,
  channelKey,
  type Blackout,
  type LegalChecklist,
  type Release,
  type ReleaseChannel,
  type ReleaseContent,
} from '../../../shared/domain/releases';
import type { Role } from '../../../shared/domain/roles';
import { ACCOUNT_KIND_LABELS, NETWORK_LABELS, openIncidents, type AccountView } from '../../../shared/domain/social-accounts';
import { formatDateTime } from '../../../shared/format/date';
import { addDays, formatCivilDate, todayInOffice } from '../agencies/rules/civil-date';
import { canonicalJson } from '../integrity/canonical-json';

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** What the Director's signature vouches for: everything that reaches the public, and when. */
export function releaseContentDigest(content: ReleaseContent): string {
  return sha256({
    kind: content.kind,
    title: content.title,
    body: content.body,
    materials: content.materials.map((m) => ({ fileName: m.fileName, mediaType: m.mediaType, size: m.size, sha256: m.sha256 })),
    providingAreaId: content.providingAreaId,
    channels: content.channels.map(channelKey).sort(),
    plannedAt: new Date(content.plannedAt).toISOString(),
    embargoUntil: content.embargoUntil ? new Date(content.embargoUntil).toISOString() : null,
    classification: content.classification,
    legalBasis: content.legalBasis,
    blackoutException: content.blackoutException,
  });
}

/** What the providing area approves: its information (text and material), not where or when Comunicación Social publishes it. */
export function releaseAreaDigest(content: Pick<ReleaseContent, 'title' | 'body' | 'materials' | 'providingAreaId'>): string {
  return sha256({ title: content.title, body: content.body, materials: content.materials.map((m) => m.sha256), providingAreaId: content.providingAreaId });
}

export function hasNetworkChannel(content: Pick<ReleaseContent, 'channels'>): boolean {
  return content.channels.some((c) => c.type === 'cuenta');
}

/** The slice of a release the state machine reads. */
export function releaseForRules(release: Release, areas: readonly Area[]): ReleaseForRules {
  const area = areas.find((a) => a.id === release.providingAreaId);
  return {
    state: release.state,
    preparedByIds: release.preparedByIds,
    hasNetworkChannel: hasNetworkChannel(release),
    areaValidationCurrent: release.validation !== null && release.validation.areaDigest === releaseAreaDigest(release),
    areaHeadUserId: area?.headUserId ?? null,
    urgent: release.urgent ? { reviewed: release.urgent.reviewedAt !== null, ratified: release.urgent.ratifiedAt !== null } : null,
  };
}

// ---- blackouts ------------------------------------------------------------------

/** The blackout (not removed) whose days hold the office day of `at`, if any. */
export function blackoutAt(blackouts: readonly Blackout[], at: string | Date): Blackout | null {
  const day = todayInOffice(new Date(at));
  return blackouts.find((b) => b.removedAt === null && b.from <= day && day <= b.to) ?? null;
}

/**
 * Why a release cannot be authorised or published at `at` because of a
 * blackout, or null: inside one it needs an exception chosen, and one the
 * blackout allows.
 */
export function blackoutRefusal(release: Pick<ReleaseContent, 'blackoutException'>, blackouts: readonly Blackout[], at: string | Date): string | null {
  const blackout = blackoutAt(blackouts, at);
  if (!blackout) return null;
  const period = `«${blackout.name}» (del ${formatCivilDate(blackout.from)} al ${formatCivilDate(blackout.to)})`;
  const allowed = blackout.allowedExceptions.map((e) => BLACKOUT_EXCEPTION_LABELS[e]).join(', ');
  if (blackout.allowedExceptions.length === 0) return `La fecha cae en el periodo de veda ${period}, que no admite excepciones: cambie la fecha.`;
  if (release.blackoutException === null) return `La fecha cae en el periodo de veda ${period}: elija una de las excepciones que admite (${allowed}) o cambie la fecha.`;
  if (!blackout.allowedExceptions.includes(release.blackoutException)) {
    return `El periodo de veda ${period} no admite la excepción «${BLACKOUT_EXCEPTION_LABELS[release.blackoutException]}»; admite: ${allowed}.`;
  }
  return null;
}

// ---- the lapse of an authorisation and the urgent path ---------------------------

/**
 * The last office day an authorisation is good for: the planned day plus the
 * lapse days. Only an authorised release not yet published on any channel,
 * and not on the urgent path (which is published at once), has one.
 */
export function validThrough(release: Pick<Release, 'state' | 'plannedAt' | 'urgent' | 'publications'>, lapseDays: number): CivilDate | null {
  if (release.state !== 'autorizada' || release.urgent !== null || release.publications.length > 0) return null;
  return addDays(todayInOffice(new Date(release.plannedAt)), lapseDays);
}

/** Authorised and not published within its days: it needs a new date, so legal review and authorisation again (vencida). */
export function isLapsed(release: Pick<Release, 'state' | 'plannedAt' | 'urgent' | 'publications'>, now: Date, lapseDays: number): boolean {
  const through = validThrough(release, lapseDays);
  return through !== null && todayInOffice(now) > through;
}

/** When an urgent release owes its legal review and its signed sheet. */
export function ratificationDueBy(verbalAt: string, hours: number): string {
  return new Date(Date.parse(verbalAt) + hours * 3_600_000).toISOString();
}

export function pendingRatification(release: Pick<Release, 'urgent' | 'state'>): boolean {
  return release.urgent !== null && release.urgent.ratifiedAt === null && release.state !== 'cancelada';
}

export function ratificationOverdue(release: Pick<Release, 'urgent' | 'state'>, now: Date): boolean {
  return pendingRatification(release) && release.urgent !== null && now.getTime() > Date.parse(release.urgent.dueBy);
}

// ---- channels -------------------------------------------------------------------

/** How a channel reads on the sheet and in the history. */
export function channelLabel(channel: ReleaseChannel, accounts: readonly AccountView[], outlets: readonly MediaOutlet[]): string {
  if (channel.type === 'cuenta') {
    const view = accounts.find((v) => v.account.id === channel.id);
    return view ? `${NETWORK_LABELS[view.account.network]} · ${view.account.handle} (${view.countsAsOfficial ? 'oficial' : 'personal'})` : 'Cuenta que ya no está en el directorio';
  }
  const outlet = outlets.find((o) => o.id === channel.id);
  return outlet ? outlet.name : 'Medio que ya no está en el catálogo';
}

/**
 * Why a channel may not carry a release today, or null. 6.1.4 C.1: only the
 * official accounts of the directory, and only while usable (validated in
 * time, no password change owed, no incident open, not removed); a personal
 * account is never one, even registered. A media outlet must be in the
 * catalogue and active.
 */
export function channelRefusal(channel: ReleaseChannel, accounts: readonly AccountView[], outlets: readonly MediaOutlet[]): string | null {
  if (channel.type === 'medio') {
    const outlet = outlets.find((o) => o.id === channel.id);
    if (!outlet) return 'El medio de comunicación elegido no está en el catálogo.';
    return outlet.active ? null : `El medio «${outlet.name}» está dado de baja en el catálogo.`;
  }
  const view = accounts.find((v) => v.account.id === channel.id);
  if (!view) return 'La cuenta elegida no está en el directorio de cuentas de redes sociales.';
  const name = `${NETWORK_LABELS[view.account.network]} ${view.account.handle}`;
  if (view.account.kind === 'personal_registrada') {
    return `La cuenta ${name} es una cuenta personal (${ACCOUNT_KIND_LABELS.personal_registrada}): las difusiones sólo se publican en cuentas oficiales (directiva 6.1.4, C.1).`;
  }
  if (!view.countsAsOfficial) return `La cuenta ${name} ya no cuenta como oficial: las difusiones sólo se publican en cuentas oficiales (directiva 6.1.4, C.1).`;
  if (view.status === 'dada_de_baja') return `La cuenta ${name} está dada de baja.`;
  if (openIncidents(view.account).length > 0) return `La cuenta ${name} tiene un incidente de seguridad abierto: no se usa hasta cerrarlo.`;
  if (view.pendingRotation) return `La cuenta ${name} tiene un cambio de contraseña pendiente desde el ${formatCivilDate(view.pendingRotation.since)}: no se usa hasta registrarlo.`;
  if (view.status === 'en_revision') return `La cuenta ${name} está en revisión (su validación venció el ${formatCivilDate(view.revalidationDueOn)}): no se usa hasta validarla.`;
  return view.usable ? null : `La cuenta ${name} no se puede usar hoy.`;
}

/** Every channel's refusal, as one sentence, or null. */
export function channelsRefusal(channels: readonly ReleaseChannel[], accounts: readonly AccountView[], outlets: readonly MediaOutlet[]): string | null {
  const refusals = channels.map((c) => channelRefusal(c, accounts, outlets)).filter((r): r is string => r !== null);
  return refusals.length === 0 ? null : refusals.join(' ');
}

/** Why nothing may be published at `at` yet: the embargo. */
export function embargoRefusal(release: Pick<ReleaseContent, 'embargoUntil'>, at: string): string | null {
  if (!release.embargoUntil || Date.parse(at) >= Date.parse(release.embargoUntil)) return null;
  return `La difusión está embargada hasta el ${formatDateTime(release.embargoUntil)}: no se publica antes.`;
}

// ---- legal review and signature -------------------------------------------------

/**
 * Jurídico approves only with every question answered; an answer «sí» needs
 * a note saying how it was handled (the data removed, the faces blurred), and
 * reserved or confidential information is never released to the public.
 */
export function checklistRefusal(checklist: LegalChecklist): string | null {
  if (checklist.informacion_reservada.answer === 'si') return 'Una difusión al público no puede contener información reservada o confidencial: devuélvala con observaciones.';
  const unexplained = LEGAL_CHECKS.filter((c) => checklist[c].answer === 'si' && checklist[c].note.length < 3);
  if (unexplained.length === 0) return null;
  return `Explique en una nota cómo se atendió: ${unexplained.map((c) => `«${LEGAL_CHECK_LABELS[c]}»`).join(', ')}.`;
}

/** The Director signs the printed sheet: dated between the day the sheet was printed and today. */
export function signatureDateRefusal(printedAt: string, signedOn: CivilDate, today: CivilDate): string | null {
  const printedOn = todayInOffice(new Date(printedAt));
  if (signedOn < printedOn) return `La firma no puede ser anterior a la impresión de la hoja (${formatCivilDate(printedOn)}).`;
  if (signedOn > today) return 'La firma no puede tener fecha posterior a hoy.';
  return null;
}

/** What an edit is refused with in a state the machine keeps closed. */
export function notEditableMessage(release: Pick<Release, 'state'>): string {
  return `Una difusión en estado «${RELEASE_STATE_LABELS[release.state]}» no se modifica.`;
}

// ---- reading ----------------------------------------------------------------------

/** Roles whose duty is every release: Comunicación Social prepares them, Jurídico reviews, the Director authorises, the administrator keeps the vault. */
export const RELEASE_READERS: readonly Role[] = ['comunicacion_social', 'administrador', 'juridico', 'director'];

/** Whether `user` may read `release`: by role, or as head of the area that provides it (who validates it). */
export function mayReadRelease(user: { id: string; roles: readonly Role[]; active: boolean }, release: Pick<Release, 'providingAreaId'>, areas: readonly Area[]): boolean {
  if (!user.active) return false;
  if (RELEASE_READERS.some((r) => user.roles.includes(r))) return true;
  return areas.some((a) => a.id === release.providingAreaId && a.headUserId === user.id);
}
