import { createHash, randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type { Agency, Agreement, AttachedFile, Obligation, ReportDefinition } from '../../../shared/domain/agencies';
import type { Area, MediaOutlet } from '../../../shared/domain/areas';
import type { Blackout } from '../../../shared/domain/releases';
import type { Courier } from '../../../shared/domain/custody';
import type { OfficeProfile } from '../../../shared/domain/office';
import type { PrintedSheetInfo } from '../../../shared/domain/printing';
import { emptyProgramme, type Programme } from '../../../shared/domain/programme';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import type { User } from '../../../shared/domain/users';

/**
 * The vault's documents: each one's name, what it holds and what it holds in
 * a vault that has none yet, written once here. `vault.doc` hands out one
 * shared instance per name (the first open's defaults win), so every service
 * that opens a document through these reads what the others wrote.
 */

/** What opening a document needs of the vault (an unlocked one, or a backup being restored). */
export interface DocumentVault {
  doc<T>(name: string, defaults: T): Promise<Low<T>>;
}

function document<T>(name: string, defaults: () => T): (vault: DocumentVault) => Promise<Low<T>> {
  return (vault) => vault.doc<T>(name, defaults());
}

// ---- the office and its people ---------------------------------------------

export interface VaultMeta {
  vaultId: string;
  createdAt: string;
}

export const EMPTY_OFFICE: OfficeProfile = { institution: '', unit: '', acronym: '', folioPrefix: '', address: '' };

/** Which vault this is: an id made when it is created, so a backup can tell it is of the same vault. */
export function metaDoc(vault: DocumentVault, clock: () => Date): Promise<Low<VaultMeta>> {
  return vault.doc<VaultMeta>('meta', { vaultId: randomUUID(), createdAt: clock().toISOString() });
}
export const officeDoc = document<OfficeProfile>('office', () => EMPTY_OFFICE);
export const usersDoc = document<{ users: User[] }>('users', () => ({ users: [] }));
export const settingsDoc = document<Settings>('settings', () => DEFAULT_SETTINGS);

// ---- the directory: agencies, agreements, reports --------------------------

export const agenciesDoc = document<{ agencies: Agency[] }>('agencies', () => ({ agencies: [] }));
export const agreementsDoc = document<{ agreements: Agreement[] }>('agreements', () => ({ agreements: [] }));
export const reportsDoc = document<{ reports: ReportDefinition[]; obligations: Obligation[] }>('reports', () => ({ reports: [], obligations: [] }));

// ---- areas of the office and media outlets -----------------------------------

export const areasDoc = document<{ areas: Area[] }>('areas', () => ({ areas: [] }));
export const outletsDoc = document<{ outlets: MediaOutlet[] }>('media-outlets', () => ({ outlets: [] }));

// ---- releases (Comunicación Social) -------------------------------------------

/** Material uploaded for releases and requests: a release or request may only refer to these, exactly as stored. */
export const releaseMaterialsDoc = document<{ files: AttachedFile[] }>('release-materials', () => ({ files: [] }));
/** The blackout periods (vedas) the administrator keeps. */
export const blackoutsDoc = document<{ blackouts: Blackout[] }>('release-blackouts', () => ({ blackouts: [] }));
// ---- Comunicación Social's annual programme ---------------------------------

/**
 * One programme per year, each its own small document (at most
 * MAX_ACTIVITIES activities, MAX_DATES dates and MAX_GOALS goals, a few tens
 * of KB): a year's edit rewrites only that year. `programmeYearsDoc` lists
 * the years that have one, so the screens can offer them without opening
 * every year.
 */
export function programmeDoc(vault: DocumentVault, year: number): Promise<Low<Programme>> {
  return vault.doc<Programme>(`programme-${year}`, emptyProgramme(year));
}
export const programmeYearsDoc = document<{ years: number[] }>('programme-years', () => ({ years: [] }));

// ---- shipments --------------------------------------------------------------

/** Attachments uploaded from the shipment form: a shipment may only refer to these, exactly as stored. */
export const shipmentAttachmentsDoc = document<{ files: AttachedFile[] }>('shipment-attachments', () => ({ files: [] }));

/** A print as vaults written before the `prints` stream kept it: its PDF in a base64 document of its own. */
export interface LegacyPrint extends PrintedSheetInfo {
  blobId: string;
}
/** Read, never written: the prints of older vaults (see shipments/printed-sheets.ts). */
export const legacyPrintsDoc = document<{ sheets: LegacyPrint[] }>('printed-sheets', () => ({ sheets: [] }));
/** Read, never written: how many times each form was printed in older vaults. */
export const legacyPrintCountsDoc = document<{ counts: Record<string, number> }>('form-prints', () => ({ counts: {} }));

// ---- custody -----------------------------------------------------------------

/** The couriers the counter offers. */
export const couriersDoc = document<{ couriers: Courier[] }>('couriers', () => ({ couriers: [] }));

// ---- blobs: one encrypted document per uploaded file ------------------------

export interface BlobContent {
  mediaType: string;
  base64: string;
}

export interface FileUpload extends BlobContent {
  fileName: string;
}

const BLOB_PREFIX = 'blob-';

/** Stores an uploaded file (a scan, an attachment) as a document of its own and describes it: size and SHA-256. */
export async function storeBlob(vault: DocumentVault, upload: FileUpload): Promise<AttachedFile> {
  const bytes = Buffer.from(upload.base64, 'base64');
  const blobId = `${BLOB_PREFIX}${randomUUID()}`;
  const doc = await vault.doc<BlobContent>(blobId, { mediaType: upload.mediaType, base64: upload.base64 });
  await doc.write();
  return { blobId, fileName: upload.fileName, mediaType: upload.mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The bytes of a stored file, as base64 with their media type. */
export async function readBlob(vault: DocumentVault, blobId: string): Promise<BlobContent> {
  return (await vault.doc<BlobContent>(blobId, { mediaType: '', base64: '' })).data;
}
