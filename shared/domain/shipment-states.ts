import type { Role } from './roles';
import { roleList, type ActorForRules, type Refusal } from './transition-rules';

export type { ActorForRules, Refusal } from './transition-rules';

/**
 * The shipment life cycle (docs/DOMAIN.md, "The shipment life cycle"): the ONE
 * place that says which transitions exist, who may take them and when content
 * may still change. The core enforces it; the screens only ask it what to offer.
 */
export const SHIPMENT_STATES = [
  'borrador',
  'en_revision_juridica',
  'devuelto',
  'revisado',
  'por_firmar',
  'autorizado',
  'sellado',
  'en_transito',
  'entregado',
  'rechazado',
  'devuelto_mensajeria',
  'cancelado',
] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

export const SHIPMENT_STATE_LABELS: Record<ShipmentState, string> = {
  borrador: 'Borrador',
  en_revision_juridica: 'En revisión jurídica',
  devuelto: 'Devuelto con observaciones',
  revisado: 'Revisado',
  por_firmar: 'Por firmar',
  autorizado: 'Autorizado',
  sellado: 'Sellado',
  en_transito: 'En tránsito',
  entregado: 'Entregado',
  rechazado: 'Rechazado',
  devuelto_mensajeria: 'Devuelto por mensajería',
  cancelado: 'Cancelado',
};

/** States nothing leaves. */
export const FINAL_STATES: readonly ShipmentState[] = ['entregado', 'rechazado', 'devuelto_mensajeria', 'cancelado'];

export const SHIPMENT_ACTIONS = [
  'enviar_a_revision',
  'devolver',
  'aprobar_revision',
  'generar_hoja',
  'registrar_firma',
  'sellar',
  'despachar',
  'registrar_acuse',
  'rechazar',
  'devolucion_mensajeria',
  'cancelar',
] as const;
export type ShipmentAction = (typeof SHIPMENT_ACTIONS)[number];

export const SHIPMENT_ACTION_LABELS: Record<ShipmentAction, string> = {
  enviar_a_revision: 'Enviar a revisión jurídica',
  devolver: 'Devolver con observaciones',
  aprobar_revision: 'Aprobar revisión',
  generar_hoja: 'Generar hoja de autorización',
  registrar_firma: 'Registrar firma del Director(a) General',
  sellar: 'Confirmar sellos',
  despachar: 'Entregar a mensajería',
  registrar_acuse: 'Registrar acuse de recibo',
  rechazar: 'Registrar rechazo',
  devolucion_mensajeria: 'Registrar devolución por mensajería',
  cancelar: 'Cancelar envío',
};

/** What was done, as notifications and the history say it (the labels above are commands, for buttons). */
export const SHIPMENT_ACTION_DONE_LABELS: Record<ShipmentAction, string> = {
  enviar_a_revision: 'Turnado a revisión jurídica',
  devolver: 'Devuelto con observaciones',
  aprobar_revision: 'Revisión aprobada',
  generar_hoja: 'Hoja de autorización generada; folio asignado',
  registrar_firma: 'Firma del Director(a) General registrada',
  sellar: 'Sellos confirmados',
  despachar: 'Entregado a mensajería',
  registrar_acuse: 'Acuse de recibo registrado',
  rechazar: 'Rechazo registrado',
  devolucion_mensajeria: 'Devolución por mensajería registrada',
  cancelar: 'Envío cancelado',
};

/** Roles that prepare, pack and hand over shipments. */
const CLERKS: readonly Role[] = ['capturista', 'administrador'];
const LEGAL: readonly Role[] = ['juridico'];

export interface TransitionRule {
  from: readonly ShipmentState[];
  to: ShipmentState;
  /** Any one of these roles may take the action. */
  roles: readonly Role[];
  /** Whoever prepared the shipment may not take it (segregation of duties). */
  notByPreparer: boolean;
}

/** Every state before the shipment leaves the office: cancellation is still possible there. */
const BEFORE_TRANSIT: readonly ShipmentState[] = ['borrador', 'en_revision_juridica', 'devuelto', 'revisado', 'por_firmar', 'autorizado', 'sellado'];

