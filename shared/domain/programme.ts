/**
 * Comunicación Social's annual programme (docs/DOMAIN.md, «Programa anual de
 * comunicación»), after the «Programa Anual de Comunicación Social 2021» of
 * the Secretariado Ejecutivo del Consejo Estatal de Seguridad Pública of San
 * Luis Potosí: its activities (activity, strategy, expected result, timing),
 * the dates that recur through the year and the goals counted per period.
 *
 * Dates are civil days `YYYY-MM-DD` (no time, no zone): a commemoration is
 * the whole of its day in the office, whatever the workstation's zone. All
 * arithmetic works on `Date.UTC` day numbers, so no DST can shift a date.
 */
import { z } from 'zod';

export type CivilDay = string;

// ---- activities -------------------------------------------------------------

export const ACTIVITY_TIMINGS = ['permanente', 'variable', 'fechas'] as const;
export type ActivityTiming = (typeof ACTIVITY_TIMINGS)[number];
export const ACTIVITY_TIMING_LABELS: Record<ActivityTiming, string> = {
  permanente: 'Permanente',
  variable: 'Variable',
  fechas: 'En fechas específicas',
};

// ---- recurring dates ----------------------------------------------------------

export const DATE_RULE_KINDS = ['anual', 'mensual', 'movil', 'rotativa'] as const;
export type DateRuleKind = (typeof DATE_RULE_KINDS)[number];
export const DATE_RULE_KIND_LABELS: Record<DateRuleKind, string> = {
  anual: 'Cada año',
  mensual: 'Cada mes',
  movil: 'Fecha móvil (se captura cada año)',
  rotativa: 'Rotativa por mes',
};

export const MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;

/**
 * How a date recurs.
 * - `anual`: the same day and month every year (5 Feb). A rule on 29 Feb
 *   occurs only in leap years: a commemoration is of its day, and moving it
 *   to 28 Feb would put it on a day that commemorates something else.
 * - `mensual`: the same day of every month (the 25th, «Día Naranja»). In a
 *   month without that day (the 31st in April, the 29th–31st in February)
 *   it falls on the month's last day: a monthly duty is owed once every month.
 * - `movil`: dates that move from year to year (Semana Santa), entered per
 *   year as a span of days; a year without an entry has no occurrence («por
 *   definir»).
 * - `rotativa`: one item per month, naming who or where («Cobertura de sesión
 *   de CMSP» in Zona Centro in January, Altiplano in February…). The source
 *   gives no day, so an occurrence spans its whole month; the same months
 *   apply in every year the rule is asked about.
 */
export type DateRule =
  | { kind: 'anual'; month: number; day: number }
  | { kind: 'mensual'; day: number }
  | { kind: 'movil'; dates: Array<{ year: number; start: CivilDay; end: CivilDay }> }
  | { kind: 'rotativa'; entries: Array<{ month: number; label: string }> };

/** One day (or span of days) a rule falls on; `end` is inclusive. */
export interface Occurrence {
  start: CivilDay;
  end: CivilDay;
  /** Only for `rotativa`: the month's item («Zona Centro»). */
  label: string | null;
  /** True for a `rotativa` occurrence: «during the month», no day known. */
  wholeMonth: boolean;
}

// ---- goals ---------------------------------------------------------------------

/**
 * The kinds of release a goal counts. The release service (being built) keeps
 * its own kinds; its calendar port reports each release under one of these
 * keys (docs/DOMAIN.md says how they map).
 */
export const PROGRAMME_RELEASE_KINDS = ['boletin', 'postura', 'redes', 'transmision', 'capsula', 'campana', 'otro'] as const;
export type ProgrammeReleaseKind = (typeof PROGRAMME_RELEASE_KINDS)[number];
export const PROGRAMME_RELEASE_KIND_LABELS: Record<ProgrammeReleaseKind, string> = {
  boletin: 'Boletín de prensa',
  postura: 'Postura institucional',
  redes: 'Publicación en redes sociales',
  transmision: 'Transmisión en vivo',
  capsula: 'Cápsula informativa',
  campana: 'Campaña',
  otro: 'Otra difusión',
};

export const GOAL_PERIODS = ['mes', 'anio'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];
export const GOAL_PERIOD_LABELS: Record<GoalPeriod, string> = { mes: 'al mes', anio: 'al año' };

// ---- input schemas --------------------------------------------------------------

const CIVIL_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const civilDayField = (what: string) =>
  z
    .string({ error: `Escriba ${what}.` })
    .regex(CIVIL_RE, `Escriba ${what} como día/mes/año.`)
    .refine((v) => isCivilDay(v), `${what[0]?.toUpperCase()}${what.slice(1)} no existe en el calendario.`);

