import { OFFICE_TIME_ZONE } from '../../../../shared/format/date';
import type { AccountInput, AccountKind, CustodianCandidate, CustodyInput, Network, SocialAccount } from '../../../../shared/domain/social-accounts';

/** Today as a civil date (`YYYY-MM-DD`) in the office: the default date of every step on an account. */
export function officeTodayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** What the «Registrar cuenta» form holds while it is being typed: empty choices and numbers are allowed. */
export interface AccountFormValues {
  network: Network | '';
  handle: string;
  url: string;
  kind: AccountKind | '';
  holder: { fullName: string; position: string; level: number | string };
  area: string;
  addedOn: string | null;
  listedPublicly: boolean;
  rotationEveryDays: number | string;
  notes: string;
}

export function isPersonal(kind: AccountKind | ''): boolean {
  return kind === 'personal_registrada' || kind === 'personal_administrada';
}

export function initialAccountValues(today: string, account?: SocialAccount): AccountFormValues {
  return {
    network: account?.network ?? '',
    handle: account?.handle ?? '',
    url: account?.url ?? '',
    kind: account?.kind ?? '',
    holder: { fullName: account?.holder?.fullName ?? '', position: account?.holder?.position ?? '', level: account?.holder?.level ?? '' },
    area: account?.area ?? 'Comunicación Social',
    addedOn: account?.addedOn ?? today,
    listedPublicly: account?.listedPublicly ?? false,
    rotationEveryDays: account?.rotationEveryDays ?? '',
    notes: account?.notes ?? '',
  };
}

/** A number typed in a NumberInput, or undefined when the box is empty (zod then says what is missing). */
function typedNumber(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * The form's values as the core's `accountInputSchema` reads them: the holder
 * only for personal accounts (an official one is the institution's), the
 * periodic rotation null when left empty. Choices not yet made stay empty so
 * the schema names them.
 */
export function toAccountInput(values: AccountFormValues): AccountInput {
  const level = typedNumber(values.holder.level);
  const every = typedNumber(values.rotationEveryDays);
  return {
    network: values.network as Network,
    handle: values.handle,
    url: values.url.trim(),
    kind: values.kind as AccountKind,
    holder: isPersonal(values.kind) ? { fullName: values.holder.fullName, position: values.holder.position, level: level as number } : null,
    area: values.area,
    addedOn: values.addedOn ?? '',
    listedPublicly: isPersonal(values.kind) ? values.listedPublicly : false,
    rotationEveryDays: every ?? null,
    notes: values.notes,
  };
}

/** What the «Asignar custodio» form holds: a chosen Valija user, or none for another person. */
export interface CustodyFormValues {
  userId: string | null;
  fullName: string;
  position: string;
  area: string;
  startedOn: string | null;
  keptIn: string;
  secondFactorHeldBy: string;
  recoveryContact: string;
}

export function initialCustodyValues(today: string, area: string): CustodyFormValues {
  return { userId: null, fullName: '', position: '', area, startedOn: today, keptIn: '', secondFactorHeldBy: '', recoveryContact: '' };
}

/** Picking a Valija user fills in who they are; choosing «another person» clears it for typing. */
export function pickCustodian(values: CustodyFormValues, candidate: CustodianCandidate | null): CustodyFormValues {
  if (!candidate) return { ...values, userId: null, fullName: '', position: '' };
  return { ...values, userId: candidate.userId, fullName: candidate.fullName, position: candidate.position };
}

export function toCustodyInput(values: CustodyFormValues): CustodyInput {
  return {
    custodian: { userId: values.userId, fullName: values.fullName, position: values.position, area: values.area },
    startedOn: values.startedOn ?? '',
    keptIn: values.keptIn,
    secondFactorHeldBy: values.secondFactorHeldBy,
    recoveryContact: values.recoveryContact,
  };
}
