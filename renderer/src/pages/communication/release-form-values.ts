import type { MediaOutlet } from '../../../../shared/domain/areas';
import { MATERIAL_SIGNATURE_MISMATCH_MESSAGE } from '../../../../shared/domain/file-signature';
import { BLACKOUT_EXCEPTIONS, MATERIAL_MAX_BYTES, releaseContentSchema, type Blackout, type BlackoutException, type Release, type ReleaseContentInput, type ReleaseKind, type ReleaseMaterial } from '../../../../shared/domain/releases';
import type { Classification } from '../../../../shared/domain/shipments';
import { ACCOUNT_KIND_LABELS, NETWORK_LABELS, openIncidents, type AccountView } from '../../../../shared/domain/social-accounts';
import { OFFICE_TIME_ZONE, formatCivilDate } from '../../../../shared/format/date';
import '../../../../shared/validation';
import { nowInOffice, parseOfficeDateTime } from '../../forms/office-datetime';

/** What the release form holds: dates as the office types them («dd/mm/aaaa hh:mm»), channels split by kind. */
export interface ReleaseFormValues {
  kind: ReleaseKind | null;
  title: string;
  body: string;
  materials: ReleaseMaterial[];
  providingAreaId: string | null;
  accountIds: string[];
  outletIds: string[];
  plannedAt: string;
  embargoUntil: string;
  classification: Classification;
  legalBasis: string;
  blackoutException: BlackoutException | null;
}

export function emptyReleaseForm(): ReleaseFormValues {
  return { kind: null, title: '', body: '', materials: [], providingAreaId: null, accountIds: [], outletIds: [], plannedAt: '', embargoUntil: '', classification: 'publica', legalBasis: '', blackoutException: null };
}

/** A saved release back into the form, for an edit. */
export function releaseFormValues(release: Release): ReleaseFormValues {
  return {
    kind: release.kind,
    title: release.title,
    body: release.body,
    materials: release.materials,
    providingAreaId: release.providingAreaId,
    accountIds: release.channels.filter((c) => c.type === 'cuenta').map((c) => c.id),
    outletIds: release.channels.filter((c) => c.type === 'medio').map((c) => c.id),
    plannedAt: nowInOffice(new Date(release.plannedAt)),
    embargoUntil: release.embargoUntil ? nowInOffice(new Date(release.embargoUntil)) : '',
    classification: release.classification,
    legalBasis: release.legalBasis,
    blackoutException: release.blackoutException,
  };
}

const DATE_TIME_FORMAT = 'Escriba la fecha y la hora como dd/mm/aaaa hh:mm (por ejemplo, 15/03/2027 10:30).';

/** Maps the schema's paths to the form's fields (the channels are one list in the content, two in the form). */
function fieldOf(path: readonly PropertyKey[]): string {
  const head = String(path[0] ?? '');
  return head === 'channels' ? 'channels' : head;
}

/**
 * The content the core receives, or each field's Spanish message: the
 * dates read as office time, then the core's own schema, so the person
 * sees the same words the core would answer.
 */
export function releaseContentOf(values: ReleaseFormValues): { content: ReleaseContentInput; errors: null } | { content: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const plannedAt = values.plannedAt.trim() ? parseOfficeDateTime(values.plannedAt) : null;
  if (values.plannedAt.trim() && !plannedAt) errors.plannedAt = DATE_TIME_FORMAT;
  const embargoUntil = values.embargoUntil.trim() ? parseOfficeDateTime(values.embargoUntil) : null;
  if (values.embargoUntil.trim() && !embargoUntil) errors.embargoUntil = DATE_TIME_FORMAT;
  const content: ReleaseContentInput = {
    kind: (values.kind ?? '') as ReleaseKind,
    title: values.title,
    body: values.body,
    materials: values.materials,
    providingAreaId: values.providingAreaId ?? '',
    channels: [...values.accountIds.map((id) => ({ type: 'cuenta' as const, id })), ...values.outletIds.map((id) => ({ type: 'medio' as const, id }))],
    plannedAt: plannedAt ?? '',
    embargoUntil,
    classification: values.classification,
    legalBasis: values.classification === 'publica' ? '' : values.legalBasis,
    blackoutException: values.blackoutException,
  };
  const parsed = releaseContentSchema.safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? { content: null, errors } : { content, errors: null };
}

