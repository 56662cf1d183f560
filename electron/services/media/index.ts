/**
 * Removable media, the core: BagIt bags written to and read from drives,
 * age encryption of payloads, file-system limits and drive discovery.
 * No Electron, no IPC: main and the harness wire these to channels.
 */
export { writeBag, type BagContent, type BagInfoInput, type BagSourceFile, type WriteBagOptions, type WriteProgress, type WrittenBag, type WrittenFile } from './bagit-writer';
export { verifyBag, assertBagValid, type BagVerification, type BagFileReport, type BagFileStatus, type VerifyOptions, type VerifyProgress } from './bagit-verifier';
export type { BagIssue, BagIssueCode } from './bag-issues';
export type { BagInfoField, PayloadOxum } from './bag-info';
export { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from './manifests';
export {
  checkFilesystemLimits,
  checkFreeSpace,
  estimateBagBytes,
  filesystemFamily,
  formatBytes,
  FAT32_MAX_FILE_BYTES,
  type FilesystemFamily,
  type FsLimitCode,
  type FsLimitProblem,
  type PlannedFile,
} from './fs-limits';
export { listDrives, mapSystemDrives, TEST_DRIVES_ENV, TEST_DRIVE_FS_FILE, type Drive, type DriveSource, type ListDrivesOptions } from './drives';
export { encryptFile, decryptFile, encryptStream, decryptStream, AGE_EXTENSION, DEFAULT_SCRYPT_WORK_FACTOR, type AgeOptions, type AgeFileResult } from './age-payload';
export { generatePassphrase, normalizePassphrase, passphraseEntropyBits, PASSPHRASE_ALPHABET } from './passphrase';
export type { MediaErrorCode } from './media-errors';
