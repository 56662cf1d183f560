import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatDate, formatDateTime } from './date';

describe('office date format', () => {
  it('shows UTC instants in Mexico City time as dd/mm/yyyy hh:mm', () => {
    expect(formatDateTime('2026-11-23T20:05:00Z')).toBe('23/11/2026 14:05');
  });

  it('crosses midnight into the previous day when Mexico City is still behind', () => {
    expect(formatDateTime('2026-01-01T03:30:00Z')).toBe('31/12/2025 21:30');
    expect(formatDate('2026-01-01T03:30:00Z')).toBe('31/12/2025');
  });

  it('uses 24-hour time', () => {
    expect(formatDateTime('2026-06-15T05:00:00Z')).toBe('14/06/2026 23:00');
  });

  it('shows a dash for an unreadable date instead of "Invalid Date"', () => {
    expect(formatDateTime('no es fecha')).toBe('—');
  });
});

describe('civil dates', () => {
  it('show a stored YYYY-MM-DD as dd/mm/yyyy without any time-zone shift', () => {
    expect(formatCivilDate('2026-01-01')).toBe('01/01/2026');
    expect(formatCivilDate(null)).toBe('—');
    expect(formatCivilDate('2026-1-1')).toBe('—');
  });
});
