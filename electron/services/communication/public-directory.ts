/**
 * The public directory of social-network accounts (octava: the names and
 * list of official accounts are information of public interest), as CSV for
 * Excel and the transparency portal.
 */
import type { CivilDate } from '../../../shared/domain/agencies';
import { ACCOUNT_KIND_LABELS, NETWORK_LABELS, type SocialAccount } from '../../../shared/domain/social-accounts';
import { formatCivilDate } from '../../../shared/format/date';
import { excelCsv } from '../csv/csv';
import { countsAsOfficial, inPublicDirectory } from './account-rules';

export const PUBLIC_DIRECTORY_COLUMNS = ['Red social', 'Cuenta', 'Dirección', 'Tipo', 'Titular', 'Cargo del titular', 'Área responsable', 'Última validación'] as const;

/** How the directory names an account's type: a personal one listed at its holder's request is not official (quinta). */
export function publicKindLabel(account: SocialAccount): string {
  if (account.kind === 'personal_registrada') return 'Personal de servidor público (no es cuenta oficial)';
  return countsAsOfficial(account) ? (account.kind === 'oficial' ? 'Oficial' : ACCOUNT_KIND_LABELS.personal_administrada) : ACCOUNT_KIND_LABELS[account.kind];
}

/** The accounts the office lists publicly, official ones first, each network's accounts together. */
export function publicDirectoryAccounts(accounts: readonly SocialAccount[]): SocialAccount[] {
  return accounts
    .filter(inPublicDirectory)
    .sort((a, b) => Number(countsAsOfficial(b)) - Number(countsAsOfficial(a)) || NETWORK_LABELS[a.network].localeCompare(NETWORK_LABELS[b.network], 'es-MX') || a.handle.localeCompare(b.handle, 'es-MX'));
}

export function publicDirectoryCsv(accounts: readonly SocialAccount[]): string {
  const rows = publicDirectoryAccounts(accounts).map((a) => [
    NETWORK_LABELS[a.network],
    a.handle,
    a.url,
    publicKindLabel(a),
    a.holder?.fullName ?? '',
    a.holder?.position ?? '',
    a.area,
    formatCivilDate(a.lastValidatedOn),
  ]);
  return excelCsv([[...PUBLIC_DIRECTORY_COLUMNS], ...rows]);
}

export function publicDirectoryFileName(today: CivilDate): string {
  return `directorio-cuentas-redes-sociales-${today}.csv`;
}
