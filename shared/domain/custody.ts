import { z } from 'zod';
import type { AttachedFile } from './agencies';
import type { AuditActor } from './audit';
import type { RecordDamage } from './directory-views';
import { sealKey } from './seals';
import type { ShipmentAction, ShipmentState } from './shipment-states';

/**
 * Chain of custody (docs/ARCHITECTURE.md, "Audit log and custody chain"): who handed what
 * to whom, when, where, why, and whether the seals were intact — in the
 * spirit of the continuity blocks of Mexico's Registro de Cadena de Custodia.
 * Events are append-only; a correction is a new event naming the one it
 * corrects.
 */

export const CUSTODY_EVENT_TYPES = ['preparacion', 'sellado', 'entrega_mensajero', 'recepcion_destino', 'devolucion', 'resguardo_archivo', 'apertura_autorizada', 'otro'] as const;
export type CustodyEventType = (typeof CUSTODY_EVENT_TYPES)[number];
export const CUSTODY_EVENT_LABELS: Record<CustodyEventType, string> = {
  preparacion: 'Preparación',
  sellado: 'Sellado',
  entrega_mensajero: 'Entrega a mensajero',
  recepcion_destino: 'Recepción en destino',
  devolucion: 'Devolución',
  resguardo_archivo: 'Resguardo en archivo',
  apertura_autorizada: 'Apertura autorizada',
  otro: 'Otro',
};

/**
 * The shipment actions that are physical handoffs: they are recorded as a
 * custody event, and the event moves the shipment (one source of truth).
 */
export const HANDOFF_ACTIONS = ['sellar', 'despachar', 'registrar_acuse', 'rechazar', 'devolucion_mensajeria'] as const satisfies readonly ShipmentAction[];
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];
export const HANDOFF_EVENT_TYPE: Record<HandoffAction, CustodyEventType> = {
  sellar: 'sellado',
  despachar: 'entrega_mensajero',
  registrar_acuse: 'recepcion_destino',
  rechazar: 'devolucion',
  devolucion_mensajeria: 'devolucion',
};
/**
 * Every seal a shipment has: those recorded on the envelope and those placed
 * or seen at a handoff, once each (seal numbers compare as sealKey does).
 */
export function knownSeals(envelopeSeals: readonly string[], custody: readonly Pick<CustodyEvent, 'seals'>[]): string[] {
  const all = [...envelopeSeals, ...custody.flatMap((e) => e.seals.map((s) => s.number))];
  return [...new Map(all.map((n) => [sealKey(n), n])).values()];
}

/** The purpose of the custody event a verified media load writes (media/shipment-loader.ts). */
export const MEDIA_LOAD_PURPOSE = 'Carga del medio magnético';

/** The event that records a magnetic medium written and verified by read-back. */
export function isMediaLoadEvent(e: Pick<CustodyEvent, 'type' | 'purpose' | 'transition'>): boolean {
  return e.type === 'preparacion' && e.purpose === MEDIA_LOAD_PURPOSE && e.transition === null;
}

