/**
 * Dates are typed the way the office writes them, dd/mm/aaaa, and kept as
 * `YYYY-MM-DD` civil dates. Mantine's DateInput needs a parser for that.
 */
export function parseTypedDate(value: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (!match) return null;
  const [, d, m, y] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const DATE_INPUT_PROPS = {
  valueFormat: 'DD/MM/YYYY',
  placeholder: 'dd/mm/aaaa',
  dateParser: parseTypedDate,
  clearable: true,
} as const;
