import type { IssueList } from './bag-issues';
import { splitTagLines } from './tag-text';

/**
 * bag-info.txt: `Label: value` lines; a line that starts with a space or tab
 * continues the previous value. Labels may repeat and are compared without
 * regard to case (RFC 8493 §2.2.2).
 */
export interface BagInfoField {
  label: string;
  value: string;
}

export interface PayloadOxum {
  octets: number;
  count: number;
}

export function parseBagInfo(text: string, fileName: string, issues: IssueList): BagInfoField[] {
  const fields: BagInfoField[] = [];
  for (const [index, line] of splitTagLines(text).entries()) {
    if (line.trim() === '') continue;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line)) {
      if (last) last.value = `${last.value} ${line.trim()}`;
      else issues.error('BAG_INFO_MALFORMED', `La línea ${index + 1} de «${fileName}» continúa un campo que no existe.`, fileName);
      continue;
    }
    const colon = line.indexOf(':');
    const label = colon > 0 ? line.slice(0, colon).trim() : '';
    if (label === '') {
      issues.error('BAG_INFO_MALFORMED', `La línea ${index + 1} de «${fileName}» no tiene la forma «Etiqueta: valor».`, fileName);
      continue;
    }
    fields.push({ label, value: line.slice(colon + 1).trim() });
  }
  return fields;
}

export function fieldValues(fields: readonly BagInfoField[], label: string): string[] {
  const wanted = label.toLowerCase();
  return fields.filter((f) => f.label.toLowerCase() === wanted).map((f) => f.value);
}

export function parsePayloadOxum(value: string): PayloadOxum | null {
  const match = /^(\d{1,17})\.(\d{1,15})$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  return { octets: Number(match[1]), count: Number(match[2]) };
}

export function formatPayloadOxum(oxum: PayloadOxum): string {
  return `${oxum.octets}.${oxum.count}`;
}

/** One field per line, LF line ends. Labels and values were validated by the caller. */
export function formatBagInfo(fields: readonly BagInfoField[]): string {
  return fields.map((f) => `${f.label}: ${f.value}\n`).join('');
}
