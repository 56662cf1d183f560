import { z } from 'zod';
import { civilDateSchema, type AttachedFile, type CivilDate } from './agencies';
import type { AuditActor } from './audit';
import type { KeptPrint } from './printing';
import { MATERIAL_MEDIA_TYPES, MATERIAL_SIGNATURE_MISMATCH_MESSAGE, sniffMaterialType } from './file-signature';
import { RELEASE_STATES, type ReleaseAction, type ReleaseEditOutcome, type ReleaseState } from './release-states';
import { CLASSIFICATIONS, scanUploadSchema } from './shipments';

/**
 * Releases to the public and to official social networks (docs/DOMAIN.md,
 * «Difusiones»; directive 6.1.4, sections B and C): bulletins, institutional
 * positions, mass-media campaigns, network posts and web content prepared by
 * Comunicación Social, reviewed by Jurídico, validated by the providing area
 * when they go on networks, and approved by the Director General on a printed,
 * hand-signed sheet before they are published. Also the requests any area
 * sends Comunicación Social, and the blackout periods (vedas) that hold
 * publication back.
 */

export const RELEASE_KINDS = ['boletin_prensa', 'postura_institucional', 'campana_medios', 'redes_sociales', 'sitio_web'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export const RELEASE_KIND_LABELS: Record<ReleaseKind, string> = {
  boletin_prensa: 'Boletín de prensa',
  postura_institucional: 'Postura institucional',
  campana_medios: 'Campaña en medios masivos',
  redes_sociales: 'Publicación en redes sociales',
  sitio_web: 'Contenido para el sitio web',
};

/** Where a release goes: an account of the directory of social-network accounts, or a media outlet of the catalogue. */
export const RELEASE_CHANNEL_TYPES = ['cuenta', 'medio'] as const;
export type ReleaseChannelType = (typeof RELEASE_CHANNEL_TYPES)[number];

const id = z.string().min(1).max(100);

export const releaseChannelSchema = z.object({
  type: z.enum(RELEASE_CHANNEL_TYPES, { error: 'Elija si el canal es una cuenta o un medio.' }),
  id,
});
export type ReleaseChannel = z.output<typeof releaseChannelSchema>;

/** One string per channel, for comparing and for the publication records. */
export function channelKey(channel: ReleaseChannel): string {
  return `${channel.type}:${channel.id}`;
}

/** What Jurídico answers for every release before it approves (the risks directive 6.1.4's preamble names). */
export const LEGAL_CHECKS = ['datos_personales', 'victimas_o_menores', 'investigaciones_en_curso', 'informacion_reservada'] as const;
export type LegalCheck = (typeof LEGAL_CHECKS)[number];
export const LEGAL_CHECK_LABELS: Record<LegalCheck, string> = {
  datos_personales: '¿Contiene datos personales?',
  victimas_o_menores: '¿Identifica o permite identificar a víctimas o a menores de edad?',
  investigaciones_en_curso: '¿Puede afectar investigaciones en curso?',
  informacion_reservada: '¿Contiene información reservada o confidencial?',
};

/**
 * Blackouts (vedas, e.g. electoral): what government propaganda may still be
 * published inside one (Constitución, art. 41, base III, apartado C).
 */
export const BLACKOUT_EXCEPTIONS = ['autoridades_electorales', 'educacion', 'salud', 'proteccion_civil'] as const;
export type BlackoutException = (typeof BLACKOUT_EXCEPTIONS)[number];
export const BLACKOUT_EXCEPTION_LABELS: Record<BlackoutException, string> = {
  autoridades_electorales: 'Información de las autoridades electorales',
  educacion: 'Servicios educativos',
  salud: 'Salud',
  proteccion_civil: 'Protección civil en casos de emergencia',
};

/** The largest material file a release takes. */
export const MATERIAL_MAX_BYTES = 50_000_000;

const text = (min: number, max: number, missing: string, label: string) =>
  z.string().trim().min(min, missing).max(max, `${label} admite como máximo ${max} caracteres.`);
const optional = (max: number, label: string) => z.string().trim().max(max, `${label} admite como máximo ${max} caracteres.`).default('');
const instant = (missing: string) => z.iso.datetime({ offset: true, error: missing });

/** A material file sent from the screen: checked by its bytes and its size at the boundary. */
export const materialUploadSchema = z
  .object({
    fileName: z.string().trim().min(1, 'El archivo no tiene nombre.').max(255),
    mediaType: z.enum(MATERIAL_MEDIA_TYPES, { error: 'El material debe ser una imagen (PNG o JPG), un video (MP4), un audio (MP3 o WAV) o un PDF.' }),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no se recibió completo.'),
  })
  .strict()
  .refine((f) => f.base64.length * 0.75 <= MATERIAL_MAX_BYTES, { message: `El material no puede pasar de ${MATERIAL_MAX_BYTES / 1_000_000} MB.`, path: ['base64'] })
  .refine((f) => sniffMaterialType(f.base64) === f.mediaType, { message: MATERIAL_SIGNATURE_MISMATCH_MESSAGE, path: ['base64'] });
export type MaterialUpload = z.output<typeof materialUploadSchema>;

/** A stored material as the content refers to it: exactly as the upload returned it. */
export const attachedMaterialSchema = z.object({
  blobId: id,
  fileName: z.string().min(1).max(255),
  mediaType: z.enum(MATERIAL_MEDIA_TYPES),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReleaseMaterial = z.output<typeof attachedMaterialSchema>;

/** What Comunicación Social writes: the text, the material, where and when. */
export const releaseContentSchema = z
  .object({
    kind: z.enum(RELEASE_KINDS, { error: 'Elija el tipo de difusión.' }),
    title: text(3, 300, 'Escriba el título de la difusión.', 'El título'),
    body: text(1, 20_000, 'Escriba el texto de la difusión.', 'El texto'),
    materials: z.array(attachedMaterialSchema).max(30, 'Una difusión admite como máximo 30 archivos de material.').default([]),
    providingAreaId: id.or(z.literal('')).refine((v) => v !== '', 'Elija el área que proporciona la información.'),
    channels: z.array(releaseChannelSchema).min(1, 'Elija al menos un canal: una cuenta oficial o un medio de comunicación.').max(50, 'Una difusión admite como máximo 50 canales.'),
    plannedAt: instant('Indique la fecha y hora planeadas de publicación.'),
    /** Not to be published before this instant. */
    embargoUntil: instant('La fecha del embargo no es válida.').nullable().default(null),
    classification: z.enum(CLASSIFICATIONS, { error: 'Elija la clasificación.' }).default('publica'),
    legalBasis: optional(500, 'El fundamento legal'),
    /** When the planned date falls in a blackout: the exception (one the blackout allows) that lets it be published. */
    blackoutException: z.enum(BLACKOUT_EXCEPTIONS, { error: 'Elija una excepción de la veda.' }).nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    const keys = c.channels.map(channelKey);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['channels'], message: 'Un canal aparece dos veces en la difusión.' });
    if (c.classification !== 'publica' && c.legalBasis.length < 3) ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'Una difusión clasificada necesita el fundamento legal de su clasificación.' });
    if (c.embargoUntil && Date.parse(c.plannedAt) < Date.parse(c.embargoUntil)) {
      ctx.addIssue({ code: 'custom', path: ['plannedAt'], message: 'La fecha planeada no puede ser anterior al fin del embargo.' });
    }
  });
