import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { activityInputSchema, goalInputSchema, occurrences, programmeDateInputSchema, type DateRule } from '../../../shared/domain/programme';
import { createServices, type Services } from '../app-services';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { programmeDoc, programmeYearsDoc } from '../vault/documents';
import { EXAMPLE_ACTIVITIES, EXAMPLE_DATES, EXAMPLE_PROPOSALS } from './programme-example';
import { escapeText, foldLine, programmeIcs } from './programme-ics';
import { ProgrammeService, type ReleaseCalendarEntry, type ReleaseCalendarSource } from './programme-service';

let world: TestWorld | null = null;
const reopened: Services[] = [];
afterEach(async () => {
  for (const s of reopened.splice(0)) await s.session.close();
  await world?.s.session.close();
  world = null;
});

/** What the release service will report; the calls are kept to check the range asked. */
class FakeReleases implements ReleaseCalendarSource {
  calls: Array<[string, string]> = [];
  constructor(private readonly entries: ReleaseCalendarEntry[]) {}
  async releasesBetween(_ws: unknown, from: string, to: string): Promise<ReleaseCalendarEntry[]> {
    this.calls.push([from, to]);
    return this.entries;
  }
}

// Times are instants: 2021-02-25T05:30Z is still 24 February in Mexico City (UTC−6).
const RELEASES: ReleaseCalendarEntry[] = [
  { id: 'r1', folio: 'CS-2021-0001', title: 'Sesión del Consejo', kind: 'boletin', plannedAt: '2021-02-03T16:00:00Z', publishedAt: '2021-02-03T18:00:00Z', state: 'publicada' },
  { id: 'r2', folio: 'CS-2021-0002', title: 'Día Naranja, febrero', kind: 'redes', plannedAt: '2021-02-25T15:00:00Z', publishedAt: '2021-02-25T16:00:00Z', state: 'publicada' },
  { id: 'r3', folio: null, title: 'Boletín de cierre de mes', kind: 'boletin', plannedAt: '2021-02-26T16:00:00Z', publishedAt: null, state: 'en_revision' },
  { id: 'r4', folio: 'CS-2021-0003', title: 'Bandera, nota nocturna', kind: 'boletin', plannedAt: '2021-02-25T05:00:00Z', publishedAt: '2021-02-25T05:30:00Z', state: 'publicada' },
  { id: 'r5', folio: 'CS-2021-0004', title: 'Entrevista', kind: 'entrevista_radio', plannedAt: '2021-02-10T16:00:00Z', publishedAt: '2021-02-10T17:00:00Z', state: 'publicada' },
];

function withReleases(w: TestWorld, source: ReleaseCalendarSource): ProgrammeService {
  return new ProgrammeService(() => new Date(w.clock.now), source);
}

