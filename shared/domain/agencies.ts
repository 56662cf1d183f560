import { z } from 'zod';

/**
 * Agencies (dependencias), their collaboration agreements (convenios) and the
 * periodic reports the office owes them (seeds 000 A.2 and 001).
 * Calendar dates are civil dates in the office's zone, written `YYYY-MM-DD`.
 */
export const civilDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Escriba la fecha como día/mes/año.')
  .refine((v) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Esa fecha no existe en el calendario.');
export type CivilDate = string;

export const AGENCY_KINDS = ['federal', 'estatal', 'municipal', 'organismo_autonomo', 'privada', 'organizacion_civil'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  federal: 'Federal',
  estatal: 'Estatal',
  municipal: 'Municipal',
  organismo_autonomo: 'Organismo autónomo',
  privada: 'Privada',
  organizacion_civil: 'Organización civil',
};

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} admite como máximo ${max} caracteres.`).default('');

export const recipientSchema = z.object({
  fullName: z.string().trim().min(3, 'Escriba el nombre completo del destinatario.').max(120),
  position: z.string().trim().min(2, 'Escriba el cargo del destinatario.').max(120),
  identification: optionalText(60, 'La identificación'),
});
export type RecipientInput = z.input<typeof recipientSchema>;
export interface AgencyRecipient extends z.output<typeof recipientSchema> {
  id: string;
}

export const agencyInputSchema = z.object({
  name: z.string().trim().min(3, 'Escriba el nombre de la dependencia.').max(200, 'El nombre admite como máximo 200 caracteres.'),
  acronym: z.string().trim().min(2, 'Escriba las siglas.').max(30, 'Las siglas admiten como máximo 30 caracteres.'),
  kind: z.enum(AGENCY_KINDS, { error: 'Elija el tipo de dependencia.' }),
  address: optionalText(300, 'La dirección'),
  phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9 +()\-.ext]{7,30}$/i, 'El teléfono sólo lleva números, espacios, guiones o «ext».')
    .default(''),
  email: z.union([z.literal(''), z.email('El correo institucional no es válido.')]).default(''),
  notes: optionalText(1000, 'Las notas'),
  recipients: z.array(recipientSchema).max(50).default([]),
  active: z.boolean().default(true),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;

export interface Agency extends Omit<z.output<typeof agencyInputSchema>, 'recipients'> {
  id: string;
  recipients: AgencyRecipient[];
  /** Loaded with "Cargar catálogo de ejemplo"; removable in one step. */
  example: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AttachedFile {
  blobId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export const agreementInputSchema = z
  .object({
    agencyId: z.string().min(1, 'Elija la dependencia.'),
    number: z.string().trim().min(1, 'Escriba el número del convenio.').max(80),
    scope: z.string().trim().min(3, 'Describa el alcance del convenio.').max(1000),
    signedOn: civilDateSchema,
    validFrom: civilDateSchema,
    /** null: indefinite (vigencia indefinida). */
    validTo: civilDateSchema.nullable(),
  })
  .refine((a) => a.validTo === null || a.validTo >= a.validFrom, { path: ['validTo'], message: 'La vigencia no puede terminar antes de empezar.' });
export type AgreementInput = z.input<typeof agreementInputSchema>;

export interface Agreement extends z.output<typeof agreementInputSchema> {
  id: string;
  document: AttachedFile | null;
  example: boolean;
  createdAt: string;
}

export type AgreementStatus = 'vigente' | 'por_vencer' | 'vencido' | 'no_iniciado';
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  vigente: 'Vigente',
  por_vencer: 'Por vencer',
  vencido: 'Vencido',
  no_iniciado: 'Aún no inicia',
};

// ---- periodic reports (seed 001) ------------------------------------------

export const FREQUENCIES = ['mensual', 'trimestral', 'semestral', 'anual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { mensual: 'Mensual', trimestral: 'Trimestral', semestral: 'Semestral', anual: 'Anual' };

export const SHIPMENT_CHANNELS = ['tarjeta_informativa', 'oficio', 'sobre_cerrado', 'medio_magnetico'] as const;
export type ShipmentChannel = (typeof SHIPMENT_CHANNELS)[number];
export const CHANNEL_LABELS: Record<ShipmentChannel, string> = {
  tarjeta_informativa: 'Tarjeta informativa',
  oficio: 'Oficio',
  sobre_cerrado: 'Sobre cerrado',
  medio_magnetico: 'Medio magnético',
};

export const reportInputSchema = z.object({
  name: z.string().trim().min(3, 'Escriba el nombre del reporte.').max(300),
  producingArea: z.string().trim().min(2, 'Escriba el área que lo genera.').max(120),
  internal: z.boolean(),
  external: z.boolean(),
  description: optionalText(1000, 'La descripción'),
}).refine((r) => r.internal || r.external, { path: ['external'], message: 'Marque si el reporte es de uso interno, externo o ambos.' });
export type ReportInput = z.input<typeof reportInputSchema>;
export interface ReportDefinition extends z.output<typeof reportInputSchema> {
  id: string;
  example: boolean;
}

export const obligationInputSchema = z.object({
  reportId: z.string().min(1, 'Elija el reporte.'),
  beneficiaryAgencyId: z.string().min(1, 'Elija la dependencia beneficiaria.'),
  frequency: z.enum(FREQUENCIES, { error: 'Elija la periodicidad.' }),
  dueDay: z.number({ error: 'Escriba el día de entrega.' }).int().min(1, 'El día de entrega va del 1 al 31.').max(31, 'El día de entrega va del 1 al 31.'),
  usualChannel: z.enum(SHIPMENT_CHANNELS, { error: 'Elija el canal habitual.' }),
  /** First period owed (its start date). */
  startsOn: civilDateSchema,
});
export type ObligationInput = z.input<typeof obligationInputSchema>;
export interface Obligation extends z.output<typeof obligationInputSchema> {
  id: string;
  active: boolean;
  example: boolean;
}

export type PeriodStatus = 'pendiente' | 'entregado' | 'vencido';
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = { pendiente: 'Pendiente', entregado: 'Entregado', vencido: 'Vencido' };

/** One period an obligation owes: e.g. the FESE of October 2026, due 10/11/2026. */
export interface ReportPeriod {
  obligationId: string;
  /** `2026-10`, `2026-T4`, `2026-S2` or `2026`. */
  key: string;
  /** Spanish: «octubre de 2026», «4.º trimestre de 2026», «2.º semestre de 2026», «2026». */
  label: string;
  start: CivilDate;
  end: CivilDate;
  due: CivilDate;
  status: PeriodStatus;
  /** The shipment that fulfilled it, once shipments exist. */
  fulfilledBy: { shipmentId: string; folio: string } | null;
}
