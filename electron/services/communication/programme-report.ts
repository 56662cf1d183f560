/**
 * The planned-versus-done report («Cumplimiento del programa») as CSV for
 * Excel (UTF-8 with BOM, like the public directory) and as the view model of
 * its paper form. The comparison itself is `complianceReport` in
 * shared/domain/programme.ts.
 */
import { DATE_STATUS_LABELS, formatDay, GOAL_PERIOD_LABELS, MONTH_NAMES, PROGRAMME_RELEASE_KIND_LABELS, type ComplianceReport, type GoalRow } from '../../../shared/domain/programme';
import { excelCsv } from '../csv/csv';

export const COMPLIANCE_COLUMNS = ['Sección', 'Concepto', 'Fecha o periodo', 'Meta', 'Publicadas', 'Planeadas', 'Estado', 'Difusiones'] as const;

export function periodLabel(report: Pick<ComplianceReport, 'year' | 'month'>): string {
  return report.month === null ? `Año ${report.year}` : `${MONTH_NAMES[report.month - 1]} de ${report.year}`;
}

export function goalConcept(g: GoalRow): string {
  return `${PROGRAMME_RELEASE_KIND_LABELS[g.kind]}: ${g.count} ${GOAL_PERIOD_LABELS[g.period]}${g.description ? ` (${g.description})` : ''}`;
}

export function goalStatus(g: GoalRow): string {
  if (g.monthsMet !== null) return `${g.met ? 'Cumplida' : 'No cumplida'}: ${g.monthsMet} de ${g.monthsCounted} meses transcurridos`;
  const missing = g.expected - g.published;
  return g.met ? 'Cumplida' : `${missing === 1 ? 'Falta' : 'Faltan'} ${missing}`;
}

export function dateSpan(d: { start: string; end: string; label: string | null }): string {
  if (d.label !== null) return `Todo el mes (${formatDay(d.start)} al ${formatDay(d.end)})`;
  return d.start === d.end ? formatDay(d.start) : `${formatDay(d.start)} al ${formatDay(d.end)}`;
}

export function complianceCsv(report: ComplianceReport): string {
  const period = periodLabel(report);
  const rows: Array<Array<string | number>> = [[...COMPLIANCE_COLUMNS]];
  for (const g of report.goals) rows.push(['Meta', goalConcept(g), period, g.expected, g.published, g.planned, goalStatus(g), '']);
  for (const d of report.dates) rows.push(['Fecha del programa', d.label ? `${d.title} - ${d.label}` : d.title, dateSpan(d), '', d.releases.length, '', DATE_STATUS_LABELS[d.status], d.releases.join('; ')]);
  for (const k of report.publishedByKind) rows.push(['Publicadas por tipo', PROGRAMME_RELEASE_KIND_LABELS[k.kind], period, '', k.count, '', '', '']);
  return excelCsv(rows);
}

export function complianceFileName(report: Pick<ComplianceReport, 'year' | 'month'>, ext: 'csv' | 'pdf'): string {
  return `cumplimiento-programa-${report.year}${report.month === null ? '' : `-${String(report.month).padStart(2, '0')}`}.${ext}`;
}
