/**
 * Comunicación Social's annual programme (docs/DOMAIN.md, «Programa anual de
 * comunicación»): one programme per year in its own vault document, its
 * calendar, its .ics export and the planned-versus-done report. Who may call
 * each operation is declared per channel in the contract; every change is
 * one audit entry.
 *
 * Releases are another service's. This one sees them only through
 * `ReleaseCalendarSource`, a narrow port the release service implements
 * (release-calendar.ts), so the programme never reads release records.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../shared/domain/audit';
import {
  calendarMonth,
  periodOf,
  complianceReport,
  describeRule,
  MAX_ACTIVITIES,
  MAX_DATES,
  MAX_GOALS,
  PROGRAMME_RELEASE_KINDS,
  activityInputSchema,
  goalInputSchema,
  programmeDateInputSchema,
  DATE_STATUS_LABELS,
  PROGRAMME_RELEASE_KIND_LABELS,
  type CalendarMonth,
  type CalendarRelease,
  type CivilDay,
  type ComplianceReport,
  type ParsedActivityInput,
  type ParsedGoalInput,
  type ParsedProgrammeDateInput,
  type Programme,
  type ProgrammeReleaseKind,
} from '../../../shared/domain/programme';
import type { ExampleCounts, ProgrammeView } from '../../../shared/domain/programme-views';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules/civil-date';
import type { FormInputs, FormName } from '../documents/forms';
import { renderForm } from '../documents/render-on-demand';
import { officeInfo } from '../media/shipment-form-inputs';
import { programmeDoc, programmeYearsDoc } from '../vault/documents';
import { EXAMPLE_ACTIVITIES, EXAMPLE_DATES, EXAMPLE_GOALS, EXAMPLE_PROPOSALS, EXAMPLE_TITLE, EXAMPLE_YEAR } from './programme-example';
import { programmeIcs } from './programme-ics';
import { complianceCsv, complianceFileName, dateSpan, goalConcept, goalStatus, periodLabel } from './programme-report';

/**
 * A release as the release service reports it to the calendar: its times
 * are ISO instants (the calendar takes their civil day in the office's zone)
 * and its kind is one of PROGRAMME_RELEASE_KINDS (anything else counts as
 * «otro»). `programmeDateId` names the programme date a release answers, when
 * the release form lets the clerk pick one.
 */
export interface ReleaseCalendarEntry {
  id: string;
  folio: string | null;
  title: string;
  kind: string;
  plannedAt: string | null;
  publishedAt: string | null;
  state: string;
  programmeDateId?: string | null;
}

/** The port the release service plugs into: releases planned or published on the civil days `from`..`to` (inclusive). */
export interface ReleaseCalendarSource {
  releasesBetween(ws: Workspace, from: CivilDay, to: CivilDay): Promise<ReleaseCalendarEntry[]>;
}

/** No releases: for tests of the programme alone. */
export const NO_RELEASES: ReleaseCalendarSource = { releasesBetween: async () => [] };

export interface Download {
  fileName: string;
  mediaType: string;
  base64: string;
}

const MAX_RANGE_DAYS = 3 * 366;

function isKind(kind: string): kind is ProgrammeReleaseKind {
  return (PROGRAMME_RELEASE_KINDS as readonly string[]).includes(kind);
}

export class ProgrammeService {
  constructor(
    private readonly clock: () => Date,
    private readonly releases: ReleaseCalendarSource = NO_RELEASES,
    private readonly render: <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer> = renderForm,
  ) {}

  private today(): CivilDay {
    return todayInOffice(this.clock());
  }

  private async years(ws: Workspace): Promise<number[]> {
    return [...(await programmeYearsDoc(ws.vault)).data.years].sort((a, b) => b - a);
  }

  private async existing(ws: Workspace, year: number): Promise<Programme | null> {
    return (await this.years(ws)).includes(year) ? (await programmeDoc(ws.vault, year)).data : null;
  }

