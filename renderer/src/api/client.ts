import type { Channel } from '../../../shared/ipc/channels';
import type { Input, Output, ValijaApi } from '../../../shared/ipc/contract';
import type { ErrorCode, ErrorPayload } from '../../../shared/errors';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser harness's shim. */
    api?: ValijaApi;
  }
}

/** A refusal from the core, with its stable code and Spanish message. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(error: ErrorPayload) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

function api(): ValijaApi {
  if (!window.api) {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'Valija no puede comunicarse con su núcleo. Abra la aplicación desde su acceso directo.',
    });
  }
  return window.api;
}

/**
 * The only code in the renderer that touches `window.api`. Returns the value
 * or throws an ApiError whose message can be shown to the user as-is.
 */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await api().invoke(channel, input);
  if (!result.ok) {
    if (SESSION_LOST_CODES.has(result.error.code) && channel !== 'session.state') sessionLost?.();
    throw new ApiError(result.error);
  }
  return result.value;
}

/**
 * The refusals that mean the core is no longer open for this person: its own
 * idle lock (accounts/idle-guard), a lock for the system, a sign-out in
 * another way. The screen must follow the core, not keep showing a page
 * whose every call is refused.
 */
const SESSION_LOST_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NOT_SIGNED_IN', 'VAULT_LOCKED']);
let sessionLost: (() => void) | null = null;

/** Who to tell when a call is refused because the session is gone (the session store, which then asks the core). */
export function onSessionLost(listener: (() => void) | null): void {
  sessionLost = listener;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Ocurrió un error inesperado en la pantalla. Intente de nuevo.';
}
