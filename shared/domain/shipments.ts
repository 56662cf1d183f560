import { z } from 'zod';
import { bytesMatchDeclaredType, SIGNATURE_MISMATCH_MESSAGE } from './file-signature';
import { civilDateSchema, SHIPMENT_CHANNELS, type AttachedFile, type ShipmentChannel } from './agencies';
import type { AuditActor } from './audit';
import { custodyEventInputSchema, type CustodyEvent } from './custody';
import { sealKey } from './seals';
import type { PendingStep } from './pending-step';
import type { PrintedSheetInfo } from './printing';
import { SHIPMENT_STATES, type EditOutcome, type ShipmentAction, type ShipmentState } from './shipment-states';

/**
 * A shipment (envío / remisión; docs/DOMAIN.md, "Records"): what the form
 * captures for each of the four official channels, and the record the core
 * keeps with its folio, state, approval sheet and history.
 */

export const CLASSIFICATIONS = ['publica', 'reservada', 'confidencial'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = { publica: 'Pública', reservada: 'Reservada', confidencial: 'Confidencial' };

export const MEDIA_KINDS = ['USB', 'CD', 'DVD', 'HDD', 'SSD', 'otro'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_KIND_LABELS: Record<MediaKind, string> = { USB: 'Memoria USB', CD: 'CD', DVD: 'DVD', HDD: 'Disco duro (HDD)', SSD: 'Unidad de estado sólido (SSD)', otro: 'Otro' };

/** NIST SP 800-88: clear (overwrite with standard tools) or purge (techniques that defeat laboratory recovery). */
export const SANITISATION_METHODS = ['clear', 'purge'] as const;
export type SanitisationMethod = (typeof SANITISATION_METHODS)[number];
export const SANITISATION_METHOD_LABELS: Record<SanitisationMethod, string> = { clear: 'Limpieza (clear)', purge: 'Purga (purge)' };

const required = (label: string, max: number) =>
  z.string().trim().min(1, `Escriba ${label}.`).max(max, `${label[0]?.toUpperCase()}${label.slice(1)} admite como máximo ${max} caracteres.`);
const optional = (label: string, max: number) => z.string().trim().max(max, `${label} admite como máximo ${max} caracteres.`).default('');

/** The longest subject accepted; the form shows the count while typing. */
export const SUBJECT_MAX = 500;

export const inventoryItemSchema = z.object({
  description: required('la descripción del elemento', 300),
  /** Free text: «oficio», «anexo», «tarjeta», «medio», ... */
  type: required('el tipo de elemento', 60),
  quantity: z.number({ error: 'Escriba la cantidad.' }).int('La cantidad es un número entero.').min(1, 'La cantidad mínima es 1.').max(100_000),
  /** Number of sheets (fojas), when it applies. */
  sheets: z.number().int('Las fojas son un número entero.').min(0).max(1_000_000).nullable().default(null),
});
export type InventoryItem = z.output<typeof inventoryItemSchema>;

export const envelopeSchema = z.object({
  envelopeSize: required('el tamaño del sobre', 60),
  sheets: z.number({ error: 'Escriba el número de hojas.' }).int().min(1, 'El sobre debe contener al menos una hoja.').max(1_000_000),
  seals: z
    .array(z.string().trim().min(1, 'Escriba el número de sello.').max(60))
    .min(1, 'Registre al menos un número de sello.')
    .max(50)
    .refine((seals) => new Set(seals.map((s) => sealKey(s))).size === seals.length, 'Un número de sello está repetido.'),
  packingNotes: optional('Las notas de empaque', 1000),
});
export type EnvelopeDetails = z.output<typeof envelopeSchema>;

export const mediaFileSchema = z.object({
  name: required('el nombre del archivo', 255),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'La huella SHA-256 del archivo no es válida.'),
  /**
   * Where the file was picked from, when the shell can tell (Electron); the
   * loader reads it from there and checks the hash again. Not part of the
   * digest: moving a file does not change what the Director authorised.
   */
  sourcePath: z.string().max(4096).nullable().default(null),
});
export type MediaFile = z.output<typeof mediaFileSchema>;

export const sanitisationSchema = z.object({
  method: z.enum(SANITISATION_METHODS, { error: 'Elija el método de borrado seguro (limpieza o purga).' }),
  tool: required('la herramienta de borrado', 120),
  date: civilDateSchema,
  performedBy: required('quién realizó el borrado', 120),
  verifiedBy: required('quién verificó el borrado', 120),
});

export const mediaSchema = z.object({
  kind: z.enum(MEDIA_KINDS, { error: 'Elija el tipo de medio.' }),
  brand: required('la marca del medio', 80),
  model: optional('El modelo', 80),
  serial: required('el número de serie del medio', 120),
  capacity: required('la capacidad del medio', 40),
  sanitisation: sanitisationSchema,
  files: z
    .array(mediaFileSchema)
    .min(1, 'Agregue al menos un archivo para cargar en el medio.')
    .max(10_000)
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, 'Hay dos archivos con el mismo nombre.'),
});
export type MediaDetails = z.output<typeof mediaSchema>;

