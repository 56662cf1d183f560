import { z } from 'zod';
import { civilDateSchema } from './agencies';

/**
 * Removable media as the screens see it (docs/ARCHITECTURE.md, "Removable media"). Paths never come from the
 * screen: a drive is named by its mount path as listed by the core, and a
 * bag by its folder name on that drive (one path segment).
 */
export interface DriveInfo {
  id: string;
  label: string;
  mountPath: string;
  sizeBytes: number;
  freeBytes: number;
  filesystem: string;
  removable: boolean;
}

/** A folder on a drive holding a BagIt bag. */
export interface BagFolder {
  name: string;
  kind: 'envio' | 'expediente' | 'respaldo' | 'otro';
}

const drivePath = z.string().min(1).max(4096);
const bagName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'El nombre de la carpeta no es válido.');

export const stageFileSchema = z
  .object({
    shipmentId: z.string().min(1).max(64),
    fileName: z.string().min(1).max(255),
    /** Byte offset of this chunk; 0 starts the file again. */
    offset: z.number().int().min(0),
    base64: z.string().max(12_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no se recibió completo.'),
  })
  .strict();

export const loadMediaSchema = z.object({ shipmentId: z.string().min(1).max(64), drivePath, encrypt: z.boolean() }).strict();
export const bagRefSchema = z.object({ drivePath, bagName }).strict();
/** A period (creation dates, both ends included), or shipments chosen one by one. */
/** Encrypted unless an administrator confirms exporting in clear (checked in the core). */
const exportProtection = { encrypt: z.boolean().default(true), confirmClear: z.boolean().default(false) };
export const exportRecordsSchema = z.union([
  z.object({ drivePath, from: civilDateSchema, to: civilDateSchema, ...exportProtection }).strict(),
  z.object({ drivePath, shipmentIds: z.array(z.string().min(1).max(64)).min(1, 'Elija al menos un envío.').max(5000), ...exportProtection }).strict(),
]);
/** A backup replaces nothing until it opens: a password of one of its users, or its recovery code. */
export const backupUnlockSchema = z.union([
  z.object({ userName: z.string().trim().min(1, 'Escriba el usuario.').max(128), password: z.string().min(1, 'Escriba la contraseña.').max(1024) }).strict(),
  z.object({ recoveryCode: z.string().trim().min(1, 'Escriba el código de recuperación.').max(200) }).strict(),
]);
export const restoreSchema = z
  .object({ drivePath, bagName, confirmReplace: z.boolean().default(false), confirmOtherVault: z.boolean().default(false), unlock: backupUnlockSchema })
  .strict();

/** What a finished load returns to the screen, once: the passphrase is not kept anywhere. */
export interface LoadResult {
  bagName: string;
  files: number;
  bytes: number;
  passphrase: string | null;
  openingKeyPdfBase64: string | null;
  manifestPdfBase64: string;
}

export interface BagFileReport {
  path: string;
  status: 'ok' | 'missing' | 'altered' | 'unexpected';
}

export interface BagReport {
  valid: boolean;
  version: string | null;
  errors: string[];
  warnings: string[];
  files: BagFileReport[];
  /** bag-info.txt's External-Identifier (the folio), when present. */
  identifier: string | null;
}

export interface ExportSummary {
  bagName: string;
  shipments: number;
  files: number;
  bytes: number;
  /** Shown once (the job hands its result over once); null for an administrator's export in clear. */
  passphrase: string | null;
  openingKeyPdfBase64: string | null;
}

export interface BackupSummary {
  bagName: string;
  files: number;
  bytes: number;
}

export interface BackupReport {
  valid: boolean;
  problem: string | null;
  vaultId: string | null;
  officeName: string | null;
  createdAt: string | null;
  files: number;
  /** whether the backup is of the vault on this workstation; null when there is none to compare with */
  sameVault: boolean | null;
}

/** A repair of damaged months from a backup: what was repaired and what stays damaged (Spanish, one line each). */
export interface RepairSummary {
  repaired: string[];
  remaining: string[];
}

export interface RestoreSummary {
  replaced: boolean;
  keptCopy: string | null;
  files: number;
}
