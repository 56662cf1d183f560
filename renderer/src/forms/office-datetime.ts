/**
 * Date and time typed the way the office writes them, «23/11/2026 14:05»,
 * in Mexico City time. Since 2022 Mexico City keeps UTC−6 all year (no
 * daylight saving), so the conversion is a fixed offset.
 */
export function parseOfficeDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h + 6, mi));
  const back = new Date(date.getTime() - 6 * 3_600_000);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return date.toISOString();
}

/** Now, as «dd/mm/aaaa hh:mm» in the office's time zone: the default of every handoff. */
export function nowInOffice(now = new Date()): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
