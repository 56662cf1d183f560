import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import {
  officeDayStartMs,
  addDays,
  addMonths,
  civilDate,
  civilParts,
  daysBetween,
  formatCivilDate,
  isCivilDate,
  lastDayOfMonth,
  parseDisplayDate,
  todayInOffice,
} from './civil-date';

describe('todayInOffice', () => {
  it('uses the Mexico City calendar day, not UTC', () => {
    // 03:30 UTC on 24/11 is still 21:30 on 23/11 in Mexico City (UTC-6, no DST since 2022).
    expect(todayInOffice(new Date('2026-11-24T03:30:00Z'))).toBe('2026-11-23');
    expect(todayInOffice(new Date('2026-11-24T06:00:00Z'))).toBe('2026-11-24');
  });

  it('crosses the year boundary in office time', () => {
    expect(todayInOffice(new Date('2027-01-01T05:59:59Z'))).toBe('2026-12-31');
    expect(todayInOffice(new Date('2027-01-01T06:00:00Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid instant', () => {
    expect(() => todayInOffice(new Date('nope'))).toThrow(AppError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('counts days between dates in both directions', () => {
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('adds months clamping to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
  });

  it('knows the last day of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => lastDayOfMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(2100, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect(() => lastDayOfMonth(2026, 13)).toThrow(AppError);
  });
});

describe('display format', () => {
  it('formats as dd/mm/yyyy', () => {
    expect(formatCivilDate('2026-11-23')).toBe('23/11/2026');
    expect(formatCivilDate('2026-01-05')).toBe('05/01/2026');
  });

  it('parses dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd', () => {
    expect(parseDisplayDate('23/11/2026')).toBe('2026-11-23');
    expect(parseDisplayDate(' 3/1/2026 ')).toBe('2026-01-03');
    expect(parseDisplayDate('2026-11-23')).toBe('2026-11-23');
    expect(parseDisplayDate('29/02/2028')).toBe('2028-02-29');
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of ['31/04/2026', '29/02/2027', '00/01/2026', '12/13/2026', '2026-02-30', '23-11-2026', '23/11/26', '', 'mañana']) {
      expect(parseDisplayDate(bad), bad).toBeNull();
    }
  });

  it('validates civil dates', () => {
    expect(isCivilDate('2026-02-28')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2026-2-28')).toBe(false);
    expect(isCivilDate(20260228)).toBe(false);
    expect(civilParts('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(() => civilParts('2026-11-31')).toThrow(/no es válida/);
    expect(() => civilDate(2026, 2, 29)).toThrow(/no existe/);
  });

  it('officeDayStartMs: the office day begins at local midnight, with or without daylight saving', () => {
    expect(new Date(officeDayStartMs('2019-01-15')).toISOString()).toBe('2019-01-15T06:00:00.000Z');
    expect(new Date(officeDayStartMs('2019-07-01')).toISOString()).toBe('2019-07-01T05:00:00.000Z');
    expect(new Date(officeDayStartMs('2026-07-01')).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(todayInOffice(new Date(officeDayStartMs('2021-04-04') - 1))).toBe('2021-04-03');
    expect(todayInOffice(new Date(officeDayStartMs('2021-04-04')))).toBe('2021-04-04');
  });
});
