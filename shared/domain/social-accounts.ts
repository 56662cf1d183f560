import { z } from 'zod';
import { civilDateSchema, type AttachedFile, type CivilDate } from './agencies';
import type { KeptPrint } from './printing';

/**
 * Comunicación Social's register of social-network accounts (docs/DOMAIN.md,
 * «Cuentas de redes sociales»), after the national transparency system's
 * «Políticas Generales para la Difusión de Información Pública mediante las
 * Redes Sociales Digitales» (2019), as quoted by circular DTB/012/2019.
 *
 * Valija records who holds custody of an account's password and when it was
 * last changed, never the password: the vault's records are hash-chained,
 * printed and exported, so a password written once could never be removed.
 * No type or schema here has a field for one.
 */

export const NETWORKS = ['facebook', 'x', 'instagram', 'youtube', 'tiktok', 'whatsapp', 'threads', 'sitio_web', 'otra'] as const;
export type Network = (typeof NETWORKS)[number];
export const NETWORK_LABELS: Record<Network, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  threads: 'Threads',
  sitio_web: 'Sitio web',
  otra: 'Otra',
};

/**
 * Séptima: an account is official, or the personal account of a public
 * servant from which information about their duties is published. Décima
 * novena: a personal account administered by an area of the institution
 * counts as official while the servant holds the post.
 */
export const ACCOUNT_KINDS = ['oficial', 'personal_registrada', 'personal_administrada'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  oficial: 'Oficial',
  personal_registrada: 'Personal registrada',
  personal_administrada: 'Personal administrada por el área (cuenta oficial)',
};

/** Stored status; «en revisión» is also derived when the revalidation is overdue (account-rules). */
export const ACCOUNT_STATUSES = ['activa', 'en_revision', 'dada_de_baja'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  activa: 'Activa',
  en_revision: 'En revisión',
  dada_de_baja: 'Dada de baja',
};

/**
 * Quinta: the head of the institution (level 0) and up to four hierarchical
 * levels below may register their personal accounts.
 */
export const MAX_HOLDER_LEVEL = 4;

export const HOLDER_LEVEL_MESSAGE =
  'Sólo el titular y hasta cuatro niveles jerárquicos por debajo de él pueden registrar su cuenta personal (Políticas Generales para la Difusión de Información Pública mediante las Redes Sociales Digitales, quinta).';

const text = (min: number, max: number, missing: string, label: string) =>
  z.string().trim().min(min, missing).max(max, `${label} admite como máximo ${max} caracteres.`);

export const holderSchema = z.object({
  fullName: text(3, 120, 'Escriba el nombre completo del servidor público.', 'El nombre'),
  position: text(2, 120, 'Escriba el cargo del servidor público.', 'El cargo'),
  /** 0 = the head of the institution; 1–4 = levels below. */
  level: z
    .number({ error: 'Indique el nivel jerárquico (0 para el titular).' })
    .int('El nivel jerárquico es un número entero.')
    .min(0, 'El nivel jerárquico no puede ser negativo.')
    .max(MAX_HOLDER_LEVEL, HOLDER_LEVEL_MESSAGE),
});
export type AccountHolder = z.output<typeof holderSchema>;

export const accountInputSchema = z
  .object({
    network: z.enum(NETWORKS, { error: 'Elija la red social.' }),
    handle: text(1, 120, 'Escriba el usuario o nombre de la cuenta.', 'El usuario'),
    url: z.union([z.literal(''), z.url('La dirección de la cuenta no es válida (empiece con https://).')]).default(''),
    kind: z.enum(ACCOUNT_KINDS, { error: 'Elija el tipo de cuenta.' }),
    holder: holderSchema.nullable().default(null),
    area: text(2, 160, 'Escriba el área responsable.', 'El área'),
    addedOn: civilDateSchema,
    /** Personal accounts appear in the public directory only when their holder asked for it. */
    listedPublicly: z.boolean().default(false),
    /** Periodic rotation of the password, in days; none when null. */
    rotationEveryDays: z.number().int().min(7, 'La rotación periódica es de al menos 7 días.').max(730, 'La rotación periódica es de como máximo 730 días.').nullable().default(null),
    notes: z.string().trim().max(1000, 'Las notas admiten como máximo 1000 caracteres.').default(''),
  })
  .superRefine((a, ctx) => {
    const personal = a.kind !== 'oficial';
    if (personal && !a.holder) ctx.addIssue({ code: 'custom', path: ['holder'], message: 'Una cuenta personal necesita los datos del servidor público que la tiene.' });
    if (!personal && a.holder) ctx.addIssue({ code: 'custom', path: ['holder'], message: 'Una cuenta oficial es de la institución: no lleva titular personal.' });
  });
