import type { Role } from './roles';
import { roleList, type ActorForRules, type Refusal } from './transition-rules';

export type { ActorForRules } from './transition-rules';

/**
 * The life cycle of a release to the public or to official networks
 * (docs/DOMAIN.md, «Difusiones»; directive 6.1.4, sections B and C): the ONE
 * place that says which transitions exist, who may take them and what an
 * edit does. The core enforces it; the screens only ask it what to offer.
 * The checks that need the vault (a printed sheet, a blackout, a lapse, an
 * embargo, a usable account) are the core's (communication/release-rules).
 */
export const RELEASE_STATES = ['borrador', 'en_validacion_area', 'en_revision_juridica', 'devuelta', 'por_autorizar', 'autorizada', 'publicada', 'cerrada', 'cancelada'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

export const RELEASE_STATE_LABELS: Record<ReleaseState, string> = {
  borrador: 'Borrador',
  en_validacion_area: 'En validación del área',
  en_revision_juridica: 'En revisión jurídica',
  devuelta: 'Devuelta con observaciones',
  por_autorizar: 'Por autorizar',
  autorizada: 'Autorizada',
  publicada: 'Publicada',
  cerrada: 'Cerrada',
  cancelada: 'Cancelada',
};

/** States nothing leaves. */
export const FINAL_RELEASE_STATES: readonly ReleaseState[] = ['cerrada', 'cancelada'];

export const RELEASE_ACTIONS = [
  'enviar_a_validacion',
  'validar_area',
  'devolver_area',
  'enviar_a_revision',
  'devolver',
  'aprobar_revision',
  'autorizar',
  'autorizar_urgente',
  'ratificar_revision',
  'ratificar_autorizacion',
  'publicar',
  'cerrar',
  'cancelar',
] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

export const RELEASE_ACTION_LABELS: Record<ReleaseAction, string> = {
  enviar_a_validacion: 'Enviar a validación del área',
  validar_area: 'Validar y aprobar por el área',
  devolver_area: 'Devolver con observaciones del área',
  enviar_a_revision: 'Enviar a revisión jurídica',
  devolver: 'Devolver con observaciones',
  aprobar_revision: 'Aprobar revisión jurídica',
  autorizar: 'Registrar autorización del Director(a) General',
  autorizar_urgente: 'Registrar autorización verbal urgente',
  ratificar_revision: 'Ratificar revisión jurídica',
  ratificar_autorizacion: 'Ratificar autorización firmada',
  publicar: 'Registrar publicación',
  cerrar: 'Cerrar difusión',
  cancelar: 'Cancelar difusión',
};

/** What was done, as the history and the audit log say it. */
export const RELEASE_ACTION_DONE_LABELS: Record<ReleaseAction, string> = {
  enviar_a_validacion: 'Turnada a validación del área',
  validar_area: 'Validada y aprobada por el área',
  devolver_area: 'Devuelta con observaciones del área',
  enviar_a_revision: 'Turnada a revisión jurídica',
  devolver: 'Devuelta con observaciones de Jurídico',
  aprobar_revision: 'Revisión jurídica aprobada',
  autorizar: 'Autorización firmada del Director(a) General registrada',
  autorizar_urgente: 'Autorización verbal urgente registrada',
  ratificar_revision: 'Revisión jurídica ratificada',
  ratificar_autorizacion: 'Autorización firmada ratificada',
  publicar: 'Publicación registrada',
  cerrar: 'Difusión cerrada',
  cancelar: 'Difusión cancelada',
};

/** Comunicación Social handles every campaign (6.1.4 B.1, C.1); the administrator may keep its records too. */
const COMMUNICATION: readonly Role[] = ['comunicacion_social', 'administrador'];
const LEGAL: readonly Role[] = ['juridico'];
/** The Director General signs by hand; Comunicación Social may register that signature on the Director's behalf. */
const SIGNATURE: readonly Role[] = ['director', ...COMMUNICATION];

/** Who may take an action: holders of a role, or the head of the providing area (whatever their roles). */
export type ActionActors = { roles: readonly Role[] } | { areaHead: true };

export interface ReleaseTransitionRule {
  from: readonly ReleaseState[];
  /** null: the release stays in its state (a ratification, a further channel). */
  to: ReleaseState | null;
  who: ActionActors;
  /** Whoever prepared the release may not take it (segregation of duties). */
  notByPreparer: boolean;
}

/** Before anything is published: cancellation and the urgent path are still possible. */
const BEFORE_PUBLICATION: readonly ReleaseState[] = ['borrador', 'en_validacion_area', 'en_revision_juridica', 'devuelta', 'por_autorizar', 'autorizada'];
const EDITING: readonly ReleaseState[] = ['borrador', 'devuelta'];

export const RELEASE_TRANSITIONS: Record<ReleaseAction, ReleaseTransitionRule> = {
  // 6.1.4 C.2: a network release is validated and approved by the head of the area that provides the information.
  enviar_a_validacion: { from: EDITING, to: 'en_validacion_area', who: { roles: COMMUNICATION }, notByPreparer: false },
  validar_area: { from: ['en_validacion_area'], to: 'en_revision_juridica', who: { areaHead: true }, notByPreparer: true },
  devolver_area: { from: ['en_validacion_area'], to: 'devuelta', who: { areaHead: true }, notByPreparer: true },
  // 6.1.4 B.2: legal reviews before anything is printed or broadcast.
  enviar_a_revision: { from: EDITING, to: 'en_revision_juridica', who: { roles: COMMUNICATION }, notByPreparer: false },
  devolver: { from: ['en_revision_juridica'], to: 'devuelta', who: { roles: LEGAL }, notByPreparer: true },
  aprobar_revision: { from: ['en_revision_juridica'], to: 'por_autorizar', who: { roles: LEGAL }, notByPreparer: true },
  // 6.1.4 B.3: the Director General approves, on the printed sheet.
  autorizar: { from: ['por_autorizar'], to: 'autorizada', who: { roles: SIGNATURE }, notByPreparer: true },
  // The office's emergency path: published on the Director's spoken word, ratified afterwards.
  autorizar_urgente: { from: BEFORE_PUBLICATION.filter((s) => s !== 'autorizada'), to: 'autorizada', who: { roles: COMMUNICATION }, notByPreparer: false },
  ratificar_revision: { from: ['autorizada', 'publicada'], to: null, who: { roles: LEGAL }, notByPreparer: true },
  ratificar_autorizacion: { from: ['autorizada', 'publicada'], to: null, who: { roles: SIGNATURE }, notByPreparer: true },
  // 6.1.4 B.4, C.3: only after both filters is it published, channel by channel.
  publicar: { from: ['autorizada', 'publicada'], to: 'publicada', who: { roles: COMMUNICATION }, notByPreparer: false },
  cerrar: { from: ['publicada'], to: 'cerrada', who: { roles: COMMUNICATION }, notByPreparer: false },
  cancelar: { from: BEFORE_PUBLICATION, to: 'cancelada', who: { roles: COMMUNICATION }, notByPreparer: false },
};

/** The slice of a release the rules need; the core computes the flags from the record. */
export interface ReleaseForRules {
  state: ReleaseState;
  /** Users who prepared the content (the creator and anyone who edited it). */
  preparedByIds: readonly string[];
  /** Any channel is a social-network account: the providing area validates first. */
  hasNetworkChannel: boolean;
  /** The area's validation covers the text and the material as they are now. */
  areaValidationCurrent: boolean;
  /** The Valija user who heads the providing area; null while none is named. */
  areaHeadUserId: string | null;
  /** Published on the Director's verbal authorisation: whether legal reviewed it and the signed sheet was registered since. */
  urgent: { reviewed: boolean; ratified: boolean } | null;
}

const verb = (action: ReleaseAction) => RELEASE_ACTION_LABELS[action].toLowerCase();

/** The state `action` leads to from `state` (itself when it stays), or null when the machine has no such edge. */
export function nextReleaseState(state: ReleaseState, action: ReleaseAction): ReleaseState | null {
  const rule = RELEASE_TRANSITIONS[action];
  if (!rule.from.includes(state)) return null;
  return rule.to ?? state;
}

/** Why the record does not admit `action` now although its state does (the routing of networks and of the urgent path). */
function recordRefusal(release: ReleaseForRules, action: ReleaseAction): string | null {
  switch (action) {
    case 'enviar_a_validacion':
      return release.hasNetworkChannel ? null : 'Sólo una difusión en redes sociales pasa por la validación del área; envíela a revisión jurídica.';
    case 'enviar_a_revision':
      return release.hasNetworkChannel && !release.areaValidationCurrent
        ? 'Una difusión en redes sociales debe validarla y aprobarla primero el titular del área que proporciona la información (directiva 6.1.4, C.2).'
        : null;
    case 'ratificar_revision':
      if (!release.urgent) return 'Sólo una difusión publicada con autorización verbal urgente se ratifica.';
      return release.urgent.reviewed ? 'La revisión jurídica de esta difusión urgente ya se ratificó.' : null;
    case 'ratificar_autorizacion':
      if (!release.urgent) return 'Sólo una difusión publicada con autorización verbal urgente se ratifica.';
      if (release.urgent.ratified) return 'La autorización firmada de esta difusión urgente ya se registró.';
      return release.urgent.reviewed ? null : 'Primero Jurídico debe ratificar la revisión de la difusión urgente.';
    case 'cerrar':
      return release.urgent && !release.urgent.ratified ? 'La difusión urgente está pendiente de ratificar: se cierra cuando tenga su revisión jurídica y su autorización firmada.' : null;
    default:
      return null;
  }
}

/**
 * Why `user` may not take `action` on `release` now, or null when allowed.
 * Order matters for the message: the state first (the same for everyone),
 * then what the record admits, then who the user is, then segregation of duties.
 */
export function releaseRefusalOf(release: ReleaseForRules, user: ActorForRules, action: ReleaseAction): Refusal | null {
  const rule = RELEASE_TRANSITIONS[action];
  if (!rule.from.includes(release.state)) {
    return { code: 'INVALID_TRANSITION', message: `No se puede «${verb(action)}» una difusión en estado «${RELEASE_STATE_LABELS[release.state]}».` };
  }
  const record = recordRefusal(release, action);
  if (record) return { code: 'INVALID_TRANSITION', message: record };
  if (!user.active) return { code: 'FORBIDDEN', message: 'Su usuario está dado de baja.' };
  if ('areaHead' in rule.who) {
    if (release.areaHeadUserId === null) return { code: 'FORBIDDEN', message: 'El área que proporciona la información no tiene titular con usuario en Valija: el administrador debe nombrarlo en el catálogo de áreas.' };
    if (release.areaHeadUserId !== user.id) return { code: 'FORBIDDEN', message: `Sólo el titular del área que proporciona la información puede «${verb(action)}».` };
  } else if (!rule.who.roles.some((r) => user.roles.includes(r))) {
    return { code: 'FORBIDDEN', message: `Sólo un usuario con el rol ${roleList(rule.who.roles)} puede «${verb(action)}».` };
  }
  if (rule.notByPreparer && release.preparedByIds.includes(user.id)) {
    return { code: 'SEGREGATION_OF_DUTIES', message: `Usted preparó esta difusión: otra persona debe «${verb(action)}» (separación de funciones).` };
  }
  return null;
}

/** The actions this user may take on this release now, in life-cycle order. */
export function allowedReleaseActions(release: ReleaseForRules, user: ActorForRules): ReleaseAction[] {
  return RELEASE_ACTIONS.filter((action) => releaseRefusalOf(release, user, action) === null);
}

/** Roles that may edit a release's content. */
export const RELEASE_EDITOR_ROLES: readonly Role[] = COMMUNICATION;

export type ReleaseEditOutcome = 'edit' | 'back_to_review';

/**
 * What saving new text, material, channels or dates does in `state`: stays
 * put while it is being written; once legal approved it (a sheet may exist,
 * or the Director authorised it) the sheet is voided and it goes back to
 * review; under review, published or finished it is refused (null).
 */
export function releaseEditOutcome(state: ReleaseState): ReleaseEditOutcome | null {
  if (state === 'borrador' || state === 'devuelta') return 'edit';
  if (state === 'por_autorizar' || state === 'autorizada') return 'back_to_review';
  return null;
}

/**
 * Where an edit after legal approval sends the release: to the area first
 * when a network release's text or material changed since the area
 * validated it (the area approved other words), else straight to legal.
 */
export function reviewStateAfterEdit(after: Pick<ReleaseForRules, 'hasNetworkChannel' | 'areaValidationCurrent'>): ReleaseState {
  return after.hasNetworkChannel && !after.areaValidationCurrent ? 'en_validacion_area' : 'en_revision_juridica';
}

/** Whether this user may edit now, and what the edit would do. */
export function mayEditRelease(release: Pick<ReleaseForRules, 'state'>, user: ActorForRules): ReleaseEditOutcome | null {
  if (!user.active || !RELEASE_EDITOR_ROLES.some((r) => user.roles.includes(r))) return null;
  return releaseEditOutcome(release.state);
}
