import { describe, expect, it } from 'vitest';
import {
  allowedReleaseActions,
  mayEditRelease,
  nextReleaseState,
  RELEASE_ACTIONS,
  RELEASE_STATES,
  releaseEditOutcome,
  releaseRefusalOf,
  reviewStateAfterEdit,
  type ReleaseAction,
  type ReleaseForRules,
  type ReleaseState,
} from './release-states';

/** The edges of the life cycle as docs/DOMAIN.md («Difusiones») states them; anything else is illegal. Null: the release stays. */
const BEFORE_PUBLICATION = ['borrador', 'en_validacion_area', 'en_revision_juridica', 'devuelta', 'por_autorizar', 'autorizada'];
const LEGAL: Record<string, ReleaseState> = {
  'borrador>enviar_a_validacion': 'en_validacion_area',
  'devuelta>enviar_a_validacion': 'en_validacion_area',
  'en_validacion_area>validar_area': 'en_revision_juridica',
  'en_validacion_area>devolver_area': 'devuelta',
  'borrador>enviar_a_revision': 'en_revision_juridica',
  'devuelta>enviar_a_revision': 'en_revision_juridica',
  'en_revision_juridica>devolver': 'devuelta',
  'en_revision_juridica>aprobar_revision': 'por_autorizar',
  'por_autorizar>autorizar': 'autorizada',
  ...Object.fromEntries(BEFORE_PUBLICATION.filter((s) => s !== 'autorizada').map((s) => [`${s}>autorizar_urgente`, 'autorizada'])),
  'autorizada>ratificar_revision': 'autorizada',
  'publicada>ratificar_revision': 'publicada',
  'autorizada>ratificar_autorizacion': 'autorizada',
  'publicada>ratificar_autorizacion': 'publicada',
  'autorizada>publicar': 'publicada',
  'publicada>publicar': 'publicada',
  'publicada>cerrar': 'cerrada',
  ...Object.fromEntries(BEFORE_PUBLICATION.map((s) => [`${s}>cancelar`, 'cancelada'])),
};

const HEAD = 'area-head';
/** Holds every role and heads the area: only the state and the record decide. */
const everyone = { id: HEAD, roles: ['comunicacion_social', 'juridico', 'director', 'administrador'] as const, active: true };

/** A record that admits every action its state admits: a network release validated as it is, on the urgent path half-way. */
function admitting(state: ReleaseState, action: ReleaseAction): ReleaseForRules {
  const urgent = action === 'ratificar_revision' ? { reviewed: false, ratified: false } : action === 'ratificar_autorizacion' ? { reviewed: true, ratified: false } : null;
  return { state, preparedByIds: ['preparer'], hasNetworkChannel: action !== 'enviar_a_revision', areaValidationCurrent: false, areaHeadUserId: HEAD, urgent };
}

