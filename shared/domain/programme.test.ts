import { describe, expect, it } from 'vitest';
import {
  activityInputSchema,
  addDays,
  calendarMonth,
  complianceReport,
  dateRuleSchema,
  describeRule,
  goalInputSchema,
  occurrences,
  programmeDateInputSchema,
  weekday,
  type CalendarRelease,
  type DateRule,
  type Programme,
} from './programme';

const starts = (rule: DateRule, from: string, to: string) => occurrences(rule, from, to).map((o) => o.start);

describe('occurrences of a yearly rule', () => {
  it('falls on its day each year of the range, inclusive at both ends', () => {
    const rule: DateRule = { kind: 'anual', month: 2, day: 5 };
    expect(starts(rule, '2021-01-01', '2021-12-31')).toEqual(['2021-02-05']);
    expect(starts(rule, '2021-02-05', '2021-02-05')).toEqual(['2021-02-05']);
    expect(starts(rule, '2021-02-06', '2022-02-04')).toEqual([]);
    expect(starts(rule, '2020-06-01', '2023-02-05')).toEqual(['2021-02-05', '2022-02-05', '2023-02-05']);
  });

  it('on 29 February occurs only in leap years (2000 is one, 2100 is not)', () => {
    const rule: DateRule = { kind: 'anual', month: 2, day: 29 };
    expect(starts(rule, '2023-01-01', '2029-12-31')).toEqual(['2024-02-29', '2028-02-29']);
    expect(starts(rule, '2000-01-01', '2000-12-31')).toEqual(['2000-02-29']);
    expect(starts(rule, '2100-01-01', '2100-12-31')).toEqual([]);
    expect(describeRule(rule)).toBe('Cada año, 29 de febrero (sólo en años bisiestos)');
  });

  it('crosses a year boundary', () => {
    expect(starts({ kind: 'anual', month: 12, day: 31 }, '2021-12-31', '2022-01-01')).toEqual(['2021-12-31']);
    expect(starts({ kind: 'anual', month: 1, day: 1 }, '2021-12-31', '2022-01-01')).toEqual(['2022-01-01']);
  });
});

