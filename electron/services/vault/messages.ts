/**
 * Spanish (es-MX) messages for the person at the workstation. Each names the
 * file involved so an administrator knows what to restore from a backup.
 * Kept in one place so the wording stays consistent across the engine.
 */
export const vaultMessages = {
  truncated: (file: string) =>
    `El archivo de la bóveda «${file}» está incompleto (truncado): le faltan datos. No se modificó; restáurelo desde un respaldo.`,
  corrupt: (file: string) =>
    `El archivo de la bóveda «${file}» está dañado o fue alterado (la verificación de integridad falló). No se modificó; restáurelo desde un respaldo.`,
  badMagic: (file: string) =>
    `El archivo «${file}» no es un archivo de bóveda de Valija o está dañado desde el inicio. No se modificó.`,
  trailing: (file: string) =>
    `El archivo de la bóveda «${file}» tiene datos de más al final; está dañado o fue alterado. No se modificó.`,
  newerVersion: (file: string, version: number) =>
    `El archivo «${file}» fue escrito por una versión más reciente de Valija (formato ${version}). Actualice Valija para abrirlo.`,
  missing: (file: string) =>
    `Falta el archivo de la bóveda «${file}». Restáurelo desde un respaldo; Valija no lo volverá a crear vacío.`,
  frameCorrupt: (file: string, frame: number) =>
    `El archivo de la bóveda «${file}» está dañado en el registro n.º ${frame}. No se modificó; restáurelo desde un respaldo.`,
  partitionTruncated: (file: string, had: number, has: number) =>
    `El archivo de la bóveda «${file}» está incompleto: tenía ${had} registros confirmados y ahora sólo se leen ${has}. No se modificó; restáurelo desde un respaldo.`,
  recoveredFromPrev: (file: string, problem: string) =>
    `${problem} Se abrió la copia anterior de «${file}»; los cambios guardados después de esa copia pueden faltar. El archivo dañado se conservará aparte.`,
  tornTail: (file: string, bytes: number, aside: string) =>
    `El último registro de «${file}» quedó a medio escribir (probablemente un corte de luz o un cierre forzado antes de confirmarse). Se retiró (${bytes} bytes) y se guardó aparte en «${aside}».`,
  tornTailPending: (file: string) =>
    `El último registro de «${file}» quedó a medio escribir (nunca se confirmó). Se ignora al leer y se retirará, guardando una copia aparte, en el próximo guardado.`,
  keysTampered: (file: string) =>
    `El archivo de llaves de la bóveda «${file}» fue modificado fuera de Valija: su sello de autenticidad no coincide (alguien pudo agregar un acceso o debilitar la protección de las contraseñas). No se usó ni se cambió nada; avise al administrador y restaure «${file}» desde un respaldo.`,
  keysRolledBack: (file: string, found: number, expected: number) =>
    `El archivo de llaves de la bóveda «${file}» es una copia anterior (versión ${found}; la bóveda ya va en la ${expected}). Alguien lo sustituyó por una versión vieja, con la que podría volver a entrar un usuario dado de baja. No se usó ni se cambió nada; avise al administrador.`,
  keysUnauthenticated: (file: string) =>
    `El archivo de llaves de la bóveda «${file}» perdió su sello de autenticidad (se le quitó o se sustituyó por uno de formato antiguo). No se usó ni se cambió nada; avise al administrador y restaure «${file}» desde un respaldo.`,
  kdfTooWeak: (file: string) =>
    `El archivo de llaves de la bóveda «${file}» pide una protección de contraseñas más débil que la que usa Valija; fue alterado. No se usó ni se cambió nada; restáurelo desde un respaldo.`,
  slotWithoutUser: (slotIds: string) =>
    `Estos accesos de la bóveda no pertenecen a ningún usuario activo y no recibirán la llave nueva: ${slotIds}.`,
  wrongPassword: () => 'Usuario o contraseña incorrectos.',
  noSlot: (slotId: string) => `El usuario «${slotId}» no tiene acceso a la bóveda.`,
  slotExists: (slotId: string) => `El usuario «${slotId}» ya tiene acceso a la bóveda.`,
  wrongRecovery: () => 'El código de recuperación no es correcto. Revise que haya copiado los 32 caracteres impresos.',
  recoveryFormat: (expected: number) =>
    `El código de recuperación no tiene el formato esperado: debe tener ${expected} letras y números (se ignoran espacios y guiones).`,
  lastSlot: () => 'No se puede quitar el último usuario con acceso a la bóveda; agregue otro antes.',
  weakPassword: () => 'La contraseña no puede estar vacía.',
  inUse: (pid: number) =>
    `La bóveda ya está abierta en otra ventana o en otro programa de Valija (proceso ${pid}). Cierre la otra instancia e intente de nuevo.`,
  inUseHere: () => 'La bóveda ya está abierta en esta misma aplicación. Ciérrela antes de abrirla de nuevo.',
  notFound: (dir: string) => `No existe una bóveda en la carpeta «${dir}».`,
  exists: (dir: string) => `Ya existe una bóveda en la carpeta «${dir}»; no se sobrescribirá.`,
  closed: () => 'La bóveda está cerrada. Inicie sesión para abrirla.',
  badName: (name: string) =>
    `El nombre «${name}» no es válido para un archivo de la bóveda (use minúsculas, números, guion o guion bajo).`,
  io: (what: string, file: string) => `No se pudo ${what} el archivo «${file}» en el disco.`,
} as const;
