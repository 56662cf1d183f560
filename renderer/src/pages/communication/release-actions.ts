import { RELEASE_ACTION_LABELS, type ReleaseAction } from '../../../../shared/domain/release-states';
import { LEGAL_CHECKS, type LegalCheck, type Release, type ReleaseView } from '../../../../shared/domain/releases';
import type { Role } from '../../../../shared/domain/roles';
import { COMMUNICATION } from '../../../../shared/ipc/access';
import { nowInOffice, parseOfficeDateTime } from '../../forms/office-datetime';

/** How a button reads: the state machine's label, but the urgent path says what it is for. */
export function actionLabel(action: ReleaseAction): string {
  return action === 'autorizar_urgente' ? 'Publicar con autorización verbal' : RELEASE_ACTION_LABELS[action];
}

export type ActionTone = 'forward' | 'back' | 'danger' | 'urgent';

export function actionTone(action: ReleaseAction): ActionTone {
  if (action === 'cancelar') return 'danger';
  if (action === 'devolver' || action === 'devolver_area') return 'back';
  if (action === 'autorizar_urgente') return 'urgent';
  return 'forward';
}

/**
 * The buttons the detail page offers: exactly the actions the state
 * machine allows this user (the core's view), the ordinary path first, the
 * urgent path and the cancellation last.
 */
export function offeredActions(view: Pick<ReleaseView, 'actions'>): ReleaseAction[] {
  const rank = (a: ReleaseAction) => (a === 'cancelar' ? 2 : a === 'autorizar_urgente' ? 1 : 0);
  return [...view.actions].sort((a, b) => rank(a) - rank(b));
}

/**
 * Whether the authorisation sheet may be printed now: by Comunicación Social
 * (the channel's roles) once Jurídico approved it, or on the urgent path once
 * Jurídico ratified and before the signed sheet came (release-service: printSheet).
 */
export function mayPrintSheet(release: Pick<Release, 'state' | 'urgent'>, roles: readonly Role[]): boolean {
  if (!COMMUNICATION.some((r) => roles.includes(r))) return false;
  const urgentToSign = release.urgent !== null && release.urgent.reviewedAt !== null && release.urgent.ratifiedAt === null;
  return release.state === 'por_autorizar' || urgentToSign;
}

export type ChecklistValues = Record<LegalCheck, { answer: 'si' | 'no' | null; note: string }>;

export function emptyChecklist(): ChecklistValues {
  return Object.fromEntries(LEGAL_CHECKS.map((c) => [c, { answer: null, note: '' }])) as ChecklistValues;
}

/** What the action's form holds: text fields by name, the checklist, the chosen channel key. */
export interface ActionValues {
  text: Record<string, string>;
  checklist: ChecklistValues;
}

const REQUIRED_TEXT: Partial<Record<ReleaseAction, Record<string, string>>> = {
  devolver_area: { observations: 'Escriba las observaciones del área.' },
  devolver: { observations: 'Escriba las observaciones para Comunicación Social.' },
  cancelar: { reason: 'Escriba el motivo de la cancelación.' },
  autorizar: { signerName: 'Escriba el nombre de quien firmó.', signerPosition: 'Escriba el cargo de quien firmó.', signedOn: 'Indique la fecha de la firma.' },
  ratificar_autorizacion: { signerName: 'Escriba el nombre de quien firmó.', signerPosition: 'Escriba el cargo de quien firmó.', signedOn: 'Indique la fecha de la firma.' },
  autorizar_urgente: { authorizedBy: 'Escriba quién autorizó de palabra.', at: 'Indique la fecha y hora de la autorización verbal.', category: 'Elija si es protección civil o una emergencia.', reason: 'Explique por qué no puede esperar.' },
  publicar: { channel: 'Elija el canal en que se publicó.', at: 'Indique la fecha y hora de la publicación.' },
};

const DATE_TIME_FORMAT = 'Escriba la fecha y la hora como dd/mm/aaaa hh:mm.';

/**
 * The payload of `releases.act` from the form (without the files, which
 * the page reads and adds), or each field's message. The core checks it
 * again with the same schema and its rules.
 */
export function actionPayload(action: ReleaseAction, values: ActionValues, now = new Date()): { payload: Record<string, unknown>; errors: null } | { payload: null; errors: Record<string, string> } {
  const t = (name: string) => (values.text[name] ?? '').trim();
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(REQUIRED_TEXT[action] ?? {})) if (!t(name)) errors[name] = message;
  // The form types minutes: «now» (the current minute, the form's default) is sent as the instant itself, so a
  // publication registered a few seconds after its authorisation is not read as earlier than it.
  const instant = (name: string) => {
    const iso = t(name) ? parseOfficeDateTime(t(name)) : null;
    if (t(name) && !iso) errors[name] = DATE_TIME_FORMAT;
    if (iso && iso === parseOfficeDateTime(nowInOffice(now))) return now.toISOString();
    return iso ?? '';
  };
  const checklist = () => {
    for (const c of LEGAL_CHECKS) if (values.checklist[c].answer === null) errors[`checklist.${c}`] = 'Responda «sí» o «no».';
    return Object.fromEntries(LEGAL_CHECKS.map((c) => [c, { answer: values.checklist[c].answer ?? 'no', note: values.checklist[c].note.trim() }]));
  };
  let payload: Record<string, unknown>;
  switch (action) {
    case 'enviar_a_validacion':
    case 'enviar_a_revision':
    case 'cerrar':
      payload = { remarks: t('remarks') };
      break;
    case 'validar_area':
    case 'devolver_area':
    case 'devolver':
      payload = { observations: t('observations') };
      break;
    case 'aprobar_revision':
    case 'ratificar_revision':
      payload = { checklist: checklist(), observations: t('observations') };
      break;
    case 'autorizar':
    case 'ratificar_autorizacion':
      payload = { signerName: t('signerName'), signerPosition: t('signerPosition'), signedOn: t('signedOn') };
      break;
    case 'autorizar_urgente':
      payload = { authorizedBy: t('authorizedBy'), at: instant('at'), category: t('category'), reason: t('reason') };
      break;
    case 'publicar': {
      const [type, ...id] = t('channel').split(':');
      payload = { channel: { type, id: id.join(':') }, at: instant('at'), url: t('url'), note: t('note') };
      break;
    }
    case 'cancelar':
      payload = { reason: t('reason') };
      break;
  }
  return Object.keys(errors).length > 0 ? { payload: null, errors } : { payload, errors: null };
}