  async get(ws: Workspace, year: number): Promise<ProgrammeView> {
    const years = await this.years(ws);
    const programme = (await programmeDoc(ws.vault, year)).data;
    const example = years.includes(EXAMPLE_YEAR) ? (await programmeDoc(ws.vault, EXAMPLE_YEAR)).data : null;
    const exampleLoaded = !!example && [...example.activities, ...example.dates, ...example.goals].some((r) => r.example);
    return { programme, exists: years.includes(year), years, exampleLoaded, ruleTexts: Object.fromEntries(programme.dates.map((d) => [d.id, describeRule(d.rule)])) };
  }

  /** Writes one year's programme and records the year in the index; `change` returns what the audit entry says. */
  private async change(ws: Workspace, actor: User, year: number, action: AuditAction, change: (p: Programme) => { subject: string; details?: Record<string, string | number> }): Promise<Programme> {
    const doc = await programmeDoc(ws.vault, year);
    const next = structuredClone(doc.data);
    const said = change(next);
    if (next.activities.length > MAX_ACTIVITIES) throw new AppError('CONFLICT', `El programa admite como máximo ${MAX_ACTIVITIES} actividades.`);
    if (next.dates.length > MAX_DATES) throw new AppError('CONFLICT', `El programa admite como máximo ${MAX_DATES} fechas.`);
    if (next.goals.length > MAX_GOALS) throw new AppError('CONFLICT', `El programa admite como máximo ${MAX_GOALS} metas.`);
    next.updatedAt = this.clock().toISOString();
    const previous = doc.data;
    doc.data = next;
    try {
      await doc.write();
    } catch (e) {
      // The shared instance must not keep a change that never reached the disk.
      doc.data = previous;
      throw e;
    }
    const index = await programmeYearsDoc(ws.vault);
    if (!index.data.years.includes(year)) await index.update((d) => void d.years.push(year));
    await ws.audit.record(action, actorOf(actor), said.subject, { año: year, ...said.details });
    return next;
  }

