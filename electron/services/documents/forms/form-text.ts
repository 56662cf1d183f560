/**
 * What the forms print the same way everywhere: the QR text, classification
 * marks, numbers, digests and the footer. Their inputs are the zod schemas
 * of shared/forms/form-inputs.ts.
 */
import { CLASSIFICATION_LABELS, type Classification } from '../../../../shared/domain/shipments';
import type { ClassificationInfo, OfficeInfo, ShipmentFormBase } from '../../../../shared/forms/form-inputs';

/** `VALIJA|<folio>|<contentDigest>|<chainHead>`: a scanner finds the shipment and checks it is unchanged. */
export function formQrText(base: Pick<ShipmentFormBase, 'folio' | 'contentDigest' | 'chainHead'>): string {
  return `VALIJA|${base.folio}|${base.contentDigest}|${base.chainHead}`;
}

/** The banner text for the top of every page; none for public information. */
export function classificationBanner(level: Classification): string | undefined {
  return level === 'publica' ? undefined : `INFORMACIÓN ${CLASSIFICATION_LABELS[level].toUpperCase()}`;
}

export function classificationText(c: { level: ClassificationInfo['level']; legalBasis: string }): string {
  const label = CLASSIFICATION_LABELS[c.level];
  return c.level === 'publica' ? label : `${label}. Fundamento: ${c.legalBasis}`;
}

const integer = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "1,234,567 bytes (1.2 MB)": exact bytes for checking, the rounded size for reading. */
export function formatBytes(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return unit === '' ? `${integer.format(bytes)} B` : `${integer.format(bytes)} B (${decimal.format(value)} ${unit})`;
}

/** The digest as printed: four groups of 16 on two lines, easy to compare by eye. */
export function digestLines(digest: string): string[] {
  const groups = digest.match(/.{1,16}/g) ?? [digest];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 2) lines.push(groups.slice(i, i + 2).join(' '));
  return lines;
}

/** Footer note shared by the forms: office, form name and folio on every page. */
export function footerNote(office: OfficeInfo, formName: string, folio: string): string {
  return `Valija · ${office.acronym} · ${formName} · Folio ${folio}`;
}
