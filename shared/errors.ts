/**
 * Errors that cross the IPC boundary carry a stable `code` (for code and tests)
 * and a Spanish `message` (for the person at the workstation). The catalogue
 * below gives every code a default message; a service may pass a more precise
 * one (for example naming the agency or the file that failed).
 */
export const ERROR_MESSAGES = {
  VALIDATION: 'Los datos enviados no son válidos.',
  UNKNOWN_CHANNEL: 'La aplicación pidió una operación que no existe.',
  FORBIDDEN_SENDER: 'La solicitud no viene de la ventana de Valija y fue rechazada.',
  INTERNAL: 'Ocurrió un error inesperado. La operación no se completó; intente de nuevo y, si persiste, avise al administrador.',
  NOT_SIGNED_IN: 'Debe iniciar sesión para realizar esta operación.',
  FORBIDDEN: 'Su usuario no tiene permiso para realizar esta operación.',
  NOT_FOUND: 'El registro solicitado no existe.',
  VAULT_LOCKED: 'La bóveda está cerrada. Inicie sesión para abrirla.',
  VAULT_IN_USE: 'La bóveda ya está abierta en otra ventana o en otro programa de Valija. Cierre la otra instancia e intente de nuevo.',
  VAULT_NOT_FOUND: 'No existe una bóveda en la carpeta de datos indicada.',
  VAULT_EXISTS: 'Ya existe una bóveda en la carpeta de datos indicada; no se sobrescribirá.',
  VAULT_CORRUPT: 'Un archivo de la bóveda está dañado y no se pudo leer.',
  VAULT_TRUNCATED: 'Un archivo de la bóveda está incompleto (truncado).',
  VAULT_FILE_MISSING: 'Falta un archivo de la bóveda.',
  VAULT_TAMPERED: 'El archivo de llaves de la bóveda fue modificado fuera de Valija; no se usó.',
  VAULT_ROLLBACK: 'El archivo de llaves de la bóveda es una copia anterior a la vigente; no se usó.',
  VAULT_VERSION: 'La bóveda fue creada por una versión más reciente de Valija.',
  WRONG_PASSWORD: 'Usuario o contraseña incorrectos.',
  WRONG_RECOVERY_CODE: 'El código de recuperación no es correcto.',
  NO_KEY_SLOT: 'Este usuario no tiene acceso a la bóveda.',
  USER_INACTIVE: 'Este usuario está dado de baja y no puede iniciar sesión.',
  TOO_MANY_ATTEMPTS: 'Demasiados intentos fallidos. Espere unos segundos antes de intentar de nuevo.',
  WEAK_PASSWORD: 'La contraseña no cumple las reglas de seguridad.',
  CONFLICT: 'El registro ya existe.',
  IO: 'No se pudo leer o escribir en el disco.',
  PDF_RENDER: 'No se pudo generar el documento PDF; no se imprimió nada. Intente de nuevo y, si persiste, avise al administrador.',
  NO_VALID_AGREEMENT: 'La dependencia no tiene un convenio de colaboración vigente en la fecha indicada.',
  AGENCY_INACTIVE: 'La dependencia está dada de baja y no puede recibir información.',
  VAULT_LAST_SLOT: 'No se puede quitar el último usuario con acceso a la bóveda; agregue otro antes.',
  INVALID_TRANSITION: 'El envío no admite esa acción en su estado actual.',
  SEGREGATION_OF_DUTIES: 'Quien preparó el envío no puede revisarlo ni registrar su autorización (separación de funciones).',
  SHIPMENT_NOT_EDITABLE: 'El contenido del envío ya no puede modificarse en su estado actual.',
  SEALS_MISMATCH: 'Los sellos verificados no coinciden con los registrados en el envío.',
  CUSTODY_OUT_OF_ORDER: 'La fecha y hora del movimiento no sigue el orden de la cadena de custodia.',
  SEAL_IN_USE: 'El número de sello ya está registrado en otro envío.',
  SIGNATURE_REFUSED: 'La firma no puede registrarse: revise la fecha y que la hoja se haya impreso.',
  MEDIA_NOT_LOADED: 'El medio magnético debe cargarse y verificarse antes de sellar el envío.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
