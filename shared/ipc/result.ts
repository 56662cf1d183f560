import type { ErrorPayload } from '../errors';

/** What every IPC call returns: it never throws across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ErrorPayload): Result<T> {
  return { ok: false, error };
}
