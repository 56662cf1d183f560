/**
 * Periods owed by a report obligation (seed 001): monthly, quarterly,
 * semi-annual or annual calendar periods. Each period is due on `dueDay` of
 * the month after it ends (clamped to that month's last day); it is
 * «entregado» once a shipment fulfils it, «vencido» from the day after the
 * due date, and «pendiente» until then (the due day itself is still on time).
 */
import { type CivilDate, type Frequency, type Obligation, type ReportPeriod } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import { civilDate, civilParts, lastDayOfMonth } from './civil-date';

export const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;

/** Calendar months in one period of each frequency. */
export const MONTHS_PER_PERIOD: Record<Frequency, 1 | 3 | 6 | 12> = { mensual: 1, trimestral: 3, semestral: 6, anual: 12 };

export interface PeriodBounds {
  /** `2026-10`, `2026-T4`, `2026-S2` or `2026`. */
  key: string;
  /** «octubre de 2026», «4.º trimestre de 2026», «2.º semestre de 2026», «2026». */
  label: string;
  start: CivilDate;
  end: CivilDate;
}

export interface FulfilledBy {
  shipmentId: string;
  folio: string;
}

/** The key under which a delivered period is looked up: `${obligationId}:${periodKey}`. */
export function fulfilledKey(obligationId: string, periodKey: string): string {
  return `${obligationId}:${periodKey}`;
}

function assertFrequency(frequency: Frequency): void {
  if (!(frequency in MONTHS_PER_PERIOD)) throw new AppError('VALIDATION', `La periodicidad «${String(frequency)}» no es válida.`);
}

/** Bounds of the `index`-th (0-based) period of `year`. */
function boundsOf(frequency: Frequency, year: number, index: number): PeriodBounds {
  const len = MONTHS_PER_PERIOD[frequency];
  const firstMonth = index * len + 1;
  const lastMonth = firstMonth + len - 1;
  const start = civilDate(year, firstMonth, 1);
  const end = civilDate(year, lastMonth, lastDayOfMonth(year, lastMonth));
  const y = String(year).padStart(4, '0');
  switch (frequency) {
    case 'mensual':
      return { key: `${y}-${String(firstMonth).padStart(2, '0')}`, label: `${SPANISH_MONTHS[index]} de ${year}`, start, end };
    case 'trimestral':
      return { key: `${y}-T${index + 1}`, label: `${index + 1}.º trimestre de ${year}`, start, end };
    case 'semestral':
      return { key: `${y}-S${index + 1}`, label: `${index + 1}.º semestre de ${year}`, start, end };
    case 'anual':
      return { key: y, label: String(year), start, end };
  }
}

/** The period of `frequency` that contains `date`. */
export function periodContaining(frequency: Frequency, date: CivilDate): PeriodBounds {
  assertFrequency(frequency);
  const { year, month } = civilParts(date);
  return boundsOf(frequency, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[frequency]));
}

/** The period right after `period` (same frequency). */
export function nextPeriod(frequency: Frequency, period: Pick<PeriodBounds, 'end'>): PeriodBounds {
  assertFrequency(frequency);
  const { year, month } = civilParts(period.end);
  return month === 12 ? boundsOf(frequency, year + 1, 0) : boundsOf(frequency, year, month / MONTHS_PER_PERIOD[frequency]);
}

/** Reads a period key back (`2026-10`, `2026-T4`, `2026-S2`, `2026`); null when it is not a key of that frequency. */
export function parsePeriodKey(frequency: Frequency, key: string): PeriodBounds | null {
  assertFrequency(frequency);
  const patterns: Record<Frequency, RegExp> = { mensual: /^(\d{4})-(\d{2})$/, trimestral: /^(\d{4})-T(\d)$/, semestral: /^(\d{4})-S(\d)$/, anual: /^(\d{4})()$/ };
  const m = patterns[frequency].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const index = frequency === 'anual' ? 0 : Number(m[2]) - 1;
  if (year < 1 || index < 0 || index >= 12 / MONTHS_PER_PERIOD[frequency]) return null;
  return boundsOf(frequency, year, index);
}

/** Due date of a period ending on `periodEnd`: `dueDay` of the following month, clamped to its last day. */
export function dueDateFor(periodEnd: CivilDate, dueDay: number): CivilDate {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new AppError('VALIDATION', 'El día de entrega va del 1 al 31.');
  const { year, month } = civilParts(periodEnd);
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return civilDate(y, m, Math.min(dueDay, lastDayOfMonth(y, m)));
}

export interface PeriodsOptions {
  /**
   * At most this many periods, the most recent ones (older periods are left
   * out, overdue or not). Default: every period since `startsOn`.
   */
  horizon?: number;
}

/**
 * Every period of `obligation` from the one containing `startsOn` (a period
 * that starts mid-way is still owed in full) up to the one containing `today`,
 * oldest first. Empty when `startsOn` is after `today`. The obligation's
 * `active` flag is not looked at: the caller decides whether to list it.
 */
export function periodsFor(
  obligation: Pick<Obligation, 'id' | 'frequency' | 'dueDay' | 'startsOn'>,
  today: CivilDate,
  fulfilled: ReadonlyMap<string, FulfilledBy>,
  options: PeriodsOptions = {},
): ReportPeriod[] {
  civilParts(today);
  const horizon = options.horizon;
  if (horizon !== undefined && (!Number.isInteger(horizon) || horizon < 0)) throw new AppError('VALIDATION', 'El número de periodos debe ser un entero positivo.');
  if (obligation.startsOn > today) return [];
  const last = periodContaining(obligation.frequency, today);
  let bounds = periodContaining(obligation.frequency, obligation.startsOn);
  const periods: ReportPeriod[] = [];
  for (;;) {
    const due = dueDateFor(bounds.end, obligation.dueDay);
    const delivered = fulfilled.get(fulfilledKey(obligation.id, bounds.key)) ?? null;
    periods.push({
      obligationId: obligation.id,
      key: bounds.key,
      label: bounds.label,
      start: bounds.start,
      end: bounds.end,
      due,
      status: delivered ? 'entregado' : today > due ? 'vencido' : 'pendiente',
      fulfilledBy: delivered ? { shipmentId: delivered.shipmentId, folio: delivered.folio } : null,
    });
    if (bounds.key === last.key) break;
    bounds = nextPeriod(obligation.frequency, bounds);
  }
  return horizon === undefined ? periods : periods.slice(Math.max(0, periods.length - horizon));
}

export interface CurrentAndOverdue {
  /** Periods past their due date and not delivered, oldest first. */
  overdue: ReportPeriod[];
  /** The pending period with the earliest due date: the next one to deliver. */
  current: ReportPeriod | null;
  /** Every pending (not yet due) period, earliest due first. */
  pending: ReportPeriod[];
}

/** Splits periods (of one or several obligations) into what is overdue and what is next. */
export function currentAndOverdue(periods: readonly ReportPeriod[]): CurrentAndOverdue {
  const byDue = [...periods].sort((a, b) => (a.due === b.due ? a.start.localeCompare(b.start) : a.due.localeCompare(b.due)));
  const overdue = byDue.filter((p) => p.status === 'vencido');
  const pending = byDue.filter((p) => p.status === 'pendiente');
  return { overdue, current: pending[0] ?? null, pending };
}