describe('occurrences of a monthly rule', () => {
  it('the 25th of every month («Día Naranja»): twelve in a year', () => {
    const days = starts({ kind: 'mensual', day: 25 }, '2021-01-01', '2021-12-31');
    expect(days).toHaveLength(12);
    expect(days[0]).toBe('2021-01-25');
    expect(days[1]).toBe('2021-02-25');
    expect(days[11]).toBe('2021-12-25');
  });

  it('the 31st falls on the last day of a month without it, February in and out of leap years', () => {
    expect(starts({ kind: 'mensual', day: 31 }, '2024-01-01', '2024-06-30')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
    expect(starts({ kind: 'mensual', day: 30 }, '2023-02-01', '2023-03-31')).toEqual(['2023-02-28', '2023-03-30']);
    expect(describeRule({ kind: 'mensual', day: 31 })).toBe('Cada mes, día 31 (o el último día del mes si no lo tiene)');
  });

  it('respects month boundaries in the middle of a month and across the year', () => {
    expect(starts({ kind: 'mensual', day: 25 }, '2021-03-26', '2021-04-24')).toEqual([]);
    expect(starts({ kind: 'mensual', day: 25 }, '2021-03-25', '2021-04-25')).toEqual(['2021-03-25', '2021-04-25']);
    expect(starts({ kind: 'mensual', day: 25 }, '2021-12-01', '2022-01-31')).toEqual(['2021-12-25', '2022-01-25']);
    expect(occurrences({ kind: 'mensual', day: 25 }, '2021-05-01', '2021-04-01')).toEqual([]);
  });
});

describe('occurrences of movable and rotating rules', () => {
  it('a movable date occurs only in the years entered, whole when any of its days is in range', () => {
    const rule: DateRule = { kind: 'movil', dates: [{ year: 2027, start: '2027-03-21', end: '2027-03-27' }, { year: 2021, start: '2021-03-28', end: '2021-04-03' }] };
    expect(occurrences(rule, '2021-04-01', '2021-04-30')).toEqual([{ start: '2021-03-28', end: '2021-04-03', label: null, wholeMonth: false }]);
    expect(starts(rule, '2020-01-01', '2030-12-31')).toEqual(['2021-03-28', '2027-03-21']);
    expect(starts(rule, '2022-01-01', '2026-12-31')).toEqual([]);
    expect(describeRule({ kind: 'movil', dates: [] })).toBe('Fecha móvil: por definir');
  });

  it('a rotating rule names each month its item, spanning the whole month, and repeats across years', () => {
    const rule: DateRule = { kind: 'rotativa', entries: [{ month: 1, label: 'Zona Centro' }, { month: 2, label: 'Zona Altiplano' }, { month: 12, label: 'Zona Huasteca' }] };
    const o = occurrences(rule, '2024-02-10', '2024-02-10');
    expect(o).toEqual([{ start: '2024-02-01', end: '2024-02-29', label: 'Zona Altiplano', wholeMonth: true }]);
    expect(occurrences(rule, '2021-12-15', '2022-01-15').map((x) => [x.start, x.end, x.label])).toEqual([
      ['2021-12-01', '2021-12-31', 'Zona Huasteca'],
      ['2022-01-01', '2022-01-31', 'Zona Centro'],
    ]);
    expect(starts(rule, '2021-03-01', '2021-11-30')).toEqual([]);
  });
});

describe('the input schemas speak Spanish', () => {
  it('refuses a day that does not exist in its month and a repeated rotating month', () => {
    const feb30 = dateRuleSchema.safeParse({ kind: 'anual', month: 2, day: 30 });
    expect(feb30.success).toBe(false);
    expect(feb30.error?.issues[0]?.message).toBe('Ese día no existe en ese mes.');
    expect(dateRuleSchema.safeParse({ kind: 'anual', month: 2, day: 29 }).success).toBe(true);
    const twice = dateRuleSchema.safeParse({ kind: 'rotativa', entries: [{ month: 1, label: 'A' }, { month: 1, label: 'B' }] });
    expect(twice.error?.issues[0]?.message).toBe('Cada mes aparece una sola vez en la rotación.');
    const backwards = dateRuleSchema.safeParse({ kind: 'movil', dates: [{ year: 2027, start: '2027-03-27', end: '2027-03-21' }] });
    expect(backwards.error?.issues[0]?.message).toBe('El último día no puede ser anterior al primero.');
    const wrongYear = dateRuleSchema.safeParse({ kind: 'movil', dates: [{ year: 2027, start: '2026-03-21', end: '2026-03-27' }] });
    expect(wrongYear.error?.issues[0]?.message).toBe('El primer día debe caer en el año que se captura.');
  });

  it('asks for dates only for an activity on specific dates, and keeps them sorted once each', () => {
    const missing = activityInputSchema.safeParse({ activity: 'Foro', timing: 'fechas' });
    expect(missing.error?.issues[0]?.message).toBe('Escriba al menos una fecha para una actividad en fechas específicas.');
    expect(activityInputSchema.parse({ activity: 'Foro', timing: 'fechas', dates: ['2021-06-10', '2021-05-02', '2021-06-10'] }).dates).toEqual(['2021-05-02', '2021-06-10']);
    expect(activityInputSchema.parse({ activity: 'Síntesis', timing: 'permanente', dates: ['2021-06-10'] }).dates).toEqual([]);
    expect(activityInputSchema.safeParse({ activity: ' ', timing: 'variable' }).error?.issues[0]?.message).toBe('Escriba la actividad.');
    expect(goalInputSchema.safeParse({ kind: 'boletin', count: 0, period: 'mes' }).error?.issues[0]?.message).toBe('La meta debe pedir al menos una difusión.');
    expect(programmeDateInputSchema.safeParse({ title: 'Día', rule: { kind: 'semanal' } }).success).toBe(false);
  });
});

describe('civil-day arithmetic', () => {
  it('counts weekdays and adds days across a leap day', () => {
    expect(weekday('2021-02-05')).toBe(5); // a Friday
    expect(weekday('2026-12-02')).toBe(3); // a Wednesday
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });
});

const programme: Programme = {
  year: 2021,
  title: 'P',
  activities: [{ id: 'foro', activity: 'Foro de ciberseguridad', strategy: '', expectedResults: [], timing: 'fechas', dates: ['2021-02-17'], example: false }],
  dates: [
    { id: 'naranja', title: 'Día Naranja', note: '', rule: { kind: 'mensual', day: 25 }, example: false },
    { id: 'bandera', title: 'Día de la Bandera', note: '', rule: { kind: 'anual', month: 2, day: 24 }, example: false },
    { id: 'cmsp', title: 'Cobertura de sesión de CMSP', note: '', rule: { kind: 'rotativa', entries: [{ month: 2, label: 'Zona Altiplano' }] }, example: false },
  ],
  goals: [{ id: 'g1', kind: 'boletin', count: 2, period: 'mes', description: 'Al menos dos boletines mensuales', example: false }],
  updatedAt: null,
};
const rel = (id: string, kind: CalendarRelease['kind'], plannedOn: string | null, publishedOn: string | null, programmeDateId: string | null = null): CalendarRelease => ({ id, folio: `CS-${id}`, title: `Difusión ${id}`, kind, plannedOn, publishedOn, state: publishedOn ? 'publicada' : 'autorizada', programmeDateId });

describe('planned versus done', () => {
  const releases = [rel('1', 'boletin', '2021-02-03', '2021-02-03'), rel('2', 'redes', '2021-02-25', '2021-02-25', 'naranja'), rel('3', 'boletin', '2021-02-26', null), rel('4', 'boletin', '2021-03-02', '2021-03-02'), rel('5', 'boletin', '2021-03-09', '2021-03-10')];

  it('counts a month: a goal short by one, dates answered, planned, missed or ahead', () => {
    const r = complianceReport(programme, releases, 2021, 2, '2021-02-25');
    expect(r.from).toBe('2021-02-01');
    expect(r.to).toBe('2021-02-28');
    expect(r.goals).toEqual([expect.objectContaining({ kind: 'boletin', expected: 2, published: 1, planned: 1, met: false, monthsMet: null })]);
    expect(r.dates.map((d) => [d.title, d.start, d.status, d.releases])).toEqual([
      ['Cobertura de sesión de CMSP', '2021-02-01', 'cumplida', ['CS-1']],
      ['Día de la Bandera', '2021-02-24', 'sin_difusion', []],
      ['Día Naranja', '2021-02-25', 'cumplida', ['CS-2']],
    ]);
    expect(r.publishedByKind).toEqual([{ kind: 'boletin', count: 1 }, { kind: 'redes', count: 1 }]);
  });

  it('a release naming another programme date does not answer this one', () => {
    const r = complianceReport(programme, [rel('9', 'redes', '2021-02-24', '2021-02-24', 'naranja')], 2021, 2, '2021-03-01');
    expect(r.dates.find((d) => d.dateId === 'bandera')?.status).toBe('sin_difusion');
  });

  it('over a year a monthly goal is met only month by month', () => {
    const r = complianceReport(programme, releases, 2021, null, '2021-03-31');
    expect(r.goals[0]).toMatchObject({ expected: 24, published: 3, monthsMet: 1, monthsCounted: 3, met: false });
    expect(r.dates.filter((d) => d.dateId === 'naranja')).toHaveLength(12);
    expect(r.dates.find((d) => d.start === '2021-04-25')?.status).toBe('proxima');
  });

  it('without a programme reports no goals and no dates but still counts releases', () => {
    const r = complianceReport(null, releases, 2021, 3, '2021-12-31');
    expect(r.hasProgramme).toBe(false);
    expect(r.goals).toEqual([]);
    expect(r.publishedByKind).toEqual([{ kind: 'boletin', count: 2 }]);
  });

  it('the calendar month puts each date and release on its day and the rotation on the month', () => {
    const m = calendarMonth(programme, releases, 2021, 2);
    expect(m.days).toHaveLength(28);
    expect(m.monthItems.map((i) => i.occurrence.label)).toEqual(['Zona Altiplano']);
    const d25 = m.days[24]!;
    expect(d25.day).toBe('2021-02-25');
    expect(d25.dates.map((d) => d.title)).toEqual(['Día Naranja']);
    expect(d25.published.map((r) => r.id)).toEqual(['2']);
    expect(d25.planned).toEqual([]);
    expect(m.days[25]!.planned.map((r) => r.id)).toEqual(['3']);
    expect(m.days.filter((d) => d.dates.length > 0).map((d) => d.day)).toEqual(['2021-02-24', '2021-02-25']);
    expect(m.days.filter((d) => d.activities.length > 0).map((d) => [d.day, d.activities[0]?.activity])).toEqual([['2021-02-17', 'Foro de ciberseguridad']]);
  });
});
