import { describe, expect, it } from 'vitest';
import { allowedActions, editOutcome, mayEdit, nextState, refusalOf, SHIPMENT_ACTIONS, SHIPMENT_STATES, type ShipmentAction, type ShipmentState } from './shipment-states';

/** The edges of the life cycle as docs/DOMAIN.md states them; anything else is illegal. */
const LEGAL: Record<string, ShipmentState> = {
  'borrador>enviar_a_revision': 'en_revision_juridica',
  'devuelto>enviar_a_revision': 'en_revision_juridica',
  'en_revision_juridica>devolver': 'devuelto',
  'en_revision_juridica>aprobar_revision': 'revisado',
  'revisado>generar_hoja': 'por_firmar',
  'por_firmar>registrar_firma': 'autorizado',
  'autorizado>sellar': 'sellado',
  'sellado>despachar': 'en_transito',
  'en_transito>registrar_acuse': 'entregado',
  'en_transito>rechazar': 'rechazado',
  'en_transito>devolucion_mensajeria': 'devuelto_mensajeria',
  ...Object.fromEntries(['borrador', 'en_revision_juridica', 'devuelto', 'revisado', 'por_firmar', 'autorizado', 'sellado'].map((s) => [`${s}>cancelar`, 'cancelado'])),
};

const everyone = { id: 'boss', roles: ['capturista', 'juridico', 'administrador'] as const, active: true };

describe('shipment state machine', () => {
  const pairs = SHIPMENT_STATES.flatMap((state) => SHIPMENT_ACTIONS.map((action) => [state, action] as [ShipmentState, ShipmentAction]));

  it.each(pairs)('from %s, %s goes exactly where the life cycle says', (state, action) => {
    const expected = LEGAL[`${state}>${action}`] ?? null;
    expect(nextState(state, action)).toBe(expected);
    const refusal = refusalOf({ state, preparedByIds: ['someone-else'] }, everyone, action);
    if (expected === null) expect(refusal?.code).toBe('INVALID_TRANSITION');
    else expect(refusal).toBeNull();
  });

  it('offers the reviewer only review actions, and never to whoever prepared it', () => {
    const inReview = { state: 'en_revision_juridica' as const, preparedByIds: ['clerk'] };
    expect(allowedActions(inReview, { id: 'lawyer', roles: ['juridico'], active: true })).toEqual(['devolver', 'aprobar_revision']);
    expect(allowedActions(inReview, { id: 'clerk', roles: ['capturista', 'juridico'], active: true })).toEqual(['cancelar']);
    expect(refusalOf(inReview, { id: 'clerk', roles: ['juridico'], active: true }, 'aprobar_revision')?.code).toBe('SEGREGATION_OF_DUTIES');
    expect(refusalOf(inReview, { id: 'other', roles: ['capturista'], active: true }, 'aprobar_revision')?.code).toBe('FORBIDDEN');
  });

  it('lets a clerk other than the preparer, or the Director General, register the signature', () => {
    const toSign = { state: 'por_firmar' as const, preparedByIds: ['clerk'] };
    expect(allowedActions(toSign, { id: 'clerk', roles: ['capturista'], active: true })).toEqual(['cancelar']);
    expect(allowedActions(toSign, { id: 'clerk2', roles: ['capturista'], active: true })).toEqual(['registrar_firma', 'cancelar']);
    expect(allowedActions(toSign, { id: 'dg', roles: ['director'], active: true })).toEqual(['registrar_firma']);
    expect(allowedActions(toSign, { id: 'lawyer', roles: ['juridico'], active: true })).toEqual([]);
    expect(allowedActions(toSign, { id: 'clerk2', roles: ['capturista'], active: false })).toEqual([]);
  });

  it('edits freely in borrador/devuelto, sends back to review with a sheet, refuses otherwise', () => {
    expect(editOutcome('borrador')).toBe('edit');
    expect(editOutcome('devuelto')).toBe('edit');
    expect(editOutcome('por_firmar')).toBe('back_to_review');
    expect(editOutcome('autorizado')).toBe('back_to_review');
    for (const s of ['en_revision_juridica', 'revisado', 'sellado', 'en_transito', 'entregado', 'rechazado', 'devuelto_mensajeria', 'cancelado'] as const) expect(editOutcome(s)).toBeNull();
    expect(mayEdit({ state: 'borrador', preparedByIds: [] }, { id: 'l', roles: ['juridico'], active: true })).toBeNull();
  });
});