export const reportPeriodLinkSchema = z.object({
  obligationId: z.string().min(1).max(64),
  /** `2026-10`, `2026-T4`, `2026-S2` or `2026`. */
  periodKey: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|T[1-4]|S[12]))?$/, 'El periodo del reporte no es válido.'),
});

/** A document attached to a shipment (PDF or image), stored encrypted in the vault. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const attachmentSchema = z
  .object({
    blobId: z.string().regex(/^blob-[0-9a-f-]{36}$/, 'El anexo no es válido.'),
    fileName: z.string().trim().min(1).max(255),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ShipmentAttachment = z.output<typeof attachmentSchema>;
export type AttachmentMediaType = ShipmentAttachment['mediaType'];
export const MAX_ATTACHMENTS = 30;

const commonFields = {
  agencyId: z.string().min(1, 'Elija la dependencia destinataria.').max(64),
  recipientId: z.string().min(1, 'Elija el destinatario autorizado.').max(64),
  subject: required('el asunto', SUBJECT_MAX),
  classification: z.enum(CLASSIFICATIONS, { error: 'Elija la clasificación.' }),
  legalBasis: optional('El fundamento legal', 1000),
  coveringOficio: optional('El número de oficio', 80),
  inventory: z.array(inventoryItemSchema).min(1, 'Registre al menos un elemento en el inventario.').max(500),
  notes: optional('Las notas', 2000),
  attachments: z
    .array(attachmentSchema)
    .max(MAX_ATTACHMENTS, `Un envío admite como máximo ${MAX_ATTACHMENTS} anexos.`)
    .refine((files) => new Set(files.map((f) => f.blobId)).size === files.length, 'Un anexo está repetido.')
    .default([]),
  reportPeriod: reportPeriodLinkSchema.nullable().default(null),
  /**
   * The area of the office that provides the information (docs/DOMAIN.md,
   * «Áreas y medios»). Optional and left out when none, never null: content
   * saved before areas existed parses, stores and digests exactly as it did.
   */
  providingAreaId: z.string().min(1, 'Elija el área que proporciona la información.').max(64).optional(),
};

const plainChannel = <C extends 'tarjeta_informativa' | 'oficio'>(channel: C) =>
  z.object({ ...commonFields, channel: z.literal(channel), envelope: z.null().default(null), media: z.null().default(null) });

export const shipmentContentSchema = z
  .discriminatedUnion(
    'channel',
    [
      plainChannel('tarjeta_informativa'),
      plainChannel('oficio'),
      z.object({ ...commonFields, channel: z.literal('sobre_cerrado'), envelope: envelopeSchema, media: z.null().default(null) }),
      z.object({ ...commonFields, channel: z.literal('medio_magnetico'), envelope: z.null().default(null), media: mediaSchema }),
    ],
    { error: 'Elija el canal de envío.' },
  )
  .superRefine((content, ctx) => {
    if (content.classification !== 'publica' && content.legalBasis.length < 3) {
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'Escriba el fundamento legal de la clasificación reservada o confidencial.' });
    }
    if (content.channel === 'oficio' && content.coveringOficio.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['coveringOficio'], message: 'Escriba el número del oficio.' });
    }
  });
export type ShipmentContentInput = z.input<typeof shipmentContentSchema>;
export type ShipmentContent = z.output<typeof shipmentContentSchema>;

export { SHIPMENT_CHANNELS, type ShipmentChannel };

// ---- action payloads ------------------------------------------------------

const reason = (label: string) => z.string().trim().min(3, `Escriba ${label}.`).max(2000);

/** A scan sent from the screen (stored encrypted in the vault). */
export const scanUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], { error: 'El escaneo debe ser PDF, PNG o JPG.' }),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no se recibió completo.'),
  })
  .refine((f) => f.base64.length * 0.75 <= 20_000_000, { message: 'El escaneo no puede pasar de 20 MB.', path: ['base64'] })
  .refine(bytesMatchDeclaredType, { message: SIGNATURE_MISMATCH_MESSAGE, path: ['base64'] });
export type ScanUpload = z.output<typeof scanUploadSchema>;

