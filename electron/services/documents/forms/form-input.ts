/**
 * What every official paper form of a shipment receives, and how it is
 * checked before anything is drawn. The forms take plain view models (no
 * dependency on the shipment service): whoever prints maps its records onto
 * these shapes. Dates travel as ISO-8601 and are printed in the office's time
 * zone by the form, so every sheet shows them the same way.
 */
import { CLASSIFICATION_LABELS, type Classification } from '../../../../shared/domain/shipments';
import { AppError } from '../../../../shared/errors';
import { PAGE_SIZES, type OfficeInfo, type PageSizeName } from '../toolkit';

export interface VoidInfo {
  /** Why the sheet was voided, e.g. "Se modificó el inventario después de imprimir la hoja." */
  reason: string;
  /** ISO-8601. */
  at: string;
}

/** Fields shared by every form of a shipment. */
export interface ShipmentFormBase {
  office: OfficeInfo;
  /** e.g. "C4/DG/0042/2026". */
  folio: string;
  /** SHA-256 of the shipment's canonical content, 64 lowercase hex digits. */
  contentDigest: string;
  /** Short form of the current custody chain head (e.g. its first 12 hex digits); "0" before any event. */
  chainHead: string;
  /** Letter by default. */
  pageSize?: PageSizeName;
  /** 0 or omitted on the first print; n on the n-th reprint. */
  reprint?: number;
  /** Present when the sheet is no longer valid: every page is marked "ANULADA". */
  voided?: VoidInfo | null;
}

export interface ClassificationInfo {
  level: Classification;
  /** Required for reservada and confidencial (e.g. "Art. 113, fracc. I, LGTAIP"). */
  legalBasis?: string;
}

/** A person as printed in signature blocks and registers. */
export interface PersonInfo {
  name: string;
  position: string;
}

/** The recipient agency and the authorised person in it. */
export interface RecipientInfo {
  agencyName: string;
  agencyAcronym: string;
  name: string;
  position: string;
  /** Postal address, printed on envelope covers and labels when given. */
  address?: string;
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=\s]+$/;
const HEX64 = /^[0-9a-f]{64}$/;
// The QR fields are separated by "|": none of them may contain it.
const QR_SAFE = /^[^|\r\n]+$/;

export const MAX_TEXT = 2000;

/** Throws a VALIDATION AppError naming the form, so the message says what did not print. */
export function invalid(form: string, message: string): never {
  throw new AppError('VALIDATION', `${message} (${form}: no se generó).`);
}

export function requireText(form: string, value: unknown, what: string, max = 300): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(form, `Falta ${what}`);
  if (value.length > max) invalid(form, `El campo «${what}» admite como máximo ${max} caracteres`);
  return value.trim();
}

export function optionalText(form: string, value: unknown, what: string, max = MAX_TEXT): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') invalid(form, `El campo «${what}» debe ser texto`);
  if (value.length > max) invalid(form, `El campo «${what}» admite como máximo ${max} caracteres`);
  return value.trim();
}

export function requireIsoDate(form: string, value: unknown, what: string): string {
  const text = requireText(form, value, what, 64);
  if (Number.isNaN(new Date(text).getTime())) invalid(form, `La fecha «${what}» no es válida`);
  return text;
}

export function requireCount(form: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) invalid(form, `«${what}» debe ser un número entero`);
  return value;
}

export function requireArray<T>(form: string, value: unknown, what: string, max = 10_000): T[] {
  if (!Array.isArray(value)) invalid(form, `Falta ${what}`);
  if (value.length > max) invalid(form, `Hay demasiados elementos en ${what} (máximo ${max})`);
  return value as T[];
}

function validOffice(form: string, office: unknown): OfficeInfo {
  if (typeof office !== 'object' || office === null) invalid(form, 'Faltan los datos de la oficina');
  const o = office as Partial<OfficeInfo>;
  const logo = o.logoPngDataUrl;
  if (logo !== undefined && logo !== '' && !PNG_DATA_URL.test(logo)) invalid(form, 'El logotipo de la oficina debe ser una imagen PNG');
  const address = optionalText(form, o.address, 'domicilio de la oficina', 300);
  return {
    institution: requireText(form, o.institution, 'el nombre de la institución'),
    unit: requireText(form, o.unit, 'el nombre de la unidad'),
    acronym: requireText(form, o.acronym, 'las siglas de la oficina', 40),
    ...(address ? { address } : {}),
    ...(logo ? { logoPngDataUrl: logo } : {}),
  };
}

