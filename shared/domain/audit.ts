/** What the audit log records (Administración → Bitácora). */
export const AUDIT_ACTIONS = {
  'vault.created': 'Bóveda creada',
  'session.signed_in': 'Inicio de sesión',
  'session.sign_in_failed': 'Intento fallido de inicio de sesión',
  'session.locked': 'Bloqueo por inactividad',
  'session.signed_out': 'Cierre de sesión',
  'session.password_changed': 'Cambio de contraseña',
  'session.recovered': 'Acceso con código de recuperación',
  'user.created': 'Usuario creado',
  'user.updated': 'Usuario modificado',
  'user.deactivated': 'Usuario dado de baja',
  'user.password_reset': 'Contraseña restablecida',
  'user.read_grants_changed': 'Acceso a información clasificada modificado',
  'shipment.read_refused': 'Consulta de envío clasificado rechazada',
  'settings.updated': 'Configuración modificada',
  'vault.key_rotated': 'Llave de cifrado renovada',
  'vault.keys_refused': 'Archivo de llaves rechazado por alteración',
  'vault.keys_authenticated': 'Archivo de llaves sellado contra alteraciones',
  'vault.recovery_code_renewed': 'Código de recuperación renovado',
  'vault.recovery_code_kept': 'Código de recuperación confirmado como guardado',
  'agency.created': 'Dependencia registrada',
  'agency.updated': 'Dependencia modificada',
  'agency.imported': 'Dependencias importadas de CSV',
  'agreement.created': 'Convenio registrado',
  'agreement.updated': 'Convenio modificado',
  'report.saved': 'Reporte del catálogo guardado',
  'obligation.saved': 'Obligación de reporte guardada',
  'example.loaded': 'Catálogo de ejemplo cargado',
  'example.removed': 'Catálogo de ejemplo retirado',
  'shipment.created': 'Envío creado',
  'shipment.updated': 'Envío modificado',
  'shipment.sheet_voided': 'Hoja de autorización anulada por cambio de contenido',
  'shipment.sent_to_review': 'Envío turnado a revisión jurídica',
  'shipment.returned': 'Envío devuelto con observaciones',
  'shipment.review_approved': 'Revisión jurídica aprobada',
  'shipment.sheet_generated': 'Hoja de autorización generada y folio asignado',
  'shipment.signature_registered': 'Firma del Director(a) General registrada',
  'shipment.sealed': 'Sellos del envío confirmados',
  'shipment.dispatched': 'Envío entregado a mensajería',
  'shipment.acknowledged': 'Acuse de recibo registrado',
  'shipment.rejected': 'Envío rechazado por el destinatario',
  'shipment.courier_returned': 'Envío devuelto por mensajería',
  'shipment.cancelled': 'Envío cancelado',
  'custody.recorded': 'Evento de cadena de custodia registrado',
  'custody.broken_seal': 'Sello dañado registrado en la cadena de custodia',
  'custody.verified': 'Integridad de la cadena de custodia verificada',
  'custody.exported': 'Bitácora de custodia exportada',
  'courier.saved': 'Mensajero registrado o modificado',
  'document.printed': 'Formato impreso',
  'media.loaded': 'Medio magnético cargado y verificado',
  'media.source_refused': 'Ubicación de archivo rechazada',
  'records.exported': 'Expediente exportado a medio extraíble',
  'records.export_refused': 'Exportación de expedientes rechazada',
  'social_account.created': 'Cuenta de red social registrada',
  'social_account.updated': 'Cuenta de red social modificada',
  'social_account.validated': 'Cuenta de red social validada',
  'social_account.removed': 'Cuenta de red social dada de baja',
  'social_account.custody_started': 'Custodia de contraseña asignada',
  'social_account.custody_ended': 'Custodia de contraseña terminada',
  'social_account.rotation_recorded': 'Cambio de contraseña registrado',
  'social_account.incident_opened': 'Incidente de cuenta de red social abierto',
  'social_account.incident_step': 'Paso del protocolo de incidente registrado',
  'social_account.incident_closed': 'Incidente de cuenta de red social cerrado',
  'social_account.directory_exported': 'Directorio público de cuentas exportado',
  'release.created': 'Difusión creada',
  'release.updated': 'Difusión modificada',
  'release.sheet_voided': 'Autorización de difusión anulada por cambio de contenido',
  'release.material_uploaded': 'Material de difusión recibido',
  'release.sent_to_area': 'Difusión turnada a validación del área',
  'release.area_validated': 'Difusión validada y aprobada por el área',
  'release.area_returned': 'Difusión devuelta con observaciones del área',
  'release.sent_to_review': 'Difusión turnada a revisión jurídica',
  'release.returned': 'Difusión devuelta con observaciones de Jurídico',
  'release.review_approved': 'Revisión jurídica de difusión aprobada',
  'release.authorized': 'Autorización firmada de difusión registrada',
  'release.urgent_authorized': 'Autorización verbal urgente de difusión registrada',
  'release.review_ratified': 'Revisión jurídica de difusión urgente ratificada',
  'release.authorization_ratified': 'Autorización firmada de difusión urgente ratificada',
  'release.published': 'Publicación de difusión registrada',
  'release.closed': 'Difusión cerrada',
  'release.cancelled': 'Difusión cancelada',
  'release.read_refused': 'Consulta de difusión rechazada',
  'release.dossier_exported': 'Expediente de difusión exportado',
  'release_request.submitted': 'Solicitud de difusión recibida',
  'release_request.converted': 'Solicitud de difusión convertida en difusión',
  'release_request.declined': 'Solicitud de difusión declinada',
  'blackout.saved': 'Periodo de veda guardado',
  'blackout.removed': 'Periodo de veda retirado',
  'area.created': 'Área registrada',
  'area.updated': 'Área modificada',
  'area.deactivated': 'Área dada de baja',
  'outlet.created': 'Medio de comunicación registrado',
  'outlet.updated': 'Medio de comunicación modificado',
  'outlet.deactivated': 'Medio de comunicación dado de baja',
  'programme.activity_saved': 'Actividad del programa anual guardada',
  'programme.activity_removed': 'Actividad del programa anual eliminada',
  'programme.date_saved': 'Fecha del programa anual guardada',
  'programme.date_removed': 'Fecha del programa anual eliminada',
  'programme.goal_saved': 'Meta del programa anual guardada',
  'programme.goal_removed': 'Meta del programa anual eliminada',
  'programme.example_loaded': 'Programa de ejemplo cargado',
  'programme.example_removed': 'Programa de ejemplo retirado',
  'programme.exported': 'Calendario o cumplimiento del programa exportado',
  'vault.backed_up': 'Respaldo de la bóveda creado',
  'vault.restored': 'Bóveda restaurada desde un respaldo',
  'vault.restore_refused': 'Restauración de un respaldo rechazada',
  'vault.upgraded': 'Bóveda actualizada al formato vigente',
  'vault.index_rebuilt': 'Índice reconstruido desde los registros',
  'vault.repaired': 'Registros dañados reparados desde un respaldo',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditActor {
  id: string;
  userName: string;
  fullName: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: AuditAction;
  /** Who did it; for a failed sign-in, the name that was typed. */
  actor: AuditActor | null;
  subject: string;
  details: Record<string, string | number | boolean>;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry that does not match, and why (Spanish). */
  firstBad: { seq: number; reason: string } | null;
  head: string;
}
