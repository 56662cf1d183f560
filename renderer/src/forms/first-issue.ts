import type { z } from 'zod';
import { ApiError } from '../api/client';

/**
 * Checks a form's value with the boundary's own schema before it is sent,
 * and throws the first rule's sentence as it is written there («Elija el
 * tipo de difusión.»), not wrapped in the envelope dispatch gives a refused
 * input. The core parses again; this only words the refusal better.
 */
export function assertValid<S extends z.ZodType>(schema: S, value: unknown): void {
  const checked = schema.safeParse(value);
  if (!checked.success) throw new ApiError({ code: 'VALIDATION', message: checked.error.issues[0]?.message ?? 'Los datos no son válidos.' });
}
