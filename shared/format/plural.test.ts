import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('counts in Spanish', () => {
  it('agrees the word with the count', () => {
    expect(countOf(1, 'usuario activo', 'usuarios activos')).toBe('1 usuario activo');
    expect(countOf(0, 'archivo', 'archivos')).toBe('0 archivos');
    expect(countOf(3, 'archivo', 'archivos')).toBe('3 archivos');
    expect(countOf(12500, 'evento', 'eventos')).toBe('12,500 eventos');
  });
});
