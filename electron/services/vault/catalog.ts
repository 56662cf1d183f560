import { DurableFile } from './durable-file';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import { aadName, type GenerationLayout } from './layout';

/**
 * Which documents and streams exist. Without it a deleted document would
 * silently come back as its defaults; with it, a missing file is reported.
 */
export interface CatalogData {
  version: 1;
  /**
   * The format of the records inside (absent: 1). 1: each shipment revision a
   * whole copy of the shipment (`shipments` stream); 2: each revision only
   * what changed (`shipment-changes`). Raised only by a completed upgrade.
   */
  format?: number;
  docs: string[];
  streams: string[];
  /**
   * The highest keys.json counter this vault has written. Kept here, under
   * the DEK, so a keys.json copied back from earlier (same DEK, valid MAC)
   * is refused; absent only in vaults whose keys.json predates the MAC.
   */
  keysCounter?: number;
}

/** The records format this code writes; vaults of an older one are upgraded when opened. */
export const CURRENT_FORMAT = 2;

function isCatalog(value: unknown): boolean {
  const v = value as Partial<CatalogData> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.docs) && Array.isArray(v.streams);
}

export function emptyCatalog(): CatalogData {
  return { version: 1, format: CURRENT_FORMAT, docs: [], streams: [] };
}

export function catalogFile(layout: GenerationLayout, key: Buffer): DurableFile<CatalogData> {
  return new DurableFile<CatalogData>(layout.catalogFile, layout.label(layout.catalogFile), encryptedJsonDecoder(key, aadName.catalog(), isCatalog));
}

export function encodeCatalog(key: Buffer, data: CatalogData): Buffer {
  return encodeEncryptedJson(key, aadName.catalog(), data);
}