/** One account the form may offer: why it is not offered (disabled) when it may not carry a release. */
export interface AccountChoice {
  id: string;
  label: string;
  disabledReason: string | null;
}

/**
 * Why an account may not carry a release today, in a few words beside it,
 * from what the directory's view says of it (the core refuses it anyway,
 * in its own sentence, when it is saved or sent on).
 */
export function accountUnavailableReason(view: AccountView): string | null {
  if (view.account.kind === 'personal_registrada') return `Cuenta personal (${ACCOUNT_KIND_LABELS.personal_registrada}): las difusiones sólo se publican en cuentas oficiales.`;
  if (!view.countsAsOfficial) return 'Ya no cuenta como oficial.';
  if (view.status === 'dada_de_baja') return 'Dada de baja.';
  if (openIncidents(view.account).length > 0) return 'Tiene un incidente de seguridad abierto.';
  if (view.pendingRotation) return `Cambio de contraseña pendiente desde el ${formatCivilDate(view.pendingRotation.since)}.`;
  if (view.status === 'en_revision') return `En revisión: su validación venció el ${formatCivilDate(view.revalidationDueOn)}.`;
  return view.usable ? null : 'No se puede usar hoy.';
}

/** The accounts of the directory the form lists: removed ones only when the release already names them. */
export function accountChoices(accounts: readonly AccountView[], selected: readonly string[]): AccountChoice[] {
  return accounts
    .filter((v) => v.status !== 'dada_de_baja' || selected.includes(v.account.id))
    .map((v) => ({ id: v.account.id, label: `${NETWORK_LABELS[v.account.network]} · ${v.account.handle}`, disabledReason: accountUnavailableReason(v) }))
    .sort((a, b) => Number(a.disabledReason !== null) - Number(b.disabledReason !== null) || a.label.localeCompare(b.label, 'es-MX'));
}

/** The outlets the form lists: active ones, and removed ones the release already names. */
export function outletChoices(outlets: readonly MediaOutlet[], selected: readonly string[]): { value: string; label: string; disabled: boolean }[] {
  return outlets
    .filter((o) => o.active || selected.includes(o.id))
    .map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (dado de baja)`, disabled: !o.active }));
}

/** The office day of an instant, `YYYY-MM-DD`. */
function officeDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The blackout (not removed) the typed planned date falls in, to offer its exceptions; the core decides again when it is authorised. */
export function blackoutForPlanned(blackouts: readonly Blackout[], plannedAt: string): Blackout | null {
  const iso = parseOfficeDateTime(plannedAt);
  if (!iso) return null;
  const day = officeDay(iso);
  return blackouts.find((b) => b.removedAt === null && b.from <= day && day <= b.to) ?? null;
}

/** The exceptions to offer: those the blackout allows, in the constitutional order. */
export function exceptionsOffered(blackout: Pick<Blackout, 'allowedExceptions'> | null): BlackoutException[] {
  return blackout ? BLACKOUT_EXCEPTIONS.filter((e) => blackout.allowedExceptions.includes(e)) : [];
}

/** «2,4 MB», «830 KB»: a material's size as the list shows it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000).toLocaleString('es-MX')} KB`;
  return `${bytes} B`;
}

/** The boundary's refusals of a material, as the person needs them: the rule's own sentence without the field's technical name. */
const KNOWN_REFUSALS = [MATERIAL_SIGNATURE_MISMATCH_MESSAGE, `El material no puede pasar de ${MATERIAL_MAX_BYTES / 1_000_000} MB.`, 'El material debe ser una imagen (PNG o JPG), un video (MP4), un audio (MP3 o WAV) o un PDF.'];

export function materialRefusal(message: string): string {
  return KNOWN_REFUSALS.find((known) => message.includes(known)) ?? message;
}

