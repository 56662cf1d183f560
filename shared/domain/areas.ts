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
}
