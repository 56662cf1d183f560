/**
 * What the «Cumplimiento del programa anual» sheet receives (docs/DOMAIN.md,
 * «Programa anual de comunicación»): the planned-versus-done comparison of a
 * month or a year, already worded by the programme service, so the form only
 * lays it out.
 */
import { z } from 'zod';
import { count, isoDate, list, optionalText, text } from './form-fields';
import { officeSchema, PAGE_SIZES } from './form-inputs';

export const programmeComplianceSchema = z.object(
  {
    office: officeSchema,
    pageSize: z.enum(PAGE_SIZES, { error: 'El tamaño de papel debe ser carta o A4' }).default('LETTER'),
    programmeTitle: text('el título del programa'),
    /** «marzo de 2021», «Año 2021». */
    period: text('el periodo'),
    /** The civil day the comparison was made (statuses «Próxima» and «Sin difusión» depend on it). */
    today: text('la fecha del corte', 10),
    goals: list(
      z.object({ concept: text('la meta', 1000), expected: count('Meta'), published: count('Publicadas'), planned: count('Planeadas'), status: text('el estado de la meta'), met: z.boolean() }),
      'las metas',
      100,
    ),
    dates: list(z.object({ title: text('la fecha del programa', 500), when: text('el día'), status: text('el estado'), releases: optionalText('las difusiones', 2000) }), 'las fechas del programa', 2000),
    publishedByKind: list(z.object({ kind: text('el tipo de difusión'), count: count('Publicadas') }), 'las difusiones por tipo', 20),
    printedAt: isoDate('fecha de impresión'),
    printedBy: z.object({ fullName: text('el nombre de quien imprime'), position: text('el cargo de quien imprime') }, { error: 'Falta quién imprime el reporte' }),
  },
  { error: 'Faltan los datos del reporte de cumplimiento' },
);
export type ProgrammeComplianceInput = z.input<typeof programmeComplianceSchema>;
