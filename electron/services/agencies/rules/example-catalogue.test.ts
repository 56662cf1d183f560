import { describe, expect, it } from 'vitest';
import {
  type Agency,
  type Agreement,
  agencyInputSchema,
  agreementInputSchema,
  obligationInputSchema,
  reportInputSchema,
} from '../../../../shared/domain/agencies';
import '../../../../shared/validation';
import { agreementStatus, checkMayReceive } from './agreement-rule';
import { addDays, civilParts } from './civil-date';
import { EXAMPLE_ACRONYMS, EXAMPLE_REPORT_NAMES, exampleCatalogue } from './example-catalogue';
import { periodsFor } from './report-periods';
import { foldAcronym } from './agency-csv';

/** Every day of 2026 plus leap-year and year-end edges. */
const TODAYS = [...Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i)), '2027-12-31', '2028-01-01', '2028-02-29', '2028-03-31'];

/** The catalogue as the service would store it: ids assigned, references resolved. */
function materialise(today: string) {
  const c = exampleCatalogue(today);
  const agencies: Agency[] = c.agencies.map((input, i) => ({
    ...agencyInputSchema.parse(input),
    id: `ag-${i}`,
    recipients: agencyInputSchema.parse(input).recipients.map((r, j) => ({ ...r, id: `r-${i}-${j}` })),
    example: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  const byAcronym = new Map(agencies.map((a) => [a.acronym, a]));
  const agreements: Agreement[] = c.agreements.map(({ agencyAcronym, ...a }, i) => ({
    ...agreementInputSchema.parse({ ...a, agencyId: byAcronym.get(agencyAcronym)?.id ?? '' }),
    id: `cv-${i}`,
    document: null,
    example: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  }));
  return { c, agencies, byAcronym, agreements };
}

describe('exampleCatalogue', () => {
  it('has the seed-001 agencies and every row of the report table', () => {
    const c = exampleCatalogue('2026-11-23');
    expect(c.agencies.map((a) => a.acronym)).toEqual(Object.values(EXAMPLE_ACRONYMS));
    expect(c.agencies.find((a) => a.acronym === 'CNI')).toMatchObject({ name: 'Centro Nacional de Información', kind: 'federal' });
    expect(c.agencies.find((a) => a.acronym === 'IMO')).toMatchObject({ name: 'Instituto de la Mujer Oaxaqueña', kind: 'estatal' });
    expect(c.agencies.find((a) => a.acronym === 'MUN-CONURBADOS')?.kind).toBe('municipal');
    expect(c.agencies.filter((a) => a.kind === 'organizacion_civil')).toHaveLength(1);
    expect(c.reports.map((r) => r.name)).toEqual(Object.values(EXAMPLE_REPORT_NAMES));
    expect(c.reports.map((r) => [r.producingArea, r.internal, r.external])).toEqual([
      ['Servicio de Llamadas de Emergencia 9-1-1 y Denuncia Anónima 089', true, true],
      ['Servicio de Llamadas de Emergencia 9-1-1 y Denuncia Anónima 089', true, true],
      ['Servicio de Llamadas de Emergencia 9-1-1 y Denuncia Anónima 089', false, true],
      ['Servicio de Llamadas de Emergencia 9-1-1 y Denuncia Anónima 089', false, true],
      ['Área de Video Vigilancia', true, false],
      ['Área de Sistemas', false, true],
      ['Área de Sistemas', false, true],
      ['Área de Video Vigilancia', true, false],
      ['REPUVE', true, false],
      ['Plataforma México', false, true],
      ['Policía Cibernética', true, true],
    ]);
    const fese = c.obligations.find((o) => o.reportName === EXAMPLE_REPORT_NAMES.incidencia911);
    expect(fese).toMatchObject({ beneficiaryAcronym: 'CNI', frequency: 'mensual', dueDay: 10, usualChannel: 'oficio' });
    const cyber = c.obligations.filter((o) => o.reportName === EXAMPLE_REPORT_NAMES.cibernetica);
    expect(cyber.map((o) => [o.beneficiaryAcronym, o.frequency])).toEqual([
      ['CNI', 'trimestral'],
      ['GN-DC', 'trimestral'],
    ]);
    expect(c.obligations.some((o) => o.reportName === EXAMPLE_REPORT_NAMES.mapasViolenciaMujer && o.beneficiaryAcronym === 'IMO' && o.frequency === 'mensual')).toBe(true);
  });

  it('passes the shared schemas and every reference resolves, whatever the day', () => {
    expect(TODAYS.length).toBeGreaterThan(0);
    for (const today of TODAYS) {
      const c = exampleCatalogue(today);
      expect(c.agencies.length, today).toBeGreaterThan(0);
      expect(c.reports.length, today).toBeGreaterThan(0);
      expect(c.agreements.length, today).toBeGreaterThan(0);
      for (const a of c.agencies) expect(agencyInputSchema.safeParse(a).success, `${today} ${a.acronym}`).toBe(true);
      for (const r of c.reports) expect(reportInputSchema.safeParse(r).success, `${today} ${r.name}`).toBe(true);
      const acronyms = new Set(c.agencies.map((a) => foldAcronym(a.acronym)));
      expect(acronyms.size).toBe(c.agencies.length);
      expect(new Set(c.reports.map((r) => r.name)).size).toBe(c.reports.length);
      for (const { agencyAcronym, ...a } of c.agreements) {
        expect(acronyms.has(foldAcronym(agencyAcronym)), agencyAcronym).toBe(true);
        const parsed = agreementInputSchema.safeParse({ ...a, agencyId: 'x' });
        expect(parsed.success, `${today} ${a.number}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(a.signedOn <= a.validFrom).toBe(true);
      }
      for (const o of c.obligations) {
        expect(acronyms.has(foldAcronym(o.beneficiaryAcronym)), o.beneficiaryAcronym).toBe(true);
        expect(c.reports.some((r) => r.name === o.reportName), o.reportName).toBe(true);
        expect(obligationInputSchema.safeParse({ ...o, reportId: 'r', beneficiaryAgencyId: 'a' }).success).toBe(true);
        expect(o.startsOn <= today).toBe(true);
      }
    }
  });

  it('always shows one agreement vencido and one por vencer; the rest vigente', () => {
    for (const today of TODAYS) {
      const { agencies, agreements } = materialise(today);
      const statuses = agreements.map((a) => [agencies.find((g) => g.id === a.agencyId)?.acronym, agreementStatus(a, today, 30)]);
      expect(statuses.filter(([, s]) => s === 'vencido'), today).toEqual([['OCIGO', 'vencido']]);
      expect(statuses.filter(([, s]) => s === 'por_vencer'), today).toEqual([['IMO', 'por_vencer']]);
      expect(statuses.filter(([, s]) => s === 'no_iniciado'), today).toEqual([]);
      // Even with a long warning window the dated ones that should look healthy do.
      expect(agreements.filter((a) => agreementStatus(a, today, 60) === 'por_vencer')).toHaveLength(1);
    }
  });

  it('every beneficiary of an obligation may receive today', () => {
    for (const today of TODAYS) {
      const { c, byAcronym, agreements } = materialise(today);
      for (const o of c.obligations) {
        const agency = byAcronym.get(o.beneficiaryAcronym);
        expect(agency && checkMayReceive(agency, agreements, today).ok, `${today} ${o.beneficiaryAcronym}`).toBe(true);
      }
      const ocigo = byAcronym.get('OCIGO');
      const refused = ocigo && checkMayReceive(ocigo, agreements, today);
      expect(refused && !refused.ok && refused.message).toMatch(/venció el/);
    }
  });

  it('has overdue periods (the FESE and the cyber report to the CNI among them) when nothing was delivered', () => {
    for (const today of TODAYS) {
      const c = exampleCatalogue(today);
      const periods = c.obligations.flatMap((o, i) => periodsFor({ ...o, id: `ob-${i}` }, today, new Map()).map((p) => ({ ...p, o })));
      const overdue = periods.filter((p) => p.status === 'vencido');
      expect(overdue.some((p) => p.o.reportName === EXAMPLE_REPORT_NAMES.incidencia911 && p.o.beneficiaryAcronym === 'CNI'), today).toBe(true);
      expect(overdue.some((p) => p.o.reportName === EXAMPLE_REPORT_NAMES.cibernetica && p.o.beneficiaryAcronym === 'GN-DC'), today).toBe(true);
      // Not everything is overdue: the current periods are pending.
      expect(periods.some((p) => p.status === 'pendiente')).toBe(true);
      // The oldest owed period starts only a few months back.
      expect(Math.min(...periods.map((p) => civilParts(p.start).year * 12 + civilParts(p.start).month))).toBeGreaterThanOrEqual(
        civilParts(today).year * 12 + civilParts(today).month - 12,
      );
    }
  });

  it('returns fresh objects each call', () => {
    const a = exampleCatalogue('2026-11-23');
    a.agencies[0]!.recipients!.push({ fullName: 'X', position: 'Y' });
    a.reports[0]!.name = 'cambiado';
    const b = exampleCatalogue('2026-11-23');
    expect(b.agencies[0]?.recipients).toHaveLength(1);
    expect(b.reports[0]?.name).toBe(EXAMPLE_REPORT_NAMES.incidencia911);
  });
});
