import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './date-input';

describe('typed dates', () => {
  it('reads dd/mm/aaaa into a civil date', () => {
    expect(parseTypedDate('23/11/2026')).toBe('2026-11-23');
    expect(parseTypedDate('1/2/2026')).toBe('2026-02-01');
    expect(parseTypedDate('29-02-2028')).toBe('2028-02-29');
  });
  it('refuses impossible or unreadable dates', () => {
    expect(parseTypedDate('31/04/2026')).toBeNull();
    expect(parseTypedDate('29/02/2026')).toBeNull();
    expect(parseTypedDate('2026-11-23')).toBeNull();
    expect(parseTypedDate('mañana')).toBeNull();
  });
});
