import { describe, expect, it } from 'vitest';
import { nowInOffice, parseOfficeDateTime } from './office-datetime';

describe('office date and time', () => {
  it('reads dd/mm/aaaa hh:mm as Mexico City time', () => {
    expect(parseOfficeDateTime('23/11/2026 14:05')).toBe('2026-11-23T20:05:00.000Z');
    expect(parseOfficeDateTime(' 1/7/2026 0:00 ')).toBe('2026-07-01T06:00:00.000Z');
  });

  it('refuses what is not a real date or time', () => {
    for (const text of ['31/02/2026 10:00', '23/11/2026 24:00', '23/11/2026', '2026-11-23 10:00', '']) expect(parseOfficeDateTime(text)).toBeNull();
  });

  it('writes now the way it reads it', () => {
    const now = new Date('2026-11-23T20:05:00.000Z');
    expect(nowInOffice(now)).toBe('23/11/2026 14:05');
    expect(parseOfficeDateTime(nowInOffice(now))).toBe(now.toISOString());
  });
});