const text = (what: string, max: number) => z.string({ error: `Escriba ${what}.` }).trim().min(1, `Escriba ${what}.`).max(max, `${what[0]?.toUpperCase()}${what.slice(1)} admite como máximo ${max} caracteres.`);
const optionalText = (what: string, max: number) => z.string().trim().max(max, `${what[0]?.toUpperCase()}${what.slice(1)} admite como máximo ${max} caracteres.`).default('');

export const MAX_ACTIVITIES = 100;
export const MAX_DATES = 200;
export const MAX_GOALS = 50;
const MAX_MOVABLE_YEARS = 20;

export const programmeYearSchema = z.number({ error: 'Elija el año del programa.' }).int('El año debe ser un número entero.').min(2000, 'El año debe estar entre 2000 y 2100.').max(2100, 'El año debe estar entre 2000 y 2100.');

const monthSchema = z.number({ error: 'Elija el mes.' }).int().min(1, 'El mes debe estar entre 1 y 12.').max(12, 'El mes debe estar entre 1 y 12.');
const daySchema = z.number({ error: 'Escriba el día.' }).int('El día debe ser un número entero.').min(1, 'El día debe estar entre 1 y 31.').max(31, 'El día debe estar entre 1 y 31.');

export const activityInputSchema = z
  .object({
    activity: text('la actividad', 500),
    strategy: optionalText('la estrategia', 2000),
    expectedResults: z.array(text('el resultado esperado', 500)).max(20, 'Una actividad admite como máximo 20 resultados.').default([]),
    timing: z.enum(ACTIVITY_TIMINGS, { error: 'Elija el tiempo de la actividad.' }),
    /** Only for `fechas`. */
    dates: z.array(civilDayField('la fecha')).max(60, 'Una actividad admite como máximo 60 fechas.').default([]),
  })
  .strict()
  .refine((a) => a.timing !== 'fechas' || a.dates.length > 0, { path: ['dates'], message: 'Escriba al menos una fecha para una actividad en fechas específicas.' })
  .transform((a) => ({ ...a, dates: a.timing === 'fechas' ? [...new Set(a.dates)].sort() : [] }));
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ParsedActivityInput = z.output<typeof activityInputSchema>;

export const dateRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({ kind: z.literal('anual'), month: monthSchema, day: daySchema })
      .strict()
      .refine((r) => r.day <= daysInMonth(2024, r.month), { path: ['day'], message: 'Ese día no existe en ese mes.' }),
    z.object({ kind: z.literal('mensual'), day: daySchema }).strict(),
    z
      .object({
        kind: z.literal('movil'),
        dates: z
          .array(
            z
              .object({ year: programmeYearSchema, start: civilDayField('el primer día'), end: civilDayField('el último día') })
              .strict()
              .refine((d) => d.end >= d.start, { path: ['end'], message: 'El último día no puede ser anterior al primero.' })
              .refine((d) => Number(d.start.slice(0, 4)) === d.year, { path: ['start'], message: 'El primer día debe caer en el año que se captura.' })
              .refine((d) => dayNumber(d.end) - dayNumber(d.start) <= 92, { path: ['end'], message: 'Una fecha móvil abarca como máximo tres meses.' }),
          )
          .max(MAX_MOVABLE_YEARS, `Una fecha móvil admite como máximo ${MAX_MOVABLE_YEARS} años capturados.`)
          .refine((ds) => new Set(ds.map((d) => d.year)).size === ds.length, 'Cada año se captura una sola vez.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('rotativa'),
        entries: z
          .array(z.object({ month: monthSchema, label: text('a quién o dónde toca ese mes', 200) }).strict())
          .min(1, 'Escriba al menos un mes de la rotación.')
          .max(12, 'La rotación admite un renglón por mes.')
          .refine((es) => new Set(es.map((e) => e.month)).size === es.length, 'Cada mes aparece una sola vez en la rotación.'),
      })
      .strict(),
  ],
  { error: 'Elija cómo se repite la fecha.' },
);

export const programmeDateInputSchema = z
  .object({
    title: text('el nombre de la fecha', 300),
    /** What the office does on the day (the source's footnotes: «Publicación en redes sociales…»). */
    note: optionalText('la acción', 1000),
    rule: dateRuleSchema,
  })
  .strict();
export type ProgrammeDateInput = z.input<typeof programmeDateInputSchema>;
export type ParsedProgrammeDateInput = z.output<typeof programmeDateInputSchema>;