describe('release state machine', () => {
  const pairs = RELEASE_STATES.flatMap((state) => RELEASE_ACTIONS.map((action) => [state, action] as [ReleaseState, ReleaseAction]));

  it.each(pairs)('from %s, %s goes exactly where the life cycle says', (state, action) => {
    const expected = LEGAL[`${state}>${action}`] ?? null;
    expect(nextReleaseState(state, action)).toBe(expected);
    const refusal = releaseRefusalOf(admitting(state, action), everyone, action);
    if (expected === null) expect(refusal?.code).toBe('INVALID_TRANSITION');
    else expect(refusal).toBeNull();
  });

  it('routes a network release through the area: it cannot skip to legal until the area validated the current text', () => {
    const draft: ReleaseForRules = { state: 'borrador', preparedByIds: ['cs'], hasNetworkChannel: true, areaValidationCurrent: false, areaHeadUserId: HEAD, urgent: null };
    const cs = { id: 'cs', roles: ['comunicacion_social'] as const, active: true };
    expect(allowedReleaseActions(draft, cs)).toEqual(['enviar_a_validacion', 'autorizar_urgente', 'cancelar']);
    expect(releaseRefusalOf(draft, cs, 'enviar_a_revision')?.message).toMatch(/titular del área/);
    // Returned by legal after the area validated it, text unchanged: straight back to legal.
    expect(allowedReleaseActions({ ...draft, state: 'devuelta', areaValidationCurrent: true }, cs)).toEqual(['enviar_a_validacion', 'enviar_a_revision', 'autorizar_urgente', 'cancelar']);
    // A press bulletin with no network account never goes to the area.
    const bulletin = { ...draft, hasNetworkChannel: false };
    expect(allowedReleaseActions(bulletin, cs)).toEqual(['enviar_a_revision', 'autorizar_urgente', 'cancelar']);
    expect(releaseRefusalOf(bulletin, cs, 'enviar_a_validacion')?.message).toMatch(/Sólo una difusión en redes sociales/);
  });

  it('lets only the head of the providing area validate, and not if they prepared it', () => {
    const inArea: ReleaseForRules = { state: 'en_validacion_area', preparedByIds: ['cs'], hasNetworkChannel: true, areaValidationCurrent: false, areaHeadUserId: HEAD, urgent: null };
    expect(allowedReleaseActions(inArea, { id: HEAD, roles: ['capturista'], active: true })).toEqual(['validar_area', 'devolver_area']);
    expect(releaseRefusalOf(inArea, { id: 'boss', roles: ['director', 'administrador'], active: true }, 'validar_area')).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/titular del área/) });
    expect(releaseRefusalOf({ ...inArea, preparedByIds: [HEAD] }, { id: HEAD, roles: [], active: true }, 'validar_area')?.code).toBe('SEGREGATION_OF_DUTIES');
    expect(releaseRefusalOf({ ...inArea, areaHeadUserId: null }, { id: HEAD, roles: [], active: true }, 'validar_area')?.message).toMatch(/no tiene titular/);
    expect(releaseRefusalOf(inArea, { id: HEAD, roles: [], active: false }, 'validar_area')?.code).toBe('FORBIDDEN');
  });

  it('keeps the preparer away from legal review and from registering the authorisation', () => {
    const inReview: ReleaseForRules = { state: 'en_revision_juridica', preparedByIds: ['cs'], hasNetworkChannel: false, areaValidationCurrent: false, areaHeadUserId: null, urgent: null };
    expect(allowedReleaseActions(inReview, { id: 'lawyer', roles: ['juridico'], active: true })).toEqual(['devolver', 'aprobar_revision']);
    expect(releaseRefusalOf(inReview, { id: 'cs', roles: ['juridico', 'comunicacion_social'], active: true }, 'aprobar_revision')?.code).toBe('SEGREGATION_OF_DUTIES');
    expect(releaseRefusalOf(inReview, { id: 'cs2', roles: ['comunicacion_social'], active: true }, 'aprobar_revision')?.code).toBe('FORBIDDEN');

    const toSign = { ...inReview, state: 'por_autorizar' as const };
    expect(allowedReleaseActions(toSign, { id: 'dg', roles: ['director'], active: true })).toEqual(['autorizar']);
    expect(allowedReleaseActions(toSign, { id: 'cs2', roles: ['comunicacion_social'], active: true })).toEqual(['autorizar', 'autorizar_urgente', 'cancelar']);
    expect(allowedReleaseActions(toSign, { id: 'cs', roles: ['comunicacion_social'], active: true })).toEqual(['autorizar_urgente', 'cancelar']);
    expect(releaseRefusalOf(toSign, { id: 'cs', roles: ['comunicacion_social'], active: true }, 'autorizar')?.code).toBe('SEGREGATION_OF_DUTIES');
    expect(allowedReleaseActions(toSign, { id: 'lawyer', roles: ['juridico'], active: true })).toEqual([]);
  });

  it('holds an urgent release open until legal ratified it and the signed sheet came, in that order', () => {
    const published: ReleaseForRules = { state: 'publicada', preparedByIds: ['cs'], hasNetworkChannel: true, areaValidationCurrent: false, areaHeadUserId: HEAD, urgent: { reviewed: false, ratified: false } };
    const cs = { id: 'cs', roles: ['comunicacion_social'] as const, active: true };
    const lawyer = { id: 'lawyer', roles: ['juridico'] as const, active: true };
    const dg = { id: 'dg', roles: ['director'] as const, active: true };
    expect(releaseRefusalOf(published, cs, 'cerrar')?.message).toMatch(/pendiente de ratificar/);
    expect(allowedReleaseActions(published, lawyer)).toEqual(['ratificar_revision']);
    expect(releaseRefusalOf(published, dg, 'ratificar_autorizacion')?.message).toMatch(/Primero Jurídico/);
    const reviewed = { ...published, urgent: { reviewed: true, ratified: false } };
    expect(allowedReleaseActions(reviewed, dg)).toEqual(['ratificar_autorizacion']);
    expect(releaseRefusalOf(reviewed, cs, 'ratificar_autorizacion')?.code).toBe('SEGREGATION_OF_DUTIES');
    const ratified = { ...published, urgent: { reviewed: true, ratified: true } };
    expect(allowedReleaseActions(ratified, cs)).toEqual(['publicar', 'cerrar']);
    expect(releaseRefusalOf({ ...published, urgent: null }, lawyer, 'ratificar_revision')?.message).toMatch(/Sólo una difusión publicada con autorización verbal/);
  });

  it('edits freely while written, voids and sends back to review once approved, refuses otherwise', () => {
    expect(releaseEditOutcome('borrador')).toBe('edit');
    expect(releaseEditOutcome('devuelta')).toBe('edit');
    expect(releaseEditOutcome('por_autorizar')).toBe('back_to_review');
    expect(releaseEditOutcome('autorizada')).toBe('back_to_review');
    for (const s of ['en_validacion_area', 'en_revision_juridica', 'publicada', 'cerrada', 'cancelada'] as const) expect(releaseEditOutcome(s)).toBeNull();
    expect(reviewStateAfterEdit({ hasNetworkChannel: true, areaValidationCurrent: false })).toBe('en_validacion_area');
    expect(reviewStateAfterEdit({ hasNetworkChannel: true, areaValidationCurrent: true })).toBe('en_revision_juridica');
    expect(reviewStateAfterEdit({ hasNetworkChannel: false, areaValidationCurrent: false })).toBe('en_revision_juridica');
    expect(mayEditRelease({ state: 'borrador' }, { id: 'l', roles: ['juridico'], active: true })).toBeNull();
    expect(mayEditRelease({ state: 'autorizada' }, { id: 'c', roles: ['comunicacion_social'], active: true })).toBe('back_to_review');
  });
});