export const TRANSITIONS: Record<ShipmentAction, TransitionRule> = {
  enviar_a_revision: { from: ['borrador', 'devuelto'], to: 'en_revision_juridica', roles: CLERKS, notByPreparer: false },
  devolver: { from: ['en_revision_juridica'], to: 'devuelto', roles: LEGAL, notByPreparer: true },
  aprobar_revision: { from: ['en_revision_juridica'], to: 'revisado', roles: LEGAL, notByPreparer: true },
  generar_hoja: { from: ['revisado'], to: 'por_firmar', roles: CLERKS, notByPreparer: false },
  // Recorded by a clerk on behalf of the Director General, who signs on paper, or by the Director.
  registrar_firma: { from: ['por_firmar'], to: 'autorizado', roles: [...CLERKS, 'director'], notByPreparer: true },
  sellar: { from: ['autorizado'], to: 'sellado', roles: CLERKS, notByPreparer: false },
  despachar: { from: ['sellado'], to: 'en_transito', roles: CLERKS, notByPreparer: false },
  registrar_acuse: { from: ['en_transito'], to: 'entregado', roles: CLERKS, notByPreparer: false },
  rechazar: { from: ['en_transito'], to: 'rechazado', roles: CLERKS, notByPreparer: false },
  devolucion_mensajeria: { from: ['en_transito'], to: 'devuelto_mensajeria', roles: CLERKS, notByPreparer: false },
  cancelar: { from: BEFORE_TRANSIT, to: 'cancelado', roles: CLERKS, notByPreparer: false },
};

/** The state `action` leads to from `state`, or null when the machine has no such edge. */
export function nextState(state: ShipmentState, action: ShipmentAction): ShipmentState | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state) ? rule.to : null;
}

/** Content may be edited freely here. */
export const EDITABLE_STATES: readonly ShipmentState[] = ['borrador', 'devuelto'];
/** The approval sheet exists here: an edit voids it and sends the shipment back to legal review. */
export const SHEET_STATES: readonly ShipmentState[] = ['por_firmar', 'autorizado'];
/** Roles that may edit content. */
export const EDITOR_ROLES: readonly Role[] = CLERKS;

export type EditOutcome = 'edit' | 'back_to_review';

/** What saving new content does in `state`: stays put, goes back to review voiding the sheet, or is refused (null). */
export function editOutcome(state: ShipmentState): EditOutcome | null {
  if (EDITABLE_STATES.includes(state)) return 'edit';
  if (SHEET_STATES.includes(state)) return 'back_to_review';
  return null;
}

/** The slice of a shipment the rules need. */
export interface ShipmentForRules {
  state: ShipmentState;
  /** Users who prepared the content (the creator and anyone who edited it). */
  preparedByIds: readonly string[];
}

/**
 * Why `user` may not take `action` on `shipment` now, or null when allowed.
 * Order matters for the message: the state first (the same for everyone),
 * then the role, then segregation of duties.
 */
export function refusalOf(shipment: ShipmentForRules, user: ActorForRules, action: ShipmentAction): Refusal | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(shipment.state)) {
    return {
      code: 'INVALID_TRANSITION',
      message: `No se puede «${SHIPMENT_ACTION_LABELS[action].toLowerCase()}» un envío en estado «${SHIPMENT_STATE_LABELS[shipment.state]}».`,
    };
  }
  if (!user.active || !rule.roles.some((r) => user.roles.includes(r))) {
    return {
      code: 'FORBIDDEN',
      message: `Sólo un usuario con el rol ${roleList(rule.roles)} puede «${SHIPMENT_ACTION_LABELS[action].toLowerCase()}».`,
    };
  }
  if (rule.notByPreparer && shipment.preparedByIds.includes(user.id)) {
    return {
      code: 'SEGREGATION_OF_DUTIES',
      message: `Usted preparó este envío: otra persona debe «${SHIPMENT_ACTION_LABELS[action].toLowerCase()}» (separación de funciones).`,
    };
  }
  return null;
}

/** The actions this user may take on this shipment now, in life-cycle order. */
export function allowedActions(shipment: ShipmentForRules, user: ActorForRules): ShipmentAction[] {
  return SHIPMENT_ACTIONS.filter((action) => refusalOf(shipment, user, action) === null);
}

/** Whether this user may edit the content now, and what the edit would do. */
export function mayEdit(shipment: ShipmentForRules, user: ActorForRules): EditOutcome | null {
  if (!user.active || !EDITOR_ROLES.some((r) => user.roles.includes(r))) return null;
  return editOutcome(shipment.state);
}
