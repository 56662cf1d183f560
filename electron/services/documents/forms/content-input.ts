/**
 * The shipment contents as the forms print them (inventory, sealed envelope,
 * magnetic media), with the same shapes as shared/domain/shipments so the
 * records map onto them one to one, and the checks a form needs before
 * drawing them (a form must fail loudly rather than print half a table).
 */
import type { EnvelopeDetails, InventoryItem, MediaDetails } from '../../../../shared/domain/shipments';
import { MEDIA_KINDS, SANITISATION_METHODS } from '../../../../shared/domain/shipments';
import { invalid, optionalText, requireArray, requireCount, requireText } from './form-input';

export type InventoryLine = Pick<InventoryItem, 'description' | 'type' | 'quantity' | 'sheets'>;
export type EnvelopeInfo = Pick<EnvelopeDetails, 'envelopeSize' | 'sheets' | 'seals' | 'packingNotes'>;
/** A loaded file as printed; a MediaDetails file (with more fields) fits as is. */
export interface MediaFileLine {
  name: string;
  size: number;
  sha256: string;
}
export type MediaInfo = Pick<MediaDetails, 'kind' | 'brand' | 'model' | 'serial' | 'capacity' | 'sanitisation'> & { files: MediaFileLine[] };

const SHA256 = /^[0-9a-f]{64}$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateInventory(form: string, value: unknown): InventoryLine[] {
  const items = requireArray<Partial<InventoryLine>>(form, value, 'el inventario', 500);
  if (items.length === 0) invalid(form, 'El inventario está vacío');
  return items.map((item, index) => {
    const what = `el elemento ${index + 1} del inventario`;
    if (typeof item !== 'object' || item === null) invalid(form, `Faltan los datos de ${what}`);
    const sheets = item.sheets === null || item.sheets === undefined ? null : requireCount(form, item.sheets, `fojas de ${what}`);
    return {
      description: requireText(form, item.description, `la descripción de ${what}`, 500),
      type: requireText(form, item.type, `el tipo de ${what}`, 60),
      quantity: requireCount(form, item.quantity, `cantidad de ${what}`),
      sheets,
    };
  });
}

export function validateSeals(form: string, value: unknown): string[] {
  return requireArray<unknown>(form, value, 'los números de sello', 50).map((seal, index) =>
    requireText(form, seal, `el sello ${index + 1}`, 60),
  );
}

export function validateEnvelope(form: string, value: unknown): EnvelopeInfo | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') invalid(form, 'Los datos del sobre no son válidos');
  const e = value as Partial<EnvelopeInfo>;
  return {
    envelopeSize: requireText(form, e.envelopeSize, 'el tamaño del sobre', 60),
    sheets: requireCount(form, e.sheets, 'hojas del sobre'),
    seals: validateSeals(form, e.seals),
    packingNotes: optionalText(form, e.packingNotes, 'notas de empaque'),
  };
}

export function validateMediaFiles(form: string, value: unknown): MediaFileLine[] {
  return requireArray<Partial<MediaFileLine>>(form, value, 'los archivos del medio').map((file, index) => {
    const what = `el archivo ${index + 1}`;
    if (typeof file !== 'object' || file === null) invalid(form, `Faltan los datos de ${what}`);
    const sha256 = requireText(form, file.sha256, `la huella SHA-256 de ${what}`, 64).toLowerCase();
    if (!SHA256.test(sha256)) invalid(form, `La huella SHA-256 de ${what} no es válida`);
    return { name: requireText(form, file.name, `el nombre de ${what}`, 1000), size: requireCount(form, file.size, `tamaño de ${what}`), sha256 };
  });
}

export function validateMedia(form: string, value: unknown): MediaInfo | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') invalid(form, 'Los datos del medio no son válidos');
  const m = value as Partial<MediaInfo>;
  if (!MEDIA_KINDS.includes(m.kind as MediaInfo['kind'])) invalid(form, 'El tipo de medio no es válido');
  const s = m.sanitisation as Partial<MediaInfo['sanitisation']> | undefined;
  if (typeof s !== 'object' || s === null) invalid(form, 'Falta el registro de borrado seguro del medio');
  if (!SANITISATION_METHODS.includes(s.method as MediaInfo['sanitisation']['method'])) invalid(form, 'El método de borrado no es válido');
  const date = requireText(form, s.date, 'la fecha del borrado', 10);
  if (!CIVIL_DATE.test(date)) invalid(form, 'La fecha del borrado debe tener la forma AAAA-MM-DD');
  return {
    kind: m.kind as MediaInfo['kind'],
    brand: requireText(form, m.brand, 'la marca del medio', 80),
    model: optionalText(form, m.model, 'modelo del medio', 80),
    serial: requireText(form, m.serial, 'el número de serie del medio', 120),
    capacity: requireText(form, m.capacity, 'la capacidad del medio', 40),
    sanitisation: {
      method: s.method as MediaInfo['sanitisation']['method'],
      tool: requireText(form, s.tool, 'la herramienta de borrado', 120),
      date,
      performedBy: requireText(form, s.performedBy, 'quién realizó el borrado', 120),
      verifiedBy: requireText(form, s.verifiedBy, 'quién verificó el borrado', 120),
    },
    files: validateMediaFiles(form, m.files),
  };
}