/** An attachment sent from the form before the shipment is saved. */
export const attachmentUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES, { error: 'El anexo debe ser PDF, PNG o JPG.' }),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no se recibió completo.'),
  })
  .strict()
  .refine((f) => f.base64.length * 0.75 <= 20_000_000, { message: 'El anexo no puede pasar de 20 MB.', path: ['base64'] })
  .refine(bytesMatchDeclaredType, { message: SIGNATURE_MISMATCH_MESSAGE, path: ['base64'] });
export type AttachmentUpload = z.output<typeof attachmentUploadSchema>;

/** A handoff action's payload: the custody event it records, minus its type (which the action decides). */
export const handoffPayloadSchema = custodyEventInputSchema.omit({ type: true, corrects: true });
export type HandoffPayloadInput = z.input<typeof handoffPayloadSchema>;

export const actionPayloadSchemas = {
  enviar_a_revision: z.object({ remarks: optional('Las observaciones', 2000) }).strict(),
  devolver: z.object({ observations: reason('las observaciones para quien preparó el envío') }).strict(),
  aprobar_revision: z.object({ observations: optional('Las observaciones', 2000) }).strict(),
  generar_hoja: z.object({}).strict(),
  registrar_firma: z
    .object({
      signerName: required('el nombre de quien firmó', 120),
      signerPosition: required('el cargo de quien firmó', 120),
      signedOn: civilDateSchema,
      scan: scanUploadSchema.nullable().default(null),
    })
    .strict(),
  // The physical handoffs are custody events (docs/DOMAIN.md, "The shipment life cycle"): their payload is the event, the type follows from the action.
  sellar: handoffPayloadSchema,
  despachar: handoffPayloadSchema,
  registrar_acuse: handoffPayloadSchema.extend({ scan: scanUploadSchema.nullable().default(null) }).strict(),
  rechazar: handoffPayloadSchema.extend({ reason: reason('el motivo del rechazo') }).strict(),
  devolucion_mensajeria: handoffPayloadSchema.extend({ reason: reason('el motivo de la devolución') }).strict(),
  cancelar: z.object({ reason: reason('el motivo de la cancelación') }).strict(),
} satisfies Record<ShipmentAction, z.ZodType>;

export type ActionPayloadInput<A extends ShipmentAction> = z.input<(typeof actionPayloadSchemas)[A]>;
export type ActionPayload<A extends ShipmentAction> = z.output<(typeof actionPayloadSchemas)[A]>;

// ---- the record -----------------------------------------------------------

