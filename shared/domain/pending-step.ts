import { ROLE_LABELS, type Role } from './roles';
import { refusalOf, TRANSITIONS, type ActorForRules, type ShipmentAction, type ShipmentForRules, type ShipmentState } from './shipment-states';
import type { ShipmentChannel } from './agencies';

/**
 * What a shipment waits for, and who may do it, so nobody has to ask: the
 * shipment page says it to everyone, and Inicio lists for each user what
 * waits for them. Derived from the life cycle's rules, never kept apart.
 */
export interface PendingStep {
  /** What has to happen next, in the office's words. */
  text: string;
  /** The actions that do it (any one of them). */
  actions: ShipmentAction[];
  /** Roles allowed, as labels («Jurídico»). */
  roles: string[];
  /** Whoever prepared the shipment may not do it. */
  notByPreparer: boolean;
}

const STEPS: Partial<Record<ShipmentState, { text: string; actions: ShipmentAction[] }>> = {
  borrador: { text: 'Completar el envío y enviarlo a revisión jurídica.', actions: ['enviar_a_revision'] },
  devuelto: { text: 'Atender las observaciones de Jurídico y volver a enviarlo a revisión.', actions: ['enviar_a_revision'] },
  en_revision_juridica: { text: 'Revisión jurídica: aprobarlo o devolverlo con observaciones.', actions: ['aprobar_revision', 'devolver'] },
  revisado: { text: 'Generar la hoja de autorización (le asigna el folio).', actions: ['generar_hoja'] },
  por_firmar: { text: 'Imprimir la hoja de autorización, recabar la firma del Director(a) General y registrarla.', actions: ['registrar_firma'] },
  autorizado: { text: 'Empacar el envío, sellarlo y confirmar los sellos.', actions: ['sellar'] },
  sellado: { text: 'Entregarlo a mensajería.', actions: ['despachar'] },
  en_transito: { text: 'Registrar el acuse de recibo (o el rechazo o la devolución).', actions: ['registrar_acuse', 'rechazar', 'devolucion_mensajeria'] },
};

export function pendingStepOf(shipment: ShipmentForRules & { channel: ShipmentChannel }): PendingStep | null {
  const step = STEPS[shipment.state];
  if (!step) return null;
  const rule = TRANSITIONS[step.actions[0] as ShipmentAction];
  const text = shipment.state === 'autorizado' && shipment.channel === 'medio_magnetico' ? 'Cargar el medio magnético (Medios extraíbles), después sellar el envío y confirmar los sellos.' : step.text;
  return { text, actions: step.actions, roles: rule.roles.map((r: Role) => ROLE_LABELS[r]), notByPreparer: rule.notByPreparer };
}

/** Whether `user` may take the pending step now. */
export function mayTakeStep(step: PendingStep, shipment: ShipmentForRules, user: ActorForRules): boolean {
  return step.actions.some((action) => refusalOf(shipment, user, action) === null);
}