/** Checks the shared fields and returns them with defaults applied. */
export function validateBase(form: string, input: ShipmentFormBase): Required<ShipmentFormBase> {
  if (typeof input !== 'object' || input === null) invalid(form, 'Faltan los datos del formato');
  const folio = requireText(form, input.folio, 'el folio', 80);
  if (!QR_SAFE.test(folio)) invalid(form, 'El folio no puede contener «|» ni saltos de línea');
  const contentDigest = requireText(form, input.contentDigest, 'la huella del contenido', 64).toLowerCase();
  if (!HEX64.test(contentDigest)) invalid(form, 'La huella del contenido debe ser un SHA-256 de 64 dígitos hexadecimales');
  const chainHead = requireText(form, input.chainHead, 'la cabeza de la cadena de custodia', 64);
  if (!/^[0-9A-Za-z]+$/.test(chainHead)) invalid(form, 'La cabeza de la cadena de custodia sólo admite letras y dígitos');
  const pageSize = input.pageSize ?? 'LETTER';
  if (!PAGE_SIZES.includes(pageSize)) invalid(form, 'El tamaño de papel debe ser carta o A4');
  const reprint = input.reprint ?? 0;
  if (!Number.isInteger(reprint) || reprint < 0 || reprint > 999) invalid(form, 'El número de reimpresión no es válido');
  let voided: VoidInfo | null = null;
  if (input.voided) {
    voided = {
      reason: requireText(form, input.voided.reason, 'el motivo de la anulación', MAX_TEXT),
      at: requireIsoDate(form, input.voided.at, 'fecha de anulación'),
    };
  }
  return { office: validOffice(form, input.office), folio, contentDigest, chainHead, pageSize, reprint, voided };
}

export function validateClassification(form: string, value: unknown): Required<ClassificationInfo> {
  if (typeof value !== 'object' || value === null) invalid(form, 'Falta la clasificación');
  const c = value as Partial<ClassificationInfo>;
  if (c.level !== 'publica' && c.level !== 'reservada' && c.level !== 'confidencial') invalid(form, 'La clasificación no es válida');
  const legalBasis = optionalText(form, c.legalBasis, 'fundamento legal');
  if (c.level !== 'publica' && legalBasis === '') invalid(form, 'Falta el fundamento legal de la clasificación');
  return { level: c.level, legalBasis };
}

export function validateRecipient(form: string, value: unknown): RecipientInfo {
  if (typeof value !== 'object' || value === null) invalid(form, 'Faltan los datos del destinatario');
  const r = value as Partial<RecipientInfo>;
  const address = optionalText(form, r.address, 'domicilio del destinatario', 300);
  return {
    agencyName: requireText(form, r.agencyName, 'el nombre de la dependencia destinataria'),
    agencyAcronym: requireText(form, r.agencyAcronym, 'las siglas de la dependencia destinataria', 40),
    name: requireText(form, r.name, 'el nombre del destinatario'),
    position: requireText(form, r.position, 'el cargo del destinatario'),
    ...(address ? { address } : {}),
  };
}

/** A signer may be left blank on purpose (filled by hand); the strings are only trimmed. */
export function optionalPerson(form: string, value: unknown, what: string): PersonInfo {
  if (value === undefined || value === null) return { name: '', position: '' };
  if (typeof value !== 'object') invalid(form, `Los datos de ${what} no son válidos`);
  const p = value as Partial<PersonInfo>;
  return { name: optionalText(form, p.name, `nombre de ${what}`, 300), position: optionalText(form, p.position, `cargo de ${what}`, 300) };
}

/** `VALIJA|<folio>|<contentDigest>|<chainHead>`: a scanner finds the shipment and checks it is unchanged. */
export function formQrText(base: Pick<ShipmentFormBase, 'folio' | 'contentDigest' | 'chainHead'>): string {
  return `VALIJA|${base.folio}|${base.contentDigest}|${base.chainHead}`;
}

/** The banner text for the top of every page; none for public information. */
export function classificationBanner(level: Classification): string | undefined {
  return level === 'publica' ? undefined : `INFORMACIÓN ${CLASSIFICATION_LABELS[level].toUpperCase()}`;
}

export function classificationText(c: Required<ClassificationInfo>): string {
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
