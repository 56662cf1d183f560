import { AppError, type ErrorCode } from '../../../shared/errors';

/**
 * The removable-media core throws `AppError`s like the rest of the core. The
 * codes it would like to have in `shared/errors.ts` do not exist yet, so each
 * of them is mapped here to the nearest existing code. When the shared
 * catalogue grows, only this table changes: call sites name the media code.
 */
const MEDIA_CODE_FALLBACK = {
  /** The bag on disk or the data given to build one break BagIt or our safety rules. */
  MEDIA_BAG_INVALID: 'VALIDATION',
  /** A name that would escape the bag or cannot exist on the target file system. */
  MEDIA_UNSAFE_PATH: 'VALIDATION',
  /** Not enough free space on the drive. */
  MEDIA_NO_SPACE: 'IO',
  /** What was read back from the drive differs from what was written. */
  MEDIA_VERIFY_FAILED: 'IO',
  /** The person cancelled the copy; nothing was left on the drive. */
  MEDIA_CANCELLED: 'VALIDATION',
  /** The target folder already exists on the drive. */
  MEDIA_TARGET_EXISTS: 'CONFLICT',
  /** An age file could not be decrypted with the passphrase given. */
  MEDIA_WRONG_PASSPHRASE: 'VALIDATION',
} as const satisfies Record<string, ErrorCode>;

export type MediaErrorCode = keyof typeof MEDIA_CODE_FALLBACK;

export function mediaError(code: MediaErrorCode, message: string, cause?: unknown): AppError {
  return new AppError(MEDIA_CODE_FALLBACK[code], message, cause === undefined ? undefined : { cause });
}

export const CANCELLED_MESSAGE = 'La operación se canceló.';

/** Turns an abort into the Spanish cancellation error; call inside loops that copy or hash. */
export function throwIfAborted(signal: AbortSignal | undefined, message: string = CANCELLED_MESSAGE): void {
  if (signal?.aborted) throw mediaError('MEDIA_CANCELLED', message);
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