export type ReleaseContentInput = z.input<typeof releaseContentSchema>;
export type ReleaseContent = z.output<typeof releaseContentSchema>;

const answerSchema = z.object({
  answer: z.enum(['si', 'no'], { error: 'Responda «sí» o «no».' }),
  note: optional(1000, 'La nota'),
});

/** Jurídico's checklist: every question answered. */
export const legalChecklistSchema = z.object(
  Object.fromEntries(LEGAL_CHECKS.map((c) => [c, answerSchema])) as Record<LegalCheck, typeof answerSchema>,
  { error: 'Responda la lista de revisión jurídica.' },
);
export type LegalChecklist = z.output<typeof legalChecklistSchema>;

const signatureSchema = z
  .object({
    signerName: text(3, 120, 'Escriba el nombre de quien firmó.', 'El nombre'),
    signerPosition: text(2, 120, 'Escriba el cargo de quien firmó.', 'El cargo'),
    signedOn: civilDateSchema,
    /** The signed sheet, scanned: the record of the Director's approval. */
    scan: scanUploadSchema,
  })
  .strict();

const observations = (what: string) => text(3, 2000, `Escriba ${what}.`, 'Las observaciones');

export const releaseActionPayloadSchemas = {
  enviar_a_validacion: z.object({ remarks: optional(2000, 'Las observaciones') }).strict(),
  validar_area: z.object({ observations: optional(2000, 'Las observaciones') }).strict(),
  devolver_area: z.object({ observations: observations('las observaciones del área') }).strict(),
  enviar_a_revision: z.object({ remarks: optional(2000, 'Las observaciones') }).strict(),
  devolver: z.object({ observations: observations('las observaciones para Comunicación Social') }).strict(),
  aprobar_revision: z.object({ checklist: legalChecklistSchema, observations: optional(2000, 'Las observaciones') }).strict(),
  autorizar: signatureSchema,
  autorizar_urgente: z
    .object({
      /** The Director General who authorised it by word. */
      authorizedBy: text(3, 120, 'Escriba quién autorizó de palabra (el Director o la Directora General).', 'El nombre'),
      at: instant('Indique la fecha y hora de la autorización verbal.'),
      category: z.enum(['proteccion_civil', 'emergencia'], { error: 'Elija si es información de protección civil o de una emergencia.' }),
      reason: text(10, 2000, 'Explique por qué no puede esperar la revisión y la firma (al menos 10 caracteres).', 'El motivo'),
    })
    .strict(),
  ratificar_revision: z.object({ checklist: legalChecklistSchema, observations: optional(2000, 'Las observaciones') }).strict(),
  ratificar_autorizacion: signatureSchema,
  publicar: z
    .object({
      channel: releaseChannelSchema,
      at: instant('Indique la fecha y hora de la publicación.'),
      url: z.union([z.literal(''), z.url('La dirección de la publicación no es válida (empiece con https://).')]).default(''),
      note: optional(1000, 'La nota'),
      /** A capture of what was published, optional. */
      capture: materialUploadSchema.nullable().default(null),
    })
    .strict(),
  cerrar: z.object({ remarks: optional(2000, 'Las observaciones') }).strict(),
  cancelar: z.object({ reason: observations('el motivo de la cancelación') }).strict(),
} satisfies Record<ReleaseAction, z.ZodType>;

