import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError, type ErrorCode } from '../../../shared/errors';

/** A fresh folder under the OS temp dir; call the returned cleanup in afterEach. */
export function tempDir(prefix = 'valija-vault-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `fn` and returns the AppError it threw, failing if it threw something else or nothing. */
export async function appErrorOf(fn: () => unknown): Promise<{ code: ErrorCode; message: string }> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
