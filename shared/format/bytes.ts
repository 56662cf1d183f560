const NUMBER = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** «532 bytes», «1.4 MB», «3.7 GB» (powers of 1024, as the operating systems show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? String(value) : NUMBER.format(value)} ${UNITS[unit]}`;
}