export type ReleaseActionPayloadInput<A extends ReleaseAction> = z.input<(typeof releaseActionPayloadSchemas)[A]>;
export type ReleaseActionPayload<A extends ReleaseAction> = z.output<(typeof releaseActionPayloadSchemas)[A]>;

const releaseActInput = <A extends ReleaseAction>(action: A) => z.object({ releaseId: id, action: z.literal(action), payload: releaseActionPayloadSchemas[action] }).strict();

/** `releases.act`: the action and its payload, checked together. */
export const releaseActInputSchema = z.discriminatedUnion(
  'action',
  [
    releaseActInput('enviar_a_validacion'),
    releaseActInput('validar_area'),
    releaseActInput('devolver_area'),
    releaseActInput('enviar_a_revision'),
    releaseActInput('devolver'),
    releaseActInput('aprobar_revision'),
    releaseActInput('autorizar'),
    releaseActInput('autorizar_urgente'),
    releaseActInput('ratificar_revision'),
    releaseActInput('ratificar_autorizacion'),
    releaseActInput('publicar'),
    releaseActInput('cerrar'),
    releaseActInput('cancelar'),
  ],
  { error: 'La acción solicitada no existe.' },
);
export type ReleaseActInput = z.input<typeof releaseActInputSchema>;
export type ParsedReleaseActInput = z.output<typeof releaseActInputSchema>;

// ---- the record -------------------------------------------------------------

