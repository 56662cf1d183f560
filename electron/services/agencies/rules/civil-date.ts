/**
 * Civil (calendar) dates in the office's zone, written `YYYY-MM-DD`.
 *
 * Agreements and report periods are about calendar days, not instants: an
 * agreement "valid until 31/10/2026" is valid the whole of that day in Oaxaca,
 * whatever the workstation's zone. All arithmetic here works on day numbers
 * computed with `Date.UTC`, so no local time zone or DST can shift a date.
 * Nothing here reads the clock: callers pass `now` or `today`.
 */
import { type CivilDate } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import { OFFICE_TIME_ZONE } from '../../../../shared/format/date';

const MS_PER_DAY = 86_400_000;
const CIVIL_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilParts {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

function isValidParts(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= lastDayOfMonth(year, month);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  const m = CIVIL_RE.exec(value);
  if (!m) return false;
  return isValidParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits a civil date; throws AppError('VALIDATION') for anything that is not a real date. */
export function civilParts(date: CivilDate): CivilParts {
  const m = CIVIL_RE.exec(date);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!parts || !isValidParts(parts.year, parts.month, parts.day)) {
    throw new AppError('VALIDATION', `La fecha «${String(date)}» no es válida; escríbala como día/mes/año.`);
  }
  return parts;
}

/** Builds `YYYY-MM-DD` from its parts (month 1–12); throws if the date does not exist. */
export function civilDate(year: number, month: number, day: number): CivilDate {
  if (!isValidParts(year, month, day)) {
    throw new AppError('VALIDATION', `La fecha ${day}/${month}/${year} no existe en el calendario.`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(date: CivilDate): number {
  const { year, month, day } = civilParts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * MS_PER_DAY);
  return civilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const officeDayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The calendar date in the office (America/Mexico_City) at instant `now`. */
export function todayInOffice(now: Date): CivilDate {
  if (Number.isNaN(now.getTime())) throw new AppError('VALIDATION', 'La fecha y hora indicadas no son válidas.');
  const parts: Record<string, string> = {};
  for (const p of officeDayFormat.formatToParts(now)) parts[p.type] = p.value;
  return civilDate(Number(parts.year), Number(parts.month), Number(parts.day));
}

/**
 * The instant (ms since the epoch) at which civil day `date` begins in the
 * office. Mexico City's offsets are whole hours (UTC−6, and UTC−5 in summer
 * until daylight saving ended in 2022), so the day begins at the first whole
 * UTC hour whose office date is `date`. Lets a day filter compare instants
 * instead of asking the time zone of every record.
 */
export function officeDayStartMs(date: CivilDate): number {
  const { year, month, day } = civilParts(date);
  const midnightUtc = Date.UTC(year, month - 1, day);
  for (let hour = -14; hour <= 14; hour += 1) {
    const at = midnightUtc + hour * 3_600_000;
    if (todayInOffice(new Date(at)) >= date) return at;
  }
  throw new AppError('INTERNAL', `No se pudo calcular el inicio del día ${date} en la oficina.`);
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new AppError('VALIDATION', 'El número de días debe ser entero.');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` plus `months`, keeping the day of month when it exists and otherwise
 * clamping to the last day (31/01 + 1 month → 28/02 or 29/02).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new AppError('VALIDATION', 'El número de meses debe ser entero.');
  const { year, month, day } = civilParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return civilDate(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** Whole days from `a` to `b`: positive when `b` is later (`daysBetween('2026-01-01', '2026-01-02') === 1`). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Last day (28–31) of `month` (1–12) in `year`. */
export function lastDayOfMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new AppError('VALIDATION', `El mes ${month}/${year} no es válido.`);
  }
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `2026-11-23` → `23/11/2026`, the way the office writes dates. */
export function formatCivilDate(date: CivilDate): string {
  const { year, month, day } = civilParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/**
 * Reads a date typed by a person: `23/11/2026`, `3/1/2026` (no leading zeros)
 * or `2026-11-23`. Returns `YYYY-MM-DD`, or null when the text is not a date
 * or the date does not exist (31/04/2026, 29/02/2027).
 */
export function parseDisplayDate(text: string): CivilDate | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dmy) {
    [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else {
    return null;
  }
  return isValidParts(year, month, day) ? civilDate(year, month, day) : null;
}

/** The earlier / later of two civil dates (they compare as strings). */
export function minCivilDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}
export function maxCivilDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}
