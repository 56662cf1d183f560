import { ACCOUNT_KIND_LABELS, type AccountView } from '../../../../shared/domain/social-accounts';

/**
 * The type as the directory shows it. Décima novena: a personal account
 * administered by an area counts as official while its holder is in post, so
 * it reads as official; once removed it is only what it was.
 */
export function kindLabel(view: Pick<AccountView, 'account' | 'countsAsOfficial'>): string {
  const { kind } = view.account;
  if (kind === 'personal_administrada') return view.countsAsOfficial ? ACCOUNT_KIND_LABELS.personal_administrada : 'Personal administrada por el área';
  return ACCOUNT_KIND_LABELS[kind];
}

/** The sentence every form that touches custody carries: where a password belongs, and why not here. */
export const PASSWORD_POLICY_TEXT =
  'Valija no guarda contraseñas: anote aquí sólo dónde se resguarda (por ejemplo, el gestor de contraseñas del área) y quién la custodia; lo que se registra en Valija queda en la bitácora y no podría borrarse.';
