import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses the unit an office worker expects, with es-MX decimals', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(532)).toBe('532 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1024 * 1024 * 3.25)).toBe('3.3 MB');
    expect(formatBytes(4 * 1024 ** 3 - 1)).toBe('4 GB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2 TB');
  });
});