export const goalInputSchema = z
  .object({
    kind: z.enum(PROGRAMME_RELEASE_KINDS, { error: 'Elija el tipo de difusión que cuenta la meta.' }),
    count: z.number({ error: 'Escriba cuántas.' }).int('La cantidad debe ser un número entero.').min(1, 'La meta debe pedir al menos una difusión.').max(1000, 'La meta admite como máximo 1000 difusiones.'),
    period: z.enum(GOAL_PERIODS, { error: 'Elija si la meta es al mes o al año.' }),
    description: optionalText('la descripción', 500),
  })
  .strict();
export type GoalInput = z.input<typeof goalInputSchema>;
export type ParsedGoalInput = z.output<typeof goalInputSchema>;

// ---- stored records --------------------------------------------------------------

interface ExampleMark {
  id: string;
  /** Added by «Cargar programa de ejemplo»; removing the example removes only these. */
  example: boolean;
}
export type ProgrammeActivity = ParsedActivityInput & ExampleMark;
export type ProgrammeDate = ParsedProgrammeDateInput & ExampleMark;
export type ProgrammeGoal = ParsedGoalInput & ExampleMark;

export interface Programme {
  year: number;
  title: string;
  activities: ProgrammeActivity[];
  dates: ProgrammeDate[];
  goals: ProgrammeGoal[];
  updatedAt: string | null;
}

export function emptyProgramme(year: number): Programme {
  return { year, title: `Programa anual de comunicación ${year}`, activities: [], dates: [], goals: [], updatedAt: null };
}

