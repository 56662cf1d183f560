import { describe, expect, it } from 'vitest';
import { type Frequency } from '../../../../shared/domain/agencies';
import {
  currentAndOverdue,
  dueDateFor,
  fulfilledKey,
  nextPeriod,
  parsePeriodKey,
  periodContaining,
  periodsFor,
  type FulfilledBy,
} from './report-periods';

const none = new Map<string, FulfilledBy>();
const obligation = (frequency: Frequency, dueDay: number, startsOn: string) => ({ id: 'ob-1', frequency, dueDay, startsOn });

describe('periodContaining', () => {
  it('monthly periods run over calendar months, 31st and 30th included', () => {
    expect(periodContaining('mensual', '2026-01-31')).toEqual({ key: '2026-01', label: 'enero de 2026', start: '2026-01-01', end: '2026-01-31' });
    expect(periodContaining('mensual', '2026-02-01').key).toBe('2026-02');
    expect(periodContaining('mensual', '2026-04-30')).toEqual({ key: '2026-04', label: 'abril de 2026', start: '2026-04-01', end: '2026-04-30' });
    expect(periodContaining('mensual', '2028-02-10').end).toBe('2028-02-29');
    expect(periodContaining('mensual', '2027-02-10').end).toBe('2027-02-28');
    expect(periodContaining('mensual', '2026-10-15').label).toBe('octubre de 2026');
  });

  it('quarters break at 31 Mar/1 Apr and 31 Dec/1 Jan', () => {
    expect(periodContaining('trimestral', '2026-03-31')).toEqual({ key: '2026-T1', label: '1.º trimestre de 2026', start: '2026-01-01', end: '2026-03-31' });
    expect(periodContaining('trimestral', '2026-04-01')).toEqual({ key: '2026-T2', label: '2.º trimestre de 2026', start: '2026-04-01', end: '2026-06-30' });
    expect(periodContaining('trimestral', '2026-12-31')).toEqual({ key: '2026-T4', label: '4.º trimestre de 2026', start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('trimestral', '2027-01-01').key).toBe('2027-T1');
  });

  it('semesters break at 30 Jun/1 Jul and 31 Dec/1 Jan', () => {
    expect(periodContaining('semestral', '2026-06-30')).toEqual({ key: '2026-S1', label: '1.º semestre de 2026', start: '2026-01-01', end: '2026-06-30' });
    expect(periodContaining('semestral', '2026-07-01')).toEqual({ key: '2026-S2', label: '2.º semestre de 2026', start: '2026-07-01', end: '2026-12-31' });
    expect(periodContaining('semestral', '2027-01-01').key).toBe('2027-S1');
  });

  it('annual periods are calendar years', () => {
    expect(periodContaining('anual', '2026-07-04')).toEqual({ key: '2026', label: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('walks to the next period and reads keys back', () => {
    expect(nextPeriod('mensual', periodContaining('mensual', '2026-12-05')).key).toBe('2027-01');
    expect(nextPeriod('trimestral', periodContaining('trimestral', '2026-03-05')).key).toBe('2026-T2');
    expect(nextPeriod('semestral', periodContaining('semestral', '2026-08-05')).key).toBe('2027-S1');
    expect(nextPeriod('anual', periodContaining('anual', '2026-08-05')).key).toBe('2027');
    expect(parsePeriodKey('trimestral', '2026-T4')).toEqual(periodContaining('trimestral', '2026-11-01'));
    expect(parsePeriodKey('mensual', '2026-02')?.end).toBe('2026-02-28');
    expect(parsePeriodKey('anual', '2026')?.start).toBe('2026-01-01');
    expect(parsePeriodKey('trimestral', '2026-T5')).toBeNull();
    expect(parsePeriodKey('semestral', '2026-T1')).toBeNull();
    expect(parsePeriodKey('mensual', '2026-13')).toBeNull();
  });
});

describe('dueDateFor', () => {
  it('falls on dueDay of the month after the period ends', () => {
    expect(dueDateFor('2026-10-31', 10)).toBe('2026-11-10');
    expect(dueDateFor('2026-12-31', 10)).toBe('2027-01-10');
  });

  it('clamps dueDay 29/30/31 to the end of February, leap or not', () => {
    expect(dueDateFor('2027-01-31', 29)).toBe('2027-02-28');
    expect(dueDateFor('2027-01-31', 30)).toBe('2027-02-28');
    expect(dueDateFor('2027-01-31', 31)).toBe('2027-02-28');
    expect(dueDateFor('2028-01-31', 29)).toBe('2028-02-29');
    expect(dueDateFor('2028-01-31', 30)).toBe('2028-02-29');
    expect(dueDateFor('2028-01-31', 31)).toBe('2028-02-29');
    expect(dueDateFor('2028-01-31', 28)).toBe('2028-02-28');
  });

  it('clamps dueDay 31 in 30-day months', () => {
    expect(dueDateFor('2026-03-31', 31)).toBe('2026-04-30');
    expect(dueDateFor('2026-06-30', 31)).toBe('2026-07-31');
    expect(() => dueDateFor('2026-06-30', 0)).toThrow(/del 1 al 31/);
  });
});

describe('periodsFor', () => {
  it('lists monthly periods from startsOn to the month of today, oldest first', () => {
    const periods = periodsFor(obligation('mensual', 10, '2026-08-01'), '2026-11-23', none);
    expect(periods.map((p) => [p.key, p.due, p.status])).toEqual([
      ['2026-08', '2026-09-10', 'vencido'],
      ['2026-09', '2026-10-10', 'vencido'],
      ['2026-10', '2026-11-10', 'vencido'],
      ['2026-11', '2026-12-10', 'pendiente'],
    ]);
    expect(periods[0]).toMatchObject({ obligationId: 'ob-1', label: 'agosto de 2026', start: '2026-08-01', end: '2026-08-31', fulfilledBy: null });
  });

  it('owes the whole period when startsOn falls mid-period', () => {
    const periods = periodsFor(obligation('trimestral', 15, '2026-05-20'), '2026-11-23', none);
    expect(periods.map((p) => p.key)).toEqual(['2026-T2', '2026-T3', '2026-T4']);
    expect(periods[0]).toMatchObject({ start: '2026-04-01', end: '2026-06-30', due: '2026-07-15', status: 'vencido' });
  });

  it('is pending on the due day itself and overdue the day after', () => {
    const ob = obligation('mensual', 10, '2026-10-01');
    expect(periodsFor(ob, '2026-11-10', none)[0]?.status).toBe('pendiente');
    expect(periodsFor(ob, '2026-11-11', none)[0]?.status).toBe('vencido');
  });

  it('moves February dues to its last day, and overdue starts the day after', () => {
    const ob = obligation('mensual', 31, '2028-01-01');
    expect(periodsFor(ob, '2028-02-29', none)[0]).toMatchObject({ key: '2028-01', due: '2028-02-29', status: 'pendiente' });
    expect(periodsFor(ob, '2028-03-01', none)[0]?.status).toBe('vencido');
    const nonLeap = obligation('mensual', 30, '2027-01-01');
    expect(periodsFor(nonLeap, '2027-02-28', none)[0]).toMatchObject({ due: '2027-02-28', status: 'pendiente' });
    expect(periodsFor(nonLeap, '2027-03-01', none)[0]?.status).toBe('vencido');
  });

  it('crosses year ends for quarters and semesters', () => {
    const q = periodsFor(obligation('trimestral', 10, '2026-10-01'), '2027-01-11', none);
    expect(q.map((p) => [p.key, p.due, p.status])).toEqual([
      ['2026-T4', '2027-01-10', 'vencido'],
      ['2027-T1', '2027-04-10', 'pendiente'],
    ]);
    const s = periodsFor(obligation('semestral', 31, '2026-01-01'), '2026-07-01', none);
    expect(s.map((p) => [p.key, p.due, p.status])).toEqual([
      ['2026-S1', '2026-07-31', 'pendiente'],
      ['2026-S2', '2027-01-31', 'pendiente'],
    ]);
    const a = periodsFor(obligation('anual', 31, '2025-06-01'), '2026-02-01', none);
    expect(a.map((p) => [p.key, p.label, p.due, p.status])).toEqual([
      ['2025', '2025', '2026-01-31', 'vencido'],
      ['2026', '2026', '2027-01-31', 'pendiente'],
    ]);
  });

  it('marks fulfilled periods as delivered, even when late', () => {
    const ob = obligation('mensual', 10, '2026-09-01');
    const fulfilled = new Map([[fulfilledKey('ob-1', '2026-09'), { shipmentId: 'sh-9', folio: 'C4/DG/0042/2026' }]]);
    const periods = periodsFor(ob, '2026-11-23', fulfilled);
    expect(periods.map((p) => p.status)).toEqual(['entregado', 'vencido', 'pendiente']);
    expect(periods[0]?.fulfilledBy).toEqual({ shipmentId: 'sh-9', folio: 'C4/DG/0042/2026' });
    // Another obligation's delivery of the same period does not count.
    const other = periodsFor({ ...ob, id: 'ob-2' }, '2026-11-23', fulfilled);
    expect(other[0]?.status).toBe('vencido');
  });

  it('owes nothing before startsOn, and the first period once it begins', () => {
    expect(periodsFor(obligation('mensual', 10, '2026-12-01'), '2026-11-30', none)).toEqual([]);
    expect(periodsFor(obligation('mensual', 10, '2026-12-01'), '2026-12-01', none).map((p) => p.key)).toEqual(['2026-12']);
  });

  it('keeps only the most recent periods within the horizon', () => {
    const ob = obligation('mensual', 10, '2017-01-01');
    const all = periodsFor(ob, '2026-11-23', none);
    expect(all).toHaveLength(9 * 12 + 11);
    const recent = periodsFor(ob, '2026-11-23', none, { horizon: 3 });
    expect(recent.map((p) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(periodsFor(ob, '2026-11-23', none, { horizon: 0 })).toEqual([]);
  });
});

describe('currentAndOverdue', () => {
  it('separates what is overdue from the next period to deliver', () => {
    const monthly = periodsFor(obligation('mensual', 10, '2026-09-01'), '2026-11-05', none);
    const quarterly = periodsFor({ ...obligation('trimestral', 15, '2026-07-01'), id: 'ob-2' }, '2026-11-05', none);
    const { overdue, current, pending } = currentAndOverdue([...quarterly, ...monthly]);
    expect(overdue.map((p) => `${p.obligationId}:${p.key}`)).toEqual(['ob-1:2026-09', 'ob-2:2026-T3']);
    expect(current && `${current.obligationId}:${current.key}`).toBe('ob-1:2026-10');
    expect(pending.map((p) => p.due)).toEqual(['2026-11-10', '2026-12-10', '2027-01-15']);
    expect(currentAndOverdue([])).toEqual({ overdue: [], current: null, pending: [] });
  });
});