export type AccountInput = z.input<typeof accountInputSchema>;
export type ParsedAccountInput = z.output<typeof accountInputSchema>;

/** Someone who holds the password: a user of Valija or another person. */
export const custodianSchema = z.object({
  userId: z.string().min(1).nullable().default(null),
  fullName: text(3, 120, 'Escriba el nombre completo del custodio.', 'El nombre'),
  position: text(2, 120, 'Escriba el cargo del custodio.', 'El cargo'),
  area: text(2, 160, 'Escriba el área del custodio.', 'El área'),
});

export const custodyInputSchema = z.object({
  custodian: custodianSchema,
  startedOn: civilDateSchema,
  /** Where the secret lives, as a pointer: «KeePassXC de Comunicación Social, entrada Facebook oficial». */
  keptIn: text(3, 300, 'Indique dónde se guarda la contraseña (por ejemplo, el gestor de contraseñas y la entrada).', 'Dónde se guarda'),
  secondFactorHeldBy: text(2, 200, 'Indique quién controla el segundo factor de autenticación.', 'El segundo factor'),
  recoveryContact: text(2, 200, 'Indique el correo o teléfono de recuperación de la cuenta.', 'El contacto de recuperación'),
});
export type CustodyInput = z.input<typeof custodyInputSchema>;
export type ParsedCustodyInput = z.output<typeof custodyInputSchema>;

export const CUSTODY_END_REASONS = ['salida_de_custodio', 'cambio_de_funciones', 'baja_de_usuario', 'baja_de_cuenta'] as const;
export type CustodyEndReason = (typeof CUSTODY_END_REASONS)[number];
export const CUSTODY_END_REASON_LABELS: Record<CustodyEndReason, string> = {
  salida_de_custodio: 'Salida del custodio',
  cambio_de_funciones: 'Cambio de funciones',
  baja_de_usuario: 'Baja del usuario en Valija',
  baja_de_cuenta: 'Baja de la cuenta',
};

export interface PasswordCustody extends z.output<typeof custodyInputSchema> {
  id: string;
  endedOn: CivilDate | null;
  endReason: CustodyEndReason | null;
  /** The signed «resguardo», once its scan is registered. */
  acknowledgementScan: AttachedFile | null;
}

export const ROTATION_REASONS = ['salida_de_custodio', 'periodico', 'incidente'] as const;
export type RotationReason = (typeof ROTATION_REASONS)[number];
export const ROTATION_REASON_LABELS: Record<RotationReason, string> = {
  salida_de_custodio: 'Salida de custodio',
  periodico: 'Periódico',
  incidente: 'Incidente',
};

/** Why a password change is owed. */
export interface PendingRotation {
  since: CivilDate;
  reason: RotationReason;
  /** The custody whose end opened it, if one did. */
  custodyId: string | null;
}

export interface PasswordRotation {
  on: CivilDate;
  reason: RotationReason;
  /** Who changed it (the signed-in user recording it, or the named custodian). */
  changedBy: string;
  note: string;
}

/** Décima quinta: the security protocol for theft, loss or unauthorised access. */
export const INCIDENT_KINDS = ['sustraccion', 'extravio', 'acceso_no_autorizado'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  sustraccion: 'Sustracción',
  extravio: 'Extravío',
  acceso_no_autorizado: 'Acceso no autorizado',
};

/** The protocol's steps, in order; each is recorded with its time. */
export const INCIDENT_STEPS = ['detectado', 'informado_jefatura', 'contrasena_cambiada', 'plataforma_notificada', 'publicaciones_revisadas', 'cerrado'] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];
export const INCIDENT_STEP_LABELS: Record<IncidentStep, string> = {
  detectado: 'Detectado',
  informado_jefatura: 'Informado a la jefatura del área',
  contrasena_cambiada: 'Contraseña cambiada',
  plataforma_notificada: 'Plataforma notificada',
  publicaciones_revisadas: 'Publicaciones revisadas',
  cerrado: 'Cerrado',
};