export interface AreaValidation {
  areaId: string;
  by: AuditActor;
  at: string;
  /** SHA-256 of the title, text and material the area approved: an edit of those needs a new validation. */
  areaDigest: string;
  observations: string;
}

export interface LegalReview {
  by: AuditActor;
  at: string;
  checklist: LegalChecklist;
  observations: string;
  /** The content the review covers. */
  contentDigest: string;
}

/** Observations of whoever returned the release (the area or Jurídico), kept in order. */
export interface ReleaseObservation {
  from: 'area' | 'juridico';
  by: AuditActor;
  at: string;
  text: string;
}

/** One authorisation sheet; a new version replaces one an edit voided. */
export interface ReleaseSheet {
  version: number;
  contentDigest: string;
  printedAt: string;
  printedBy: AuditActor;
  /** SHA-256 of the PDF as printed last. */
  sha256: string;
  prints: number;
  /** Every print of this sheet, kept byte for byte (absent on sheets printed before prints were kept). */
  kept?: KeptPrint[];
  voided: boolean;
  voidedAt: string | null;
  voidReason: string;
}

export interface ReleaseSignature {
  sheetVersion: number;
  signerName: string;
  signerPosition: string;
  signedOn: CivilDate;
  scan: AttachedFile;
  registeredBy: AuditActor;
  registeredAt: string;
}

export interface PublicationRecord {
  channel: ReleaseChannel;
  /** What the channel was when it was published (an account's network and handle, an outlet's name). */
  channelLabel: string;
  at: string;
  url: string;
  note: string;
  by: AuditActor;
  capture: AttachedFile | null;
}

export interface UrgentAuthorization {
  authorizedBy: string;
  at: string;
  category: 'proteccion_civil' | 'emergencia';
  reason: string;
  recordedBy: AuditActor;
  recordedAt: string;
  /** The legal review and the signed sheet are owed by then (urgentRatificationHours after the verbal authorisation). */
  dueBy: string;
  reviewedAt: string | null;
  ratifiedAt: string | null;
}

export interface Release extends ReleaseContent {
  id: string;
  /** «CS-2026-0001»: assigned when the release is created, consecutive per year, never reused. */
  folio: string;
  state: ReleaseState;
  createdAt: string;
  createdBy: AuditActor;
  /** The creator and anyone who edited the content (segregation of duties). */
  preparedByIds: string[];
  /** The request it came from, if any. */
  requestId: string | null;
  validation: AreaValidation | null;
  review: LegalReview | null;
  observations: ReleaseObservation[];
  sheets: ReleaseSheet[];
  signature: ReleaseSignature | null;
  publications: PublicationRecord[];
  urgent: UrgentAuthorization | null;
  cancelReason: string | null;
  closedAt: string | null;
}

/** A release as the screens list it: the record and what the rules say of it now. */
export interface ReleaseView {
  release: Release;
  /** Authorised, unpublished, and its planned date plus the lapse days passed: it needs a new date and authorisation. */
  vencida: boolean;
  /** The last office day the authorisation is good for: the planned day plus the lapse days (null when none runs). */
  validThrough: CivilDate | null;
  /** Published on verbal authorisation and not ratified yet («pendiente de ratificar»). */
  pendingRatification: boolean;
  /** The ratification is overdue. */
  ratificationOverdue: boolean;
  /** The blackout the planned date falls in, if any. */
  blackout: { id: string; name: string; allowed: BlackoutException[] } | null;
  /** What the viewer may do now, and what an edit would do. */
  actions: ReleaseAction[];
  edit: ReleaseEditOutcome | null;
  /** Channels not yet published. */
  pendingChannels: ReleaseChannel[];
}

export interface ReleaseHistoryEntry {
  at: string;
  actor: AuditActor;
  label: string;
  detail: string;
}

export interface ReleaseDetail extends ReleaseView {
  history: ReleaseHistoryEntry[];
  /** Each channel as it reads now (an account's network and handle, an outlet's name) and why it may not carry the release today, if so: readers without the directories' roles see them too. */
  channelViews: { channel: ReleaseChannel; label: string; refusal: string | null }[];
}