export interface ApprovalSheet {
  /** 1 for the first sheet; a new one after an edit voided the previous. */
  version: number;
  folio: string;
  digest: string;
  generatedAt: string;
  generatedBy: AuditActor;
  agreementNumber: string;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface SignatureRecord {
  signerName: string;
  signerPosition: string;
  signedOn: string;
  scan: AttachedFile | null;
  recordedBy: AuditActor;
  recordedAt: string;
}


export interface HistoryEntry {
  at: string;
  actor: AuditActor;
  /** `crear` and `editar` are content saves; the rest are transitions. */
  action: ShipmentAction | 'crear' | 'editar';
  from: ShipmentState | null;
  to: ShipmentState;
  /** Observations, reasons or remarks typed by the user. */
  observations: string;
  details: Record<string, string | number | boolean>;
}

export interface Shipment {
  id: string;
  /** Bumped on every save; the stream keeps every revision. */
  rev: number;
  /** Assigned at generar_hoja, kept for ever (even if cancelled or the sheet is voided). */
  folio: string | null;
  folioYear: number | null;
  folioNumber: number | null;
  state: ShipmentState;
  content: ShipmentContent;
  /** SHA-256 over the canonical content (see content-digest.ts). */
  digest: string;
  /** The agreement that allowed the shipment at the last check. */
  agreementNumber: string;
  createdAt: string;
  updatedAt: string;
  preparedBy: AuditActor;
  /** Everyone who saved content: none of them may review it or register its authorisation. */
  preparedByIds: string[];
  /** Every sheet produced, newest last; only the last may be in force. */
  sheets: ApprovalSheet[];
  signature: SignatureRecord | null;
  /** The signed receipt's scan, if one was attached; who received and when is in the custody event. */
  acknowledgementScan: AttachedFile | null;
  /** Reason for rechazado, devuelto_mensajeria or cancelado. */
  closingReason: string | null;
  history: HistoryEntry[];
  /** Every print of a paper form, oldest first, with where its exact bytes lie; absent before the first. */
  prints?: ShipmentPrint[];
}

/** One print of a shipment's paper form, as the shipment keeps it; its PDF is one frame of the vault's `prints` stream. */
export type ShipmentPrint = Omit<PrintedSheetInfo, 'shipmentId'> & {
  /** What else makes two prints the same form: the sheet version, or the label size. */
  variant: string;
  /** The frame that holds the bytes: partition month, index, byte offset, length. */
  frame: [month: string, index: number, offset: number, total: number];
};

// ---- what the screens receive --------------------------------------------

export interface ShipmentSummary {
  id: string;
  folio: string | null;
  state: ShipmentState;
  channel: ShipmentChannel;
  classification: Classification;
  subject: string;
  agencyId: string;
  agencyAcronym: string;
  agencyName: string;
  createdAt: string;
  updatedAt: string;
  preparedBy: string;
}

export interface ShipmentDetail {
  shipment: Shipment;
  agency: { id: string; acronym: string; name: string } | null;
  recipient: { id: string; fullName: string; position: string } | null;
  /** Actions the signed-in user may take now (and only those). */
  allowedActions: ShipmentAction[];
  /** Whether the signed-in user may edit content, and whether doing so would void the sheet. */
  edit: EditOutcome | null;
  /** The sheet in force, if any. */
  currentSheet: ApprovalSheet | null;
  /** The report period this shipment delivers, described for the screen. */
  reportPeriod: { reportName: string; periodLabel: string } | null;
  /** The area of the office that provides the information, when the shipment names one. */
  providingArea: { id: string; name: string; active: boolean } | null;
  /** Its chain of custody, oldest first, and the chain head's short form (printed on every form). */
  custody: CustodyEvent[];
  custodyHead: string | null;
  /** Some handoff found a seal that was not intact. */
  brokenSeal: boolean;
  /** What the shipment waits for, who may do it (active users, by name) and whether the signed-in user may. */
  pending: (PendingStep & { people: string[]; you: boolean }) | null;
  /** Who signs the approval sheet, to pre-fill «Registrar firma»: the office's Director(a) General. */
  signer: { name: string; position: string } | null;
}

/** A shipment whose folio matches what was typed at the counter. */
export interface FolioMatch {
  id: string;
  folio: string;
  subject: string;
  state: ShipmentState;
}

/** A shipment that waits for the signed-in user (Inicio). */
export interface WaitingShipment {
  id: string;
  folio: string | null;
  subject: string;
  state: ShipmentState;
  step: string;
  since: string;
}

/** What a scanned sheet code points at (see sheet-code.ts). */
export interface SheetLookup {
  shipmentId: string;
  folio: string;
  /** False when the content changed after that sheet was printed: the paper no longer vouches for it. */
  digestMatches: boolean;
  /** Whether the sheet the code came from is void. */
  sheetVoided: boolean;
}

export const SHIPMENT_SORT_FIELDS = ['folio', 'createdAt', 'updatedAt', 'state', 'agency', 'subject'] as const;
export type ShipmentSortField = (typeof SHIPMENT_SORT_FIELDS)[number];

export const shipmentFilterSchema = z
  .object({
    states: z.array(z.enum(SHIPMENT_STATES)).max(SHIPMENT_STATES.length).optional(),
    channels: z.array(z.enum(SHIPMENT_CHANNELS)).max(4).optional(),
    agencyId: z.string().min(1).max(64).optional(),
    classifications: z.array(z.enum(CLASSIFICATIONS)).max(3).optional(),
    /** Creation date in the office's zone, both ends inclusive. */
    from: civilDateSchema.optional(),
    to: civilDateSchema.optional(),
    /** Folio, subject, seal number, media serial, covering oficio; accents and case ignored. */
    text: z.string().trim().max(200).optional(),
    sort: z.enum(SHIPMENT_SORT_FIELDS).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ShipmentFilterInput = z.input<typeof shipmentFilterSchema>;
export type ShipmentFilter = z.output<typeof shipmentFilterSchema>;

export interface ShipmentPage {
  total: number;
  items: ShipmentSummary[];
}

const shipmentIdSchema = z.string().min(1).max(64);
const actInput = <A extends ShipmentAction>(action: A) =>
  z.object({ shipmentId: shipmentIdSchema, action: z.literal(action), payload: actionPayloadSchemas[action] }).strict();

/** `shipments.act`: the action and its payload, checked together. */
export const actInputSchema = z.discriminatedUnion(
  'action',
  [
    actInput('enviar_a_revision'),
    actInput('devolver'),
    actInput('aprobar_revision'),
    actInput('generar_hoja'),
    actInput('registrar_firma'),
    actInput('sellar'),
    actInput('despachar'),
    actInput('registrar_acuse'),
    actInput('rechazar'),
    actInput('devolucion_mensajeria'),
    actInput('cancelar'),
  ],
  { error: 'La acción solicitada no existe.' },
);
export type ActInput = z.input<typeof actInputSchema>;
export type ParsedActInput = z.output<typeof actInputSchema>;