export const incidentInputSchema = z.object({
  kind: z.enum(INCIDENT_KINDS, { error: 'Elija el tipo de incidente.' }),
  description: text(10, 2000, 'Describa qué ocurrió (al menos 10 caracteres).', 'La descripción'),
  detectedAt: z.iso.datetime({ offset: true, error: 'Indique la fecha y hora en que se detectó.' }),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type ParsedIncidentInput = z.output<typeof incidentInputSchema>;

export const incidentStepInputSchema = z.object({
  step: z.enum(INCIDENT_STEPS, { error: 'Elija el paso del protocolo.' }),
  at: z.iso.datetime({ offset: true, error: 'Indique la fecha y hora del paso.' }),
  note: z.string().trim().max(1000, 'La nota admite como máximo 1000 caracteres.').default(''),
});
export type IncidentStepInput = z.input<typeof incidentStepInputSchema>;
export type ParsedIncidentStepInput = z.output<typeof incidentStepInputSchema>;

export interface IncidentStepRecord {
  at: string;
  note: string;
  recordedBy: string;
}

export interface AccountIncident {
  id: string;
  kind: IncidentKind;
  description: string;
  openedBy: string;
  steps: Partial<Record<IncidentStep, IncidentStepRecord>>;
}

export interface SocialAccount extends Omit<ParsedAccountInput, 'addedOn'> {
  id: string;
  addedOn: CivilDate;
  removedOn: CivilDate | null;
  status: AccountStatus;
  lastValidatedOn: CivilDate;
  /** The servant's express request to be listed (personal accounts), scanned and kept encrypted. */
  requestScan: AttachedFile | null;
  custodies: PasswordCustody[];
  rotations: PasswordRotation[];
  pendingRotation: PendingRotation | null;
  incidents: AccountIncident[];
  /**
   * Every resguardo and incident report printed, as the vault keeps them byte
   * for byte (vault/kept-prints.ts); subject `custodia:<id>` or `incidente:<id>`.
   * Absent on accounts registered before prints were kept.
   */
  prints?: KeptPrint[];
}


export const rotationInputSchema = z.object({
  on: civilDateSchema,
  reason: z.enum(ROTATION_REASONS, { error: 'Elija el motivo del cambio de contraseña.' }),
  changedBy: text(3, 120, 'Escriba quién cambió la contraseña.', 'Quién la cambió'),
  note: z.string().trim().max(500, 'La nota admite como máximo 500 caracteres.').default(''),
});
export type RotationInput = z.input<typeof rotationInputSchema>;

/** An account as the directory lists it: the record and what the rules say of it today. */
export interface AccountView {
  account: SocialAccount;
  status: AccountStatus;
  countsAsOfficial: boolean;
  revalidationDueOn: CivilDate;
  pendingRotation: PendingRotation | null;
  usable: boolean;
}

/** One line of an account's history, read back from its change frames. */
export interface AccountHistoryEntry {
  at: string;
  actor: { id: string; userName: string; fullName: string };
  label: string;
  detail: string;
}

/** A Valija user who may be named custodian of a password: only who they are, nothing of their account. */
export interface CustodianCandidate {
  userId: string;
  fullName: string;
  position: string;
}

/** Whether an account asks for someone's attention: en revisión, owing a password change, or with an incident open (removed ones never). */
export function needsAttention(view: Pick<AccountView, 'status' | 'pendingRotation' | 'account'>): boolean {
  if (view.status === 'dada_de_baja') return false;
  return view.status === 'en_revision' || view.pendingRotation !== null || openIncidents(view.account).length > 0;
}

/** Incidents whose protocol is not closed yet: while one is open the account is not usable. */
export function openIncidents(account: Pick<SocialAccount, 'incidents'>): AccountIncident[] {
  return account.incidents.filter((i) => !i.steps.cerrado);
}

export interface AccountDetail extends AccountView {
  history: AccountHistoryEntry[];
}