/** What Inicio lists for the viewer, the most pressing first. */
export interface ReleaseAttention {
  releaseId: string;
  folio: string;
  title: string;
  reason: 'urgente_sin_ratificar' | 'vencida' | 'espera_mi_accion';
  /** A sentence for Inicio. */
  label: string;
  since: string;
}

/** What `releases.exportDossier` reports once the bag was written and read back. */
export interface ReleaseDossierSummary {
  bagName: string;
  folio: string;
  files: number;
  bytes: number;
  encrypted: boolean;
  /** Shown once, for a classified release's encrypted dossier; Valija keeps no copy. */
  passphrase: string | null;
  /** The payload's files, `data/`-relative, as they are once opened. */
  contents: string[];
  /** The read-back check passed (the bag is never reported otherwise). */
  verified: boolean;
}

export const releaseFilterSchema = z
  .object({
    states: z.array(z.enum(RELEASE_STATES)).max(RELEASE_STATES.length).optional(),
    text: z.string().trim().max(200).optional(),
  })
  .strict();
export type ReleaseFilter = z.output<typeof releaseFilterSchema>;

// ---- requests from the areas --------------------------------------------------

export const RELEASE_REQUEST_STATES = ['pendiente', 'convertida', 'declinada'] as const;
export type ReleaseRequestState = (typeof RELEASE_REQUEST_STATES)[number];
export const RELEASE_REQUEST_STATE_LABELS: Record<ReleaseRequestState, string> = {
  pendiente: 'Pendiente',
  convertida: 'Convertida en difusión',
  declinada: 'Declinada',
};

/**
 * A «solicitud de difusión»: any area's information goes to Comunicación
 * Social before it is published (the Coatzacoalcos note; directive 6.1.4's
 * RESPONSABLES: Comunicación Social collects what will be transmitted).
 */
export const releaseRequestInputSchema = z
  .object({
    areaId: id.or(z.literal('')).refine((v) => v !== '', 'Elija el área que solicita la difusión.'),
    what: text(3, 2000, 'Escriba qué se quiere difundir.', 'Qué se difunde'),
    why: text(3, 2000, 'Escriba para qué o por qué se quiere difundir.', 'El motivo'),
    suggestedOn: civilDateSchema.nullable().default(null),
    materials: z.array(attachedMaterialSchema).max(30, 'Una solicitud admite como máximo 30 archivos de material.').default([]),
  })
  .strict();
export type ReleaseRequestInput = z.input<typeof releaseRequestInputSchema>;
export type ParsedReleaseRequestInput = z.output<typeof releaseRequestInputSchema>;

export interface ReleaseRequest extends ParsedReleaseRequestInput {
  id: string;
  /** «SD-2026-0001». */
  folio: string;
  state: ReleaseRequestState;
  requestedBy: AuditActor;
  requestedAt: string;
  releaseId: string | null;
  declineReason: string | null;
  decidedBy: AuditActor | null;
  decidedAt: string | null;
}

// ---- blackouts ------------------------------------------------------------------

export const blackoutInputSchema = z
  .object({
    name: text(3, 200, 'Escriba el nombre del periodo de veda.', 'El nombre'),
    from: civilDateSchema,
    to: civilDateSchema,
    allowedExceptions: z.array(z.enum(BLACKOUT_EXCEPTIONS)).max(BLACKOUT_EXCEPTIONS.length).default([]),
    notes: optional(1000, 'Las notas'),
  })
  .strict()
  .refine((b) => b.from <= b.to, { message: 'La veda no puede terminar antes de empezar.', path: ['to'] })
  .refine((b) => new Set(b.allowedExceptions).size === b.allowedExceptions.length, { message: 'Una excepción aparece dos veces.', path: ['allowedExceptions'] });
export type BlackoutInput = z.input<typeof blackoutInputSchema>;
export type ParsedBlackoutInput = z.output<typeof blackoutInputSchema>;

/** A period in which government propaganda is held back (both days inclusive, in the office's calendar). */
export interface Blackout extends ParsedBlackoutInput {
  id: string;
  createdAt: string;
  removedAt: string | null;
}
