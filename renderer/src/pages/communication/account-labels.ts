import { ACCOUNT_KIND_LABELS, type AccountView } from '../../../../shared/domain/social-accounts';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';

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

/** Why the account owes a password change, in one sentence naming the custodian who left when one did. */
export function pendingReason(view: Pick<AccountView, 'account' | 'pendingRotation'>): string {
  const pending = view.pendingRotation;
  if (!pending) return '';
  const since = formatCivilDate(pending.since);
  if (pending.reason === 'periodico') return `Venció el cambio periódico de contraseña el ${since}.`;
  if (pending.reason === 'incidente') return `Desde el ${since}, por un incidente.`;
  const custody = view.account.custodies.find((c) => c.id === pending.custodyId);
  return custody ? `El ${since} terminó la custodia de ${custody.custodian.fullName}.` : `Desde el ${since}, por la salida de un custodio.`;
}

/**
 * The core writes the dates inside a history line as `YYYY-MM-DD` and its
 * instants as ISO-8601; the office reads them as dd/mm/aaaa and dd/mm/aaaa
 * hh:mm in its own time zone.
 */
export function withOfficeDates(text: string): string {
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (instant) => formatDateTime(instant))
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}/${m}/${y}`);
}
