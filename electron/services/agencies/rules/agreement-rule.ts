/**
 * Seed 000 A.2: official information is shared only with agencies that hold a
 * collaboration agreement (convenio de colaboración) valid on the dispatch
 * date. Both ends of an agreement's validity are inclusive; `validTo: null`
 * means indefinite.
 */
import { type Agency, type Agreement, type AgreementStatus, type CivilDate } from '../../../../shared/domain/agencies';
import { AppError } from '../../../../shared/errors';
import { civilParts, daysBetween, formatCivilDate } from './civil-date';

/** How many days before `validTo` an agreement starts showing «Por vencer». */
export const DEFAULT_AGREEMENT_WARN_DAYS = 30;

type AgreementDates = Pick<Agreement, 'validFrom' | 'validTo'>;

/**
 * vigente / por_vencer (validTo within `warnDays` days of `today`, inclusive) /
 * vencido (today after validTo) / no_iniciado (today before validFrom).
 */
export function agreementStatus(agreement: AgreementDates, today: CivilDate, warnDays: number = DEFAULT_AGREEMENT_WARN_DAYS): AgreementStatus {
  civilParts(today);
  if (today < agreement.validFrom) return 'no_iniciado';
  if (agreement.validTo === null) return 'vigente';
  if (today > agreement.validTo) return 'vencido';
  return daysBetween(today, agreement.validTo) <= warnDays ? 'por_vencer' : 'vigente';
}

/** True when `date` falls within the agreement's validity (both ends inclusive). */
export function isAgreementValidOn(agreement: AgreementDates, date: CivilDate): boolean {
  return agreement.validFrom <= date && (agreement.validTo === null || date <= agreement.validTo);
}

/** Days left until `validTo` (0 on its last day, negative once expired); null when indefinite. */
export function daysUntilExpiry(agreement: AgreementDates, today: CivilDate): number | null {
  return agreement.validTo === null ? null : daysBetween(today, agreement.validTo);
}

/** Orders valid candidates: indefinite first, then the one that lasts longest, then the most recently signed. */
function betterAgreement(a: Agreement, b: Agreement): Agreement {
  if (a.validTo === null && b.validTo !== null) return a;
  if (b.validTo === null && a.validTo !== null) return b;
  if (a.validTo !== b.validTo) return (a.validTo as string) > (b.validTo as string) ? a : b;
  if (a.signedOn !== b.signedOn) return a.signedOn > b.signedOn ? a : b;
  return a.id >= b.id ? a : b;
}

/**
 * The agreement of `agencyId` valid on `date`, or null. When several are valid
 * the one that lasts longest wins (an indefinite one beats any dated one).
 */
export function findValidAgreement(agreements: readonly Agreement[], agencyId: string, date: CivilDate): Agreement | null {
  civilParts(date);
  let best: Agreement | null = null;
  for (const a of agreements) {
    if (a.agencyId !== agencyId || !isAgreementValidOn(a, date)) continue;
    best = best === null ? a : betterAgreement(best, a);
  }
  return best;
}

export type MayReceiveResult =
  | { ok: true; agreement: Agreement }
  | { ok: false; code: 'NO_VALID_AGREEMENT' | 'AGENCY_INACTIVE'; message: string };

/** «CNI (Centro Nacional de Información)», or just the name when both are the same. */
export function agencyDisplayName(agency: Pick<Agency, 'acronym' | 'name'>): string {
  const acronym = agency.acronym.trim();
  const name = agency.name.trim();
  if (!acronym || acronym.toLowerCase() === name.toLowerCase()) return name || acronym;
  return `${acronym} (${name})`;
}

/** Explains why none of the agency's agreements covers `date`. */
function whyNoAgreement(own: readonly Agreement[], date: CivilDate): string {
  if (own.length === 0) return 'no tiene ningún convenio registrado.';
  let lastExpired: Agreement | null = null;
  let nextStarting: Agreement | null = null;
  for (const a of own) {
    if (a.validTo !== null && a.validTo < date && (lastExpired === null || a.validTo > (lastExpired.validTo as string))) lastExpired = a;
    if (a.validFrom > date && (nextStarting === null || a.validFrom < nextStarting.validFrom)) nextStarting = a;
  }
  const expired = lastExpired ? `su convenio ${lastExpired.number} venció el ${formatCivilDate(lastExpired.validTo as string)}` : null;
  if (nextStarting) {
    const starting = `convenio ${nextStarting.number} aún no inicia: entra en vigor el ${formatCivilDate(nextStarting.validFrom)}.`;
    return expired ? `${expired} y el ${starting}` : `su ${starting}`;
  }
  return `${expired ?? 'ninguno de sus convenios cubre esa fecha'}.`;
}

/**
 * May `agency` receive official information on `date`? It must be active and
 * hold an agreement valid that day. The failure carries a Spanish message that
 * names the agency, the date and, when possible, why.
 */
export function checkMayReceive(agency: Agency, agreements: readonly Agreement[], date: CivilDate): MayReceiveResult {
  civilParts(date);
  const who = agencyDisplayName(agency);
  if (!agency.active) {
    return {
      ok: false,
      code: 'AGENCY_INACTIVE',
      message: `La dependencia ${who} está dada de baja y no puede recibir información el ${formatCivilDate(date)}. Si debe volver a recibir envíos, reactívela en el catálogo de dependencias.`,
    };
  }
  const agreement = findValidAgreement(agreements, agency.id, date);
  if (agreement) return { ok: true, agreement };
  const own = agreements.filter((a) => a.agencyId === agency.id);
  return {
    ok: false,
    code: 'NO_VALID_AGREEMENT',
    message: `La dependencia ${who} no tiene un convenio de colaboración vigente el ${formatCivilDate(date)}: ${whyNoAgreement(own, date)}`,
  };
}

/** Like `checkMayReceive`, but returns the agreement or throws AppError with the same code and message. */
export function assertMayReceive(agency: Agency, agreements: readonly Agreement[], date: CivilDate): Agreement {
  const result = checkMayReceive(agency, agreements, date);
  if (!result.ok) throw new AppError(result.code, result.message);
  return result.agreement;
}
