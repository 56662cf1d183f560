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
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Ocurrió un error inesperado en la pantalla. Intente de nuevo.';
}