export function isHandoffAction(action: string): action is HandoffAction {
  return (HANDOFF_ACTIONS as readonly string[]).includes(action);
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label} admite como máximo ${max} caracteres.`).default('');
const requiredText = (message: string, max: number) => z.string().trim().min(1, message).max(max);

export const custodyPartySchema = z
  .object({
    name: requiredText('Escriba el nombre de la persona.', 120),
    position: text('El cargo', 120),
    institution: text('La institución', 160),
    /** Credential or ID shown at the counter (INE, gafete, número de empleado...). */
    identification: text('La identificación', 120),
  })
  .strict();
export type CustodyParty = z.output<typeof custodyPartySchema>;
export type CustodyPartyInput = z.input<typeof custodyPartySchema>;

/** «Name, position, institution», leaving out what was not given: how a party reads on screen and in history. */
export function describeParty(p: Pick<CustodyParty, 'name' | 'position' | 'institution'>): string {
  return [p.name, p.position, p.institution].filter(Boolean).join(', ');
}

export const sealObservationSchema = z
  .object({
    number: requiredText('Escriba el número de sello.', 60),
    intact: z.boolean(),
    /** Required when the seal is not intact: what was seen. */
    description: text('La descripción del sello', 1000),
  })
  .strict()
  .refine((s) => s.intact || s.description.length >= 3, { path: ['description'], message: 'Describa en qué estado se encontró el sello dañado.' });
export type SealObservation = z.output<typeof sealObservationSchema>;

/** What the counter form (or a handoff action) sends. */
export const custodyEventInputSchema = z
  .object({
    type: z.enum(CUSTODY_EVENT_TYPES, { error: 'Elija el tipo de movimiento.' }),
    /** When the handoff happened; the form defaults it to now. */
    at: z.iso.datetime({ message: 'La fecha y hora no son válidas.' }),
    from: custodyPartySchema,
    to: custodyPartySchema,
    place: requiredText('Escriba el lugar de la entrega.', 200),
    purpose: text('El motivo', 500),
    seals: z
      .array(sealObservationSchema)
      .max(50)
      .refine((seals) => new Set(seals.map((s) => sealKey(s.number))).size === seals.length, 'Un número de sello está repetido.')
      .default([]),
    remarks: text('Las observaciones', 2000),
    /** The event this one corrects (the original stays as it was). */
    corrects: z.string().min(1).max(64).nullable().default(null),
    /** Id of a registered courier involved, so the counter can suggest them next time. */
    courierId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type CustodyEventInput = z.input<typeof custodyEventInputSchema>;
export type CustodyEventFields = z.output<typeof custodyEventInputSchema>;

export interface CustodyEvent extends CustodyEventFields {
  id: string;
  shipmentId: string;
  /** Folio at the time of the event (null before the sheet). */
  folio: string | null;
  /** 1, 2, 3… within the shipment. */
  seq: number;
  /** The shipment transition this handoff made, if any. */
  transition: { action: HandoffAction; from: ShipmentState; to: ShipmentState } | null;
  /** Some seal was not intact: the shipment is flagged. */
  brokenSeal: boolean;
  /** A document that came with the handoff (the signed receipt's scan). */
  document: AttachedFile | null;
  recordedBy: AuditActor;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export interface CustodyVerification {
  ok: boolean;
  /** Events (or audit entries) checked. */
  checked: number;
  /** Shipments whose chain was checked. */
  shipments: number;
  /** The first event that does not match, and why (Spanish). */
  firstBad: { shipmentId: string; folio: string | null; seq: number; eventId: string | null; reason: string } | null;
  /** Short form of the chain head (per shipment) or null for the whole vault. */
  head: string | null;
  /**
   * Intact chains can still hold what cannot be true: an event dated before
   * the one it follows (stored before the rule, or never corrected).
   */
  findings: { shipmentId: string; folio: string | null; seq: number; eventId: string; reason: string }[];
  audit: { ok: boolean; checked: number; firstBad: { seq: number; reason: string } | null } | null;
  /** For the whole vault: records whose bytes on disk cannot be read (see RecordDamage). */
  damage: RecordDamage | null;
}

// ---- couriers -------------------------------------------------------------

export const COURIER_KINDS = ['interno', 'externo'] as const;
export type CourierKind = (typeof COURIER_KINDS)[number];
export const COURIER_KIND_LABELS: Record<CourierKind, string> = { interno: 'Personal interno', externo: 'Servicio externo' };

export const courierInputSchema = z
  .object({
    kind: z.enum(COURIER_KINDS, { error: 'Elija si es personal interno o un servicio externo.' }),
    fullName: requiredText('Escriba el nombre del mensajero.', 120),
    position: text('El cargo', 120),
    /** Area (internal) or company (external). */
    organisation: requiredText('Escriba el área o la empresa de mensajería.', 160),
    identification: requiredText('Escriba la identificación (INE, gafete, número de empleado…).', 120),
    phone: text('El teléfono', 40),
  })
  .strict();
export type CourierInput = z.input<typeof courierInputSchema>;
export type CourierFields = z.output<typeof courierInputSchema>;
export interface Courier extends z.output<typeof courierInputSchema> {
  id: string;
  active: boolean;
  createdAt: string;
  /** Handoffs recorded with this courier: the counter lists frequent ones first. */
  uses: number;
  lastUsedAt: string | null;
}

// ---- the global log ---------------------------------------------------------

export const custodyFilterSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Name in «entrega», «recibe» or «registró»; accents and case ignored. */
    person: z.string().trim().max(120).optional(),
    agencyId: z.string().min(1).max(64).optional(),
    brokenSealOnly: z.boolean().optional(),
    shipmentId: z.string().min(1).max(64).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CustodyFilterInput = z.input<typeof custodyFilterSchema>;
export type CustodyFilter = z.output<typeof custodyFilterSchema>;

export interface CustodyRow extends CustodyEvent {
  agencyAcronym: string;
  subject: string;
}

export interface CustodyPage {
  total: number;
  items: CustodyRow[];
}

/** People typed before at the counter, most frequent first (they are not users of the app). */
export interface KnownParties {
  couriers: Courier[];
  parties: CustodyParty[];
  places: string[];
}
