import { z } from 'zod';

/**
 * The office's areas (docs/DOMAIN.md, «Áreas y medios»): the units that
 * generate information and ask Comunicación Social to publish it (directive
 * 6.1.4, section C: the director of the providing area validates and approves
 * every release on networks). A catalogue the administrator keeps; users may
 * belong to one, and shipments and releases name the area that provides them.
 */
export interface Area {
  id: string;
  /** e.g. «Dirección de la Red, Voz, Datos e Imagen». */
  name: string;
  /** The head of the area, as printed on forms («Validó el área»). */
  headName: string;
  headPosition: string;
  /** The Valija user who heads the area and so validates its releases; null while none is named. */
  headUserId: string | null;
  active: boolean;
  createdAt: string;
  /** When the administrator deactivated it; absent while active. */
  deactivatedAt?: string;
}

export const areaInputSchema = z
  .object({
    name: z.string().trim().min(3, 'Escriba el nombre del área.').max(200, 'El nombre del área admite como máximo 200 caracteres.'),
    headName: z.string().trim().min(3, 'Escriba el nombre del titular del área.').max(120, 'El nombre admite como máximo 120 caracteres.'),
    headPosition: z.string().trim().min(2, 'Escriba el cargo del titular del área.').max(120, 'El cargo admite como máximo 120 caracteres.'),
    headUserId: z.string().min(1).max(100).nullable().default(null),
  })
  .strict();
export type AreaInput = z.input<typeof areaInputSchema>;

/** Mass media and other outlets releases are sent to (directive 6.1.4, section B). */
export const OUTLET_KINDS = ['radio', 'television', 'prensa', 'digital', 'agencia'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];
export const OUTLET_KIND_LABELS: Record<OutletKind, string> = {
  radio: 'Radio',
  television: 'Televisión',
  prensa: 'Prensa escrita',
  digital: 'Medio digital',
  agencia: 'Agencia de noticias',
};

export interface OutletContact {
  name: string;
  position: string;
  email: string;
  phone: string;
}

export interface MediaOutlet {
  id: string;
  name: string;
  kind: OutletKind;
  contacts: OutletContact[];
  active: boolean;
  createdAt: string;
  /** When it was deactivated; absent while active. */
  deactivatedAt?: string;
}

/** A phone as people type it: digits with spaces, dashes, dots, parentheses and an optional «+» and extension. */
const PHONE = /^\+?[0-9 ()./-]{7,25}(\s*(ext\.?|extensión)\s*[0-9]{1,6})?$/i;

export const outletContactSchema = z
  .object({
    name: z.string().trim().min(3, 'Escriba el nombre del contacto.').max(120, 'El nombre admite como máximo 120 caracteres.'),
    position: z.string().trim().max(120, 'El cargo admite como máximo 120 caracteres.').default(''),
    email: z.union([z.literal(''), z.email('El correo electrónico del contacto no es válido.')]).default(''),
    phone: z
      .string()
      .trim()
      .max(40, 'El teléfono admite como máximo 40 caracteres.')
      .refine((p) => p === '' || (PHONE.test(p) && (p.match(/[0-9]/g)?.length ?? 0) >= 7), 'El teléfono no es válido: use dígitos, espacios, guiones o paréntesis, al menos 7 dígitos (por ejemplo, 951 501 5000 ext. 1234).')
      .default(''),
  })
  .strict()
  // A contact nobody can reach is not a contact: one of the two ways at least.
  .refine((c) => c.email !== '' || c.phone !== '', { message: 'Escriba el correo electrónico o el teléfono del contacto.', path: ['email'] });

export const outletInputSchema = z
  .object({
    name: z.string().trim().min(2, 'Escriba el nombre del medio.').max(200, 'El nombre del medio admite como máximo 200 caracteres.'),
    kind: z.enum(OUTLET_KINDS, { error: 'Elija el tipo de medio.' }),
    contacts: z.array(outletContactSchema).max(30, 'Un medio admite como máximo 30 contactos.').default([]),
  })
  .strict();
export type OutletInput = z.input<typeof outletInputSchema>;
export type ParsedOutletInput = z.output<typeof outletInputSchema>;
export type ParsedAreaInput = z.output<typeof areaInputSchema>;

/** Whether two names are the same area or outlet: case, accents and repeated spaces ignored. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
