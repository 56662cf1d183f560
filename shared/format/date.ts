/**
 * Dates are stored as ISO-8601 UTC and shown the way the office writes them:
 * `23/11/2026 14:05`, in Mexico City time, whatever the workstation's zone.
 */
export const OFFICE_TIME_ZONE = 'America/Mexico_City';

const dateTimeFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: OFFICE_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: OFFICE_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function partsOf(format: Intl.DateTimeFormat, value: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(value)) parts[part.type] = part.value;
  return parts;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = partsOf(dateTimeFormat, date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatDate(value: string | Date): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = partsOf(dateFormat, date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** A civil date kept as `YYYY-MM-DD` (no time, no zone) shown as `dd/mm/yyyy`. */
export function formatCivilDate(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '—';
}
