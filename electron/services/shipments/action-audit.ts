import type { AuditAction } from '../../../shared/domain/audit';
import type { ShipmentAction } from '../../../shared/domain/shipment-states';

/** The audit entry each life-cycle action writes. */
export const AUDIT_OF: Record<ShipmentAction, AuditAction> = {
  enviar_a_revision: 'shipment.sent_to_review',
  devolver: 'shipment.returned',
  aprobar_revision: 'shipment.review_approved',
  generar_hoja: 'shipment.sheet_generated',
  registrar_firma: 'shipment.signature_registered',
  sellar: 'shipment.sealed',
  despachar: 'shipment.dispatched',
  registrar_acuse: 'shipment.acknowledged',
  rechazar: 'shipment.rejected',
  devolucion_mensajeria: 'shipment.courier_returned',
  cancelar: 'shipment.cancelled',
};