describe('the programme on a real vault', () => {
  it('keeps one programme per year, audits every change, and refuses what does not exist', async () => {
    const w = (world = await testWorld(Date.parse('2027-01-10T18:00:00Z')));
    const p = w.s.programme;
    expect((await p.get(w.ws, 2027)).exists).toBe(false);
    const a = await p.saveActivity(w.ws, w.admin, 2027, undefined, activityInputSchema.parse({ activity: 'Síntesis informativa', timing: 'permanente', expectedResults: ['Titular informado'] }));
    const activityId = a.activities[0]!.id;
    await p.saveActivity(w.ws, w.admin, 2027, activityId, activityInputSchema.parse({ activity: 'Síntesis informativa diaria', timing: 'permanente' }));
    const d = await p.saveDate(w.ws, w.admin, 2027, undefined, programmeDateInputSchema.parse({ title: 'Semana Santa', rule: { kind: 'movil', dates: [{ year: 2027, start: '2027-03-21', end: '2027-03-27' }] } }));
    await expect(p.saveDate(w.ws, w.admin, 2027, undefined, programmeDateInputSchema.parse({ title: 'Semana Santa', rule: { kind: 'movil', dates: [{ year: 2028, start: '2028-04-09', end: '2028-04-15' }] } }))).rejects.toMatchObject({ code: 'VALIDATION' });
    const g = await p.saveGoal(w.ws, w.admin, 2027, undefined, goalInputSchema.parse({ kind: 'boletin', count: 2, period: 'mes' }));
    await p.removeGoal(w.ws, w.admin, 2027, g.goals[0]!.id);
    await expect(p.removeDate(w.ws, w.admin, 2027, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'El programa no tiene esa fecha.' });

    const view = await p.get(w.ws, 2027);
    expect(view.exists).toBe(true);
    expect(view.years).toEqual([2027]);
    expect(view.programme.activities.map((x) => x.activity)).toEqual(['Síntesis informativa diaria']);
    expect(view.programme.goals).toEqual([]);
    expect(view.ruleTexts[d.dates[0]!.id]).toBe('Fecha móvil: 21/03/2027 al 27/03/2027');
    expect((await p.get(w.ws, 2026)).exists).toBe(false);

    const audit = await w.ws.audit.list({ offset: 0, limit: 50 });
    const actions = audit.entries.map((e) => e.action).filter((x) => x.startsWith('programme.'));
    expect(actions.sort()).toEqual(['programme.activity_saved', 'programme.activity_saved', 'programme.date_saved', 'programme.goal_removed', 'programme.goal_saved'].sort());

    // Survives a close and reopen: the year's document and the index are on disk.
    await w.s.session.close();
    const s = createServices({ dataDir: w.dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
    reopened.push(s);
    await s.session.signIn(ADMIN.userName, ADMIN.password);
    const ws = s.session.require().ws;
    expect((await programmeYearsDoc(ws.vault)).data.years).toEqual([2027]);
    expect((await programmeDoc(ws.vault, 2027)).data.dates.map((x) => x.title)).toEqual(['Semana Santa']);
  });

  it('loads the SLP 2021 example in one step and removes only what it added', async () => {
    const w = (world = await testWorld(Date.parse('2021-03-01T18:00:00Z')));
    const p = w.s.programme;
    const own = await p.saveActivity(w.ws, w.admin, 2021, undefined, activityInputSchema.parse({ activity: 'Actividad propia de la oficina', timing: 'variable' }));
    expect(own.activities).toHaveLength(1);
    const counts = await p.loadExample(w.ws, w.admin);
    expect(counts).toEqual({ year: 2021, activities: EXAMPLE_ACTIVITIES.length + EXAMPLE_PROPOSALS.length, dates: EXAMPLE_DATES.length, goals: 2 });
    expect(counts.activities).toBe(21);
    await expect(p.loadExample(w.ws, w.admin)).rejects.toMatchObject({ code: 'CONFLICT', message: 'El programa de ejemplo ya está cargado.' });
    const view = await p.get(w.ws, 2021);
    expect(view.exampleLoaded).toBe(true);
    expect(view.programme.dates.map((d) => d.title)).toContain('Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres');
    const cmsp = view.programme.dates.find((d) => d.title === 'Cobertura de sesión de CMSP')!;
    expect(occurrences(cmsp.rule, '2021-01-01', '2021-12-31').map((o) => o.label)).toEqual(['Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca']);
    expect(view.programme.goals.map((g) => [g.kind, g.count, g.period])).toEqual([['boletin', 2, 'mes'], ['transmision', 1, 'mes']]);

    // An edit of an example record keeps its mark, so removing the example removes it too.
    const bandera = view.programme.dates.find((d) => d.title === 'Día de la Bandera')!;
    await p.saveDate(w.ws, w.admin, 2021, bandera.id, programmeDateInputSchema.parse({ title: 'Día de la Bandera (acto cívico)', note: bandera.note, rule: bandera.rule }));

    expect(await p.removeExample(w.ws, w.admin)).toEqual(counts);
    const after = await p.get(w.ws, 2021);
    expect(after.exampleLoaded).toBe(false);
    expect(after.programme.activities.map((a) => a.activity)).toEqual(['Actividad propia de la oficina']);
    expect(after.programme.dates).toEqual([]);
    expect(after.programme.goals).toEqual([]);
    await expect(p.removeExample(w.ws, w.admin)).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = (await w.ws.audit.list({ offset: 0, limit: 50 })).entries.map((e) => e.action);
    expect(actions).toContain('programme.example_loaded');
    expect(actions).toContain('programme.example_removed');
  });

  it('puts releases from the port on the calendar and counts them against the goals, by the office day', async () => {
    const w = (world = await testWorld(Date.parse('2021-03-01T18:00:00Z')));
    await w.s.programme.loadExample(w.ws, w.admin);
    const source = new FakeReleases(RELEASES);
    const p = withReleases(w, source);
    await p.saveActivity(w.ws, w.admin, 2021, undefined, activityInputSchema.parse({ activity: 'Foro de ciberseguridad, primera sesión', strategy: 'Transmisión en vivo', timing: 'fechas', dates: ['2021-02-17'] }));
    await expect(p.saveActivity(w.ws, w.admin, 2021, undefined, activityInputSchema.parse({ activity: 'Foro', timing: 'fechas', dates: ['2022-02-17'] }))).rejects.toMatchObject({ code: 'VALIDATION', message: 'Las fechas de las actividades de este programa deben ser de 2021.' });

    const feb = await p.calendar(w.ws, 2021, 2);
    expect(source.calls[0]).toEqual(['2021-02-01', '2021-02-28']);
    expect(feb.days).toHaveLength(28);
    expect(feb.monthItems.map((i) => `${i.title} - ${i.occurrence.label}`)).toEqual(['Cobertura de sesión de CMSP - Zona Altiplano']);
    const d24 = feb.days[23]!;
    expect(d24.dates.map((d) => d.title)).toEqual(['Día de la Bandera']);
    expect(d24.published.map((r) => r.id)).toEqual(['r4']); // 05:30Z is still the 24th in Mexico City
    const d25 = feb.days[24]!;
    expect(d25.dates.map((d) => d.title)).toEqual(['Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres']);
    expect(d25.published.map((r) => r.id)).toEqual(['r2']);
    expect(feb.days[25]!.planned.map((r) => r.id)).toEqual(['r3']);
    expect(feb.days[9]!.published[0]?.kind).toBe('otro'); // a kind the programme does not know
    expect(feb.days[16]!.activities.map((a) => a.activity)).toEqual(['Foro de ciberseguridad, primera sesión']);
    const ics = Buffer.from((await p.exportIcs(w.ws, w.admin, '2021-02-01', '2021-02-28')).base64, 'base64').toString('utf8').replace(/\r\n /g, '');
    expect(ics).toContain('DTSTART;VALUE=DATE:20210217\r\nDTEND;VALUE=DATE:20210218\r\nSUMMARY:Foro de ciberseguridad\\, primera sesión\r\nDESCRIPTION:Transmisión en vivo\r\nCATEGORIES:Actividad del programa\r\n');

    const report = await p.report(w.ws, 2021, 2);
    const bulletins = report.goals.find((g) => g.kind === 'boletin')!;
    expect(bulletins).toMatchObject({ expected: 2, published: 2, planned: 1, met: true });
    expect(report.goals.find((g) => g.kind === 'transmision')).toMatchObject({ expected: 1, published: 0, met: false });
    const status = Object.fromEntries(report.dates.map((d) => [d.title.slice(0, 20), d.status]));
    expect(status['Día de la Bandera']).toBe('cumplida');
    expect(status['Aniversario de la Co']).toBe('sin_difusion');
    expect(status['Día Naranja - Día In']).toBe('cumplida');

    const csv = Buffer.from((await p.reportCsv(w.ws, w.admin, 2021, 2)).base64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFSección,Concepto,Fecha o periodo,Meta,Publicadas,Planeadas,Estado,Difusiones\r\n')).toBe(true);
    expect(csv).toContain('Meta,Boletín de prensa: 2 al mes (Realizar al menos dos boletines mensuales sobre las actividades inherentes al SECESP.),febrero de 2021,2,2,1,Cumplida,\r\n');
    expect(csv).toContain('Fecha del programa,Aniversario de la Constitución,05/02/2021,,0,,Sin difusión,\r\n');
    expect(csv).toContain('Fecha del programa,Día de la Bandera,24/02/2021,,1,,Cumplida,CS-2021-0003\r\n');

    const year = await p.report(w.ws, 2021, null);
    expect(year.goals.find((g) => g.kind === 'boletin')).toMatchObject({ expected: 24, published: 2, monthsMet: 1, monthsCounted: 3, met: false });
  });

  it('exports the year as iCalendar that a parser reads back with the same occurrences', async () => {
    const w = (world = await testWorld(Date.parse('2021-03-01T18:00:00Z')));
    await w.s.programme.loadExample(w.ws, w.admin);
    const p = withReleases(w, new FakeReleases(RELEASES));
    const download = await p.exportIcs(w.ws, w.admin, '2021-01-01', '2021-12-31');
    expect(download).toMatchObject({ fileName: 'calendario-programa-2021.ics', mediaType: 'text/calendar' });
    const text = Buffer.from(download.base64, 'base64').toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(text).toContain('DTSTART;VALUE=DATE:20210125\r\nDTEND;VALUE=DATE:20210126\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25;UNTIL=20211231\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=5;UNTIL=20211231');
    // The CMSP rotation is one all-day event per month spanning it; Semana Santa is its span.
    expect(text).toContain('DTSTART;VALUE=DATE:20210201\r\nDTEND;VALUE=DATE:20210301\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20210328\r\nDTEND;VALUE=DATE:20210404\r\n');
    expect(text).toContain('SUMMARY:Boletín de prensa: Sesión del Consejo (CS-2021-0001)');

    // Parsed back by ical.js: every event, every expanded occurrence and the escaped text.
    const vcal = new ICAL.Component(ICAL.parse(text));
    const events = vcal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.length).toBe(7 + 12 + RELEASES.length); // 6 RRULE dates + Semana Santa, 12 CMSP months, no summer dates yet, + releases
    const naranja = events.find((e) => e.summary.startsWith('Día Naranja'))!;
    expect(naranja.description).toBe('Publicación en redes sociales (dar RT a los lineamientos establecidos por la Coord. General de Com. Social)');
    const it25 = naranja.iterator();
    const days: string[] = [];
    for (let next = it25.next(); next; next = it25.next()) days.push(next.toString());
    expect(days).toEqual(occurrences({ kind: 'mensual', day: 25 }, '2021-01-01', '2021-12-31').map((o) => o.start));
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const cmsp = events.filter((e) => e.summary.startsWith('Cobertura de sesión de CMSP'));
    expect(cmsp.map((e) => e.summary.split(' - ')[1])).toEqual(['Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca', 'Zona Centro', 'Zona Altiplano', 'Zona Media', 'Zona Huasteca']);

    // The same export again gives the same UIDs: a calendar imported twice updates its events.
    const again = Buffer.from((await p.exportIcs(w.ws, w.admin, '2021-01-01', '2021-12-31')).base64, 'base64').toString('utf8');
    expect(again.match(/^UID:.*$/gm)).toEqual(text.match(/^UID:.*$/gm));
    await expect(p.exportIcs(w.ws, w.admin, '2021-05-01', '2021-04-01')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('iCalendar text', () => {
  it('escapes commas, semicolons, backslashes and line breaks', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ñ'.repeat(80)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes «the 31st or the last day» and 29 February as RRULEs a parser expands like occurrences()', () => {
    const rules: DateRule[] = [
      { kind: 'mensual', day: 31 },
      { kind: 'mensual', day: 30 },
      { kind: 'anual', month: 2, day: 29 },
    ];
    const programmes = [2023, 2024].map((year) => ({ year, title: 'P', activities: [], goals: [], updatedAt: null, dates: rules.map((rule, i) => ({ id: `d${i}`, title: `Regla ${i}`, note: 'Con coma, y punto; y coma', rule, example: false })) }));
    const text = programmeIcs({ programmes, releases: [], from: '2023-01-01', to: '2024-12-31', now: new Date('2024-01-01T00:00:00Z'), calendarName: 'Prueba' });
    expect(text).toContain('RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20231231');
    expect(text).toContain('UID:2023-d1-20230228@programa.valija'); // the 30th: one event a month, February's on its last day
    expect(text).toContain('DESCRIPTION:Con coma\\, y punto\\; y coma');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(2 + 24 + 1); // the 31st by RRULE each year, the 30th month by month, 29 Feb only in 2024
    for (const e of events.filter((x) => x.isRecurring())) {
      const year = Number(e.startDate.toString().slice(0, 4));
      const rule = rules[Number(e.uid.split('-d')[1]?.split('@')[0])]!;
      const got: string[] = [];
      const iter = e.iterator();
      for (let next = iter.next(); next; next = iter.next()) got.push(next.toString());
      expect(got, e.uid).toEqual(occurrences(rule, `${year}-01-01`, `${year}-12-31`).map((o) => o.start));
    }
    expect(events.find((e) => e.uid.startsWith('2024-d2'))?.startDate.toString()).toBe('2024-02-29');
  });
});
