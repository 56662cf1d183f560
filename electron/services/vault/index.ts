export { Vault, LockedVault, UnlockedVault } from './vault';
export type { CreateVaultOptions, KeyFileState, RotationHooks, UnlockOptions, UnlockTimings, VaultOptions, VaultProblem } from './vault';
export type { VaultStream, StreamEntry, AppendOptions, AppendResult, ResumePoint } from './stream';
export type { FrameRef } from './frames';
export type { ProgressFn } from './generations';
export { PRODUCTION_KDF, TEST_KDF, deriveKey, type ScryptParams } from './kdf';
export { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_BITS } from './recovery-code';