  private static find<T extends { id: string }>(list: T[], id: string, what: string): number {
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) throw new AppError('NOT_FOUND', `El programa no tiene ${what}.`);
    return i;
  }

  saveActivity(ws: Workspace, actor: User, year: number, activityId: string | undefined, input: ParsedActivityInput): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.activity_saved', (p) => {
      if (input.dates.some((d) => !d.startsWith(`${year}-`))) throw new AppError('VALIDATION', `Las fechas de las actividades de este programa deben ser de ${year}.`);
      if (activityId === undefined) p.activities.push({ ...input, id: randomUUID(), example: false });
      else {
        const i = ProgrammeService.find(p.activities, activityId, 'esa actividad');
        p.activities[i] = { ...input, id: activityId, example: p.activities[i]!.example };
      }
      return { subject: `Actividad «${input.activity}»`, details: { tiempo: input.timing } };
    });
  }

  removeActivity(ws: Workspace, actor: User, year: number, activityId: string): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.activity_removed', (p) => {
      const [removed] = p.activities.splice(ProgrammeService.find(p.activities, activityId, 'esa actividad'), 1);
      return { subject: `Actividad «${removed!.activity}»` };
    });
  }

  saveDate(ws: Workspace, actor: User, year: number, dateId: string | undefined, input: ParsedProgrammeDateInput): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.date_saved', (p) => {
      if (movableOutsideYear(input, year)) throw new AppError('VALIDATION', `Las fechas móviles de este programa deben ser de ${year}.`);
      if (dateId === undefined) p.dates.push({ ...input, id: randomUUID(), example: false });
      else {
        const i = ProgrammeService.find(p.dates, dateId, 'esa fecha');
        p.dates[i] = { ...input, id: dateId, example: p.dates[i]!.example };
      }
      return { subject: `Fecha «${input.title}»`, details: { regla: describeRule(input.rule) } };
    });
  }

  removeDate(ws: Workspace, actor: User, year: number, dateId: string): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.date_removed', (p) => {
      const [removed] = p.dates.splice(ProgrammeService.find(p.dates, dateId, 'esa fecha'), 1);
      return { subject: `Fecha «${removed!.title}»` };
    });
  }

  saveGoal(ws: Workspace, actor: User, year: number, goalId: string | undefined, input: ParsedGoalInput): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.goal_saved', (p) => {
      if (goalId === undefined) p.goals.push({ ...input, id: randomUUID(), example: false });
      else {
        const i = ProgrammeService.find(p.goals, goalId, 'esa meta');
        p.goals[i] = { ...input, id: goalId, example: p.goals[i]!.example };
      }
      return { subject: `Meta: ${input.count} ${PROGRAMME_RELEASE_KIND_LABELS[input.kind]} ${input.period === 'mes' ? 'al mes' : 'al año'}` };
    });
  }

  removeGoal(ws: Workspace, actor: User, year: number, goalId: string): Promise<Programme> {
    return this.change(ws, actor, year, 'programme.goal_removed', (p) => {
      const [removed] = p.goals.splice(ProgrammeService.find(p.goals, goalId, 'esa meta'), 1);
      return { subject: `Meta: ${removed!.count} ${PROGRAMME_RELEASE_KIND_LABELS[removed!.kind]}` };
    });
  }

  /** Adds the SLP 2021 programme to the year 2021 in one write, each record marked as example; what the office wrote in that year stays. */
  async loadExample(ws: Workspace, actor: User): Promise<ExampleCounts> {
    const current = await this.get(ws, EXAMPLE_YEAR);
    if (current.exampleLoaded) throw new AppError('CONFLICT', 'El programa de ejemplo ya está cargado.');
    const activities = [...EXAMPLE_ACTIVITIES, ...EXAMPLE_PROPOSALS].map((a) => ({ ...activityInputSchema.parse(a), id: randomUUID(), example: true }));
    const dates = EXAMPLE_DATES.map((d) => ({ ...programmeDateInputSchema.parse(d), id: randomUUID(), example: true }));
    const goals = EXAMPLE_GOALS.map((g) => ({ ...goalInputSchema.parse(g), id: randomUUID(), example: true }));
    const counts = { year: EXAMPLE_YEAR, activities: activities.length, dates: dates.length, goals: goals.length };
    await this.change(ws, actor, EXAMPLE_YEAR, 'programme.example_loaded', (p) => {
      if (!current.exists) p.title = EXAMPLE_TITLE;
      p.activities.push(...activities);
      p.dates.push(...dates);
      p.goals.push(...goals);
      return { subject: `Programa de ejemplo SLP ${EXAMPLE_YEAR}`, details: { actividades: counts.activities, fechas: counts.dates, metas: counts.goals } };
    });
    return counts;
  }

  /** Removes only the records the example added. */
  async removeExample(ws: Workspace, actor: User): Promise<ExampleCounts> {
    const current = await this.get(ws, EXAMPLE_YEAR);
    if (!current.exampleLoaded) throw new AppError('CONFLICT', 'El programa de ejemplo no está cargado.');
    const p0 = current.programme;
    const counts = { year: EXAMPLE_YEAR, activities: p0.activities.filter((a) => a.example).length, dates: p0.dates.filter((d) => d.example).length, goals: p0.goals.filter((g) => g.example).length };
    await this.change(ws, actor, EXAMPLE_YEAR, 'programme.example_removed', (p) => {
      p.activities = p.activities.filter((a) => !a.example);
      p.dates = p.dates.filter((d) => !d.example);
      p.goals = p.goals.filter((g) => !g.example);
      if (p.title === EXAMPLE_TITLE) p.title = `Programa anual de comunicación ${EXAMPLE_YEAR}`;
      return { subject: `Programa de ejemplo SLP ${EXAMPLE_YEAR}`, details: { actividades: counts.activities, fechas: counts.dates, metas: counts.goals } };
    });
    return counts;
  }

  /** The port's releases as the calendar sees them: civil days in the office's zone, kinds folded into the programme's. */
  private async releasesBetween(ws: Workspace, from: CivilDay, to: CivilDay): Promise<CalendarRelease[]> {
    const raw = await this.releases.releasesBetween(ws, from, to);
    return raw.map((r) => ({
      id: r.id,
      folio: r.folio,
      title: r.title,
      kind: isKind(r.kind) ? r.kind : 'otro',
      plannedOn: r.plannedAt ? todayInOffice(new Date(r.plannedAt)) : null,
      publishedOn: r.publishedAt ? todayInOffice(new Date(r.publishedAt)) : null,
      state: r.state,
      programmeDateId: r.programmeDateId ?? null,
    }));
  }

  async calendar(ws: Workspace, year: number, month: number): Promise<CalendarMonth> {
    const { from, to } = periodOf(year, month);
    return calendarMonth(await this.existing(ws, year), await this.releasesBetween(ws, from, to), year, month);
  }

  async report(ws: Workspace, year: number, month: number | null): Promise<ComplianceReport> {
    return complianceReport(await this.existing(ws, year), await this.releasesBetween(ws, `${year}-01-01`, `${year}-12-31`), year, month, this.today());
  }

  /** The calendar of a range (a year by default) as iCalendar; audited like every export. */
  async exportIcs(ws: Workspace, actor: User, from: CivilDay, to: CivilDay): Promise<Download> {
    if (to < from) throw new AppError('VALIDATION', 'El fin del periodo no puede ser anterior a su inicio.');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw new AppError('VALIDATION', 'El calendario se exporta por periodos de hasta tres años.');
    const programmes: Programme[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
      const p = await this.existing(ws, y);
      if (p) programmes.push(p);
    }
    const releases = await this.releasesBetween(ws, from, to);
    const office = ws.office.data;
    const text = programmeIcs({ programmes, releases, from, to, now: this.clock(), calendarName: `Comunicación Social${office.acronym ? ` ${office.acronym}` : ''}: programa anual` });
    const fileName = from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31') ? `calendario-programa-${from.slice(0, 4)}.ics` : `calendario-programa-${from}-al-${to}.ics`;
    await ws.audit.record('programme.exported', actorOf(actor), `Calendario del programa ${from} al ${to} (.ics)`, { formato: 'iCalendar', desde: from, hasta: to });
    return { fileName, mediaType: 'text/calendar', base64: Buffer.from(text, 'utf8').toString('base64') };
  }

  async reportCsv(ws: Workspace, actor: User, year: number, month: number | null): Promise<Download> {
    const report = await this.report(ws, year, month);
    await ws.audit.record('programme.exported', actorOf(actor), `Cumplimiento del programa, ${periodLabel(report)} (CSV)`, { formato: 'CSV', año: year, ...(month ? { mes: month } : {}) });
    return { fileName: complianceFileName(report, 'csv'), mediaType: 'text/csv', base64: Buffer.from(complianceCsv(report), 'utf8').toString('base64') };
  }

  async reportPdf(ws: Workspace, actor: User, year: number, month: number | null): Promise<Download> {
    const report = await this.report(ws, year, month);
    const programme = await this.existing(ws, year);
    const pdf = await this.render('programmeCompliance', {
      office: officeInfo(ws),
      programmeTitle: programme?.title ?? `Programa anual de comunicación ${year}`,
      period: periodLabel(report),
      today: report.today,
      goals: report.goals.map((g) => ({ concept: goalConcept(g), expected: g.expected, published: g.published, planned: g.planned, status: goalStatus(g), met: g.met })),
      dates: report.dates.map((d) => ({ title: d.label ? `${d.title} - ${d.label}` : d.title, when: dateSpan(d), status: DATE_STATUS_LABELS[d.status], releases: d.releases.join(', ') })),
      publishedByKind: report.publishedByKind.map((k) => ({ kind: PROGRAMME_RELEASE_KIND_LABELS[k.kind], count: k.count })),
      printedAt: this.clock().toISOString(),
      printedBy: { fullName: actor.fullName, position: actor.position },
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await ws.audit.record('document.printed', actorOf(actor), `Cumplimiento del programa, ${periodLabel(report)}`, { formato: 'Cumplimiento del programa anual', año: year, ...(month ? { mes: month } : {}), sha256 });
    return { fileName: complianceFileName(report, 'pdf'), mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }
}

/** A movable date entered for another year would never show in this programme's calendar. */
function movableOutsideYear(input: ParsedProgrammeDateInput, year: number): boolean {
  return input.rule.kind === 'movil' && input.rule.dates.some((d) => d.year !== year);
}
