/**
 * The programme's calendar as iCalendar (RFC 5545), for the office's phones
 * and mail clients: one all-day VEVENT per programme date (with an RRULE for
 * yearly rules and monthly ones on days 1–28 and 31, one event per
 * occurrence for the others) and one per release. Lines end in CRLF and fold at 75 octets; text escapes «\»,
 * «;», «,» and line breaks. UIDs are built from the records' ids, so a
 * calendar imported twice updates its events instead of doubling them.
 */
import { addDays, occurrences, PROGRAMME_RELEASE_KIND_LABELS, type CalendarRelease, type CivilDay, type DateRule, type Programme } from '../../../shared/domain/programme';

const UID_DOMAIN = 'programa.valija';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const basic = (day: CivilDay) => day.replace(/-/g, '');

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The RRULE of a yearly or monthly rule from `start`, up to `until`; null for rules written out occurrence by occurrence. */
export function rruleOf(rule: DateRule, until: CivilDay): string | null {
  if (rule.kind === 'anual') return `FREQ=YEARLY;BYMONTH=${rule.month};BYMONTHDAY=${rule.day};UNTIL=${basic(until)}`;
  if (rule.kind === 'mensual') {
    if (rule.day <= 28) return `FREQ=MONTHLY;BYMONTHDAY=${rule.day};UNTIL=${basic(until)}`;
    // The 31st, or the last day of a shorter month, is exactly «the month's last day».
    if (rule.day === 31) return `FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=${basic(until)}`;
    // The 29th or 30th would need BYSETPOS, which some parsers ignore (ical.js does): written out one event per month.
    return null;
  }
  return null;
}

interface EventLines {
  uid: string;
  start: CivilDay;
  /** Inclusive; DTEND is the day after (exclusive, §3.6.1). */
  end: CivilDay;
  summary: string;
  description: string;
  categories: string;
  rrule?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE';
}

function event(e: EventLines, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${basic(e.start)}`,
    `DTEND;VALUE=DATE:${basic(addDays(e.end, 1))}`,
    ...(e.rrule ? [`RRULE:${e.rrule}`] : []),
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    `CATEGORIES:${escapeText(e.categories)}`,
    ...(e.status ? [`STATUS:${e.status}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export interface IcsInput {
  /** The programmes of the years the range touches. */
  programmes: readonly Programme[];
  releases: readonly CalendarRelease[];
  from: CivilDay;
  to: CivilDay;
  calendarName: string;
  now: Date;
}

export function programmeIcs(input: IcsInput): string {
  const { from, to, now } = input;
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Valija//Programa anual de comunicacion//ES', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(input.calendarName)}`, 'X-WR-TIMEZONE:America/Mexico_City'];
  for (const programme of [...input.programmes].sort((a, b) => a.year - b.year)) {
    // Each programme speaks for its own year only.
    const yFrom = from > `${programme.year}-01-01` ? from : `${programme.year}-01-01`;
    const yTo = to < `${programme.year}-12-31` ? to : `${programme.year}-12-31`;
    if (yTo < yFrom) continue;
    for (const d of programme.dates) {
      const found = occurrences(d.rule, yFrom, yTo);
      const first = found[0];
      if (!first) continue;
      const rrule = rruleOf(d.rule, yTo);
      const base = { summary: d.title, description: d.note, categories: 'Programa anual' };
      if (rrule) {
        lines.push(...event({ ...base, uid: `${programme.year}-${d.id}@${UID_DOMAIN}`, start: first.start, end: first.end, rrule }, now));
        continue;
      }
      for (const o of found) {
        const summary = o.label ? `${d.title} - ${o.label}` : d.title;
        lines.push(...event({ ...base, summary, uid: `${programme.year}-${d.id}-${basic(o.start)}@${UID_DOMAIN}`, start: o.start, end: o.end }, now));
      }
    }
    for (const a of programme.activities) {
      for (const day of a.timing === 'fechas' ? a.dates : []) {
        if (day < yFrom || day > yTo) continue;
        lines.push(...event({ uid: `${programme.year}-${a.id}-${basic(day)}@${UID_DOMAIN}`, start: day, end: day, summary: a.activity, description: a.strategy, categories: 'Actividad del programa' }, now));
      }
    }
  }
  for (const r of input.releases) {
    const on = r.publishedOn ?? r.plannedOn;
    if (!on || on < from || on > to) continue;
    const kind = PROGRAMME_RELEASE_KIND_LABELS[r.kind];
    lines.push(
      ...event(
        {
          uid: `difusion-${r.id}@${UID_DOMAIN}`,
          start: on,
          end: on,
          summary: `${kind}: ${r.title}${r.folio ? ` (${r.folio})` : ''}`,
          description: r.publishedOn ? `Publicada el ${r.publishedOn}` : `Planeada para el ${on}`,
          categories: kind,
          status: r.publishedOn ? 'CONFIRMED' : 'TENTATIVE',
        },
        now,
      ),
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