// ---- civil-day arithmetic ------------------------------------------------------

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function civilDay(year: number, month: number, day: number): CivilDay {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isCivilDay(value: string): boolean {
  const m = CIVIL_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(day: CivilDay): { year: number; month: number; day: number } {
  const m = CIVIL_RE.exec(day);
  if (!m || !isCivilDay(day)) throw new RangeError(`Not a civil day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function dayNumber(day: CivilDay): number {
  const p = parts(day);
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): CivilDay {
  const d = new Date(n * MS_PER_DAY);
  return civilDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(day: CivilDay, days: number): CivilDay {
  return fromDayNumber(dayNumber(day) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CivilDay): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Each (year, month) from `from`'s month to `to`'s, in order. */
function monthsBetween(from: CivilDay, to: CivilDay): Array<{ year: number; month: number }> {
  const a = parts(from);
  const b = parts(to);
  const out: Array<{ year: number; month: number }> = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month); m === 12 ? ((m = 1), (y += 1)) : (m += 1)) out.push({ year: y, month: m });
  return out;
}

function overlaps(o: Occurrence, from: CivilDay, to: CivilDay): boolean {
  return o.start <= to && o.end >= from;
}

/** The day a monthly rule on `day` falls on in a month: that day, or the month's last day when it has none. */
export function monthlyDay(year: number, month: number, day: number): CivilDay {
  return civilDay(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * Every occurrence of `rule` that touches the days `from`..`to` (both
 * inclusive), in order. An occurrence that spans days (a movable span, a
 * rotating month) is returned whole when any of its days is in range.
 */
export function occurrences(rule: DateRule, from: CivilDay, to: CivilDay): Occurrence[] {
  if (to < from) return [];
  const out: Occurrence[] = [];
  const single = (d: CivilDay): Occurrence => ({ start: d, end: d, label: null, wholeMonth: false });
  switch (rule.kind) {
    case 'anual': {
      for (let y = parts(from).year; y <= parts(to).year; y += 1) {
        if (rule.day > daysInMonth(y, rule.month)) continue; // 29 Feb: leap years only
        out.push(single(civilDay(y, rule.month, rule.day)));
      }
      break;
    }
    case 'mensual':
      for (const { year, month } of monthsBetween(from, to)) out.push(single(monthlyDay(year, month, rule.day)));
      break;
    case 'movil':
      for (const d of [...rule.dates].sort((a, b) => a.start.localeCompare(b.start))) out.push({ start: d.start, end: d.end, label: null, wholeMonth: false });
      break;
    case 'rotativa': {
      const byMonth = new Map(rule.entries.map((e) => [e.month, e.label]));
      for (const { year, month } of monthsBetween(from, to)) {
        const label = byMonth.get(month);
        if (label !== undefined) out.push({ start: civilDay(year, month, 1), end: civilDay(year, month, daysInMonth(year, month)), label, wholeMonth: true });
      }
      break;
    }
  }
  return out.filter((o) => overlaps(o, from, to));
}

/** How a rule reads on the programme's page: «Cada año, 5 de febrero», «Cada mes, día 25 (o el último día)». */
export function describeRule(rule: DateRule): string {
  switch (rule.kind) {
    case 'anual':
      return `Cada año, ${rule.day} de ${MONTH_NAMES[rule.month - 1]}${rule.month === 2 && rule.day === 29 ? ' (sólo en años bisiestos)' : ''}`;
    case 'mensual':
      return `Cada mes, día ${rule.day}${rule.day > 28 ? ' (o el último día del mes si no lo tiene)' : ''}`;
    case 'movil':
      return rule.dates.length === 0 ? 'Fecha móvil: por definir' : `Fecha móvil: ${rule.dates.map((d) => (d.start === d.end ? formatDay(d.start) : `${formatDay(d.start)} al ${formatDay(d.end)}`)).join('; ')}`;
    case 'rotativa':
      return `Rotativa: ${[...rule.entries].sort((a, b) => a.month - b.month).map((e) => `${MONTH_NAMES[e.month - 1]} ${e.label}`).join(', ')}`;
  }
}

/** dd/mm/aaaa, es-MX, from a civil day. */
export function formatDay(day: CivilDay): string {
  const p = parts(day);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

export function monthTitle(year: number, month: number): string {
  const name = MONTH_NAMES[month - 1] ?? '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} de ${year}`;
}

// ---- views over the port's releases ------------------------------------------

/** A release as the calendar and the report see it (the release service's port, see programme-service.ts). */
export interface CalendarRelease {
  id: string;
  folio: string | null;
  title: string;
  kind: ProgrammeReleaseKind;
  /** Civil day it is planned for (office zone). */
  plannedOn: CivilDay | null;
  /** Civil day it was published (office zone); null while not published. */
  publishedOn: CivilDay | null;
  state: string;
  /** The programme date it answers, when the release names one. */
  programmeDateId: string | null;
}

export interface CalendarDateItem {
  dateId: string;
  title: string;
  note: string;
  ruleKind: DateRuleKind;
  occurrence: Occurrence;
}

export interface CalendarDay {
  day: CivilDay;
  dates: CalendarDateItem[];
  /** Activities «en fechas específicas» that fall on the day. */
  activities: Array<{ activityId: string; activity: string }>;
  planned: CalendarRelease[];
  published: CalendarRelease[];
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** Whether a programme exists for that year. */
  hasProgramme: boolean;
  /** Items that span the month without a day (rotating CMSP coverage). */
  monthItems: CalendarDateItem[];
  days: CalendarDay[];
}

// ---- planned versus done ---------------------------------------------------------

export type DateStatus = 'cumplida' | 'planeada' | 'sin_difusion' | 'proxima';
export const DATE_STATUS_LABELS: Record<DateStatus, string> = {
  cumplida: 'Cumplida',
  planeada: 'Difusión planeada',
  sin_difusion: 'Sin difusión',
  proxima: 'Próxima',
};

export interface GoalRow {
  goalId: string;
  kind: ProgrammeReleaseKind;
  description: string;
  period: GoalPeriod;
  /** The goal as written: `count` per `period`. */
  count: number;
  /** How many the goal asks for over the report's period (a monthly goal × the months in it). */
  expected: number;
  published: number;
  planned: number;
  /** For a monthly goal over a year: the months whose own count met it, of those already ended or current. */
  monthsMet: number | null;
  monthsCounted: number | null;
  met: boolean;
}

export interface DateRow {
  dateId: string;
  title: string;
  start: CivilDay;
  end: CivilDay;
  label: string | null;
  status: DateStatus;
  /** Folios (or titles) of the releases published for it. */
  releases: string[];
}

export interface ComplianceReport {
  year: number;
  /** null: the whole year. */
  month: number | null;
  from: CivilDay;
  to: CivilDay;
  today: CivilDay;
  hasProgramme: boolean;
  goals: GoalRow[];
  dates: DateRow[];
  /** Published releases in the period by kind, whether a goal counts them or not. */
  publishedByKind: Array<{ kind: ProgrammeReleaseKind; count: number }>;
}

export function periodOf(year: number, month: number | null): { from: CivilDay; to: CivilDay } {
  return month === null ? { from: civilDay(year, 1, 1), to: civilDay(year, 12, 31) } : { from: civilDay(year, month, 1), to: civilDay(year, month, daysInMonth(year, month)) };
}

const inRange = (d: CivilDay | null, from: CivilDay, to: CivilDay): d is CivilDay => d !== null && d >= from && d <= to;

/** A date is answered by a published release that names it and falls in its span, or (naming none) was published on one of its days. */
function answers(r: CalendarRelease, dateId: string, o: Occurrence, onDay: CivilDay | null): boolean {
  if (!inRange(onDay, o.start, o.end)) return false;
  return r.programmeDateId === null || r.programmeDateId === dateId;
}

/** The planned-versus-done comparison of a month or a year. Pure: the service passes the releases and today. */
export function complianceReport(programme: Programme | null, releases: readonly CalendarRelease[], year: number, month: number | null, today: CivilDay): ComplianceReport {
  const { from, to } = periodOf(year, month);
  const published = releases.filter((r) => inRange(r.publishedOn, from, to));
  const plannedOnly = releases.filter((r) => r.publishedOn === null && inRange(r.plannedOn, from, to));
  const countOf = (list: readonly CalendarRelease[], kind: ProgrammeReleaseKind, a: CivilDay, b: CivilDay, on: (r: CalendarRelease) => CivilDay | null) => list.filter((r) => r.kind === kind && inRange(on(r), a, b)).length;

  const goals: GoalRow[] = (programme?.goals ?? []).map((g) => {
    const months = month === null ? 12 : 1;
    const expected = g.period === 'mes' ? g.count * months : g.count;
    const pub = countOf(published, g.kind, from, to, (r) => r.publishedOn);
    const plan = countOf(plannedOnly, g.kind, from, to, (r) => r.plannedOn);
    let monthsMet: number | null = null;
    let monthsCounted: number | null = null;
    if (g.period === 'mes' && month === null) {
      monthsMet = 0;
      monthsCounted = 0;
      for (let m = 1; m <= 12; m += 1) {
        const p = periodOf(year, m);
        if (p.from > today) break;
        monthsCounted += 1;
        if (countOf(published, g.kind, p.from, p.to, (r) => r.publishedOn) >= g.count) monthsMet += 1;
      }
    }
    // A monthly goal over a year is met when every month was; counting the year's total alone would let a busy month hide an empty one.
    const met = monthsMet !== null ? monthsMet === 12 : pub >= expected;
    return { goalId: g.id, kind: g.kind, description: g.description, period: g.period, count: g.count, expected, published: pub, planned: plan, monthsMet, monthsCounted, met };
  });

  const dates: DateRow[] = [];
  for (const d of programme?.dates ?? []) {
    for (const o of occurrences(d.rule, from, to)) {
      const done = releases.filter((r) => answers(r, d.id, o, r.publishedOn));
      const planned = releases.filter((r) => r.publishedOn === null && answers(r, d.id, o, r.plannedOn));
      const status: DateStatus = done.length > 0 ? 'cumplida' : planned.length > 0 ? 'planeada' : o.end < today ? 'sin_difusion' : 'proxima';
      dates.push({ dateId: d.id, title: d.title, start: o.start, end: o.end, label: o.label, status, releases: done.map((r) => r.folio ?? r.title) });
    }
  }
  dates.sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title, 'es-MX'));

  const publishedByKind = PROGRAMME_RELEASE_KINDS.map((kind) => ({ kind, count: published.filter((r) => r.kind === kind).length })).filter((k) => k.count > 0);
  return { year, month, from, to, today, hasProgramme: programme !== null, goals, dates, publishedByKind };
}

/** The calendar of one month: each day's programme dates and releases planned or published on it. */
export function calendarMonth(programme: Programme | null, releases: readonly CalendarRelease[], year: number, month: number): CalendarMonth {
  const { from, to } = periodOf(year, month);
  const items: CalendarDateItem[] = [];
  for (const d of programme?.dates ?? []) for (const o of occurrences(d.rule, from, to)) items.push({ dateId: d.id, title: d.title, note: d.note, ruleKind: d.rule.kind, occurrence: o });
  const days: CalendarDay[] = [];
  for (let n = 1; n <= daysInMonth(year, month); n += 1) {
    const day = civilDay(year, month, n);
    days.push({
      day,
      dates: items.filter((i) => !i.occurrence.wholeMonth && i.occurrence.start <= day && i.occurrence.end >= day),
      activities: (programme?.activities ?? []).filter((a) => a.timing === 'fechas' && a.dates.includes(day) && day.startsWith(`${programme?.year}-`)).map((a) => ({ activityId: a.id, activity: a.activity })),
      planned: releases.filter((r) => r.plannedOn === day && r.publishedOn !== day),
      published: releases.filter((r) => r.publishedOn === day),
    });
  }
  return { year, month, hasProgramme: programme !== null, monthItems: items.filter((i) => i.occurrence.wholeMonth), days };
}
