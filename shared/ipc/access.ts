import { ROLE_LABELS, type Role } from '../domain/roles';
import { ERROR_MESSAGES, type ErrorPayload } from '../errors';

/**
 * Who may call a channel. Declared once per channel in the contract and
 * checked by dispatch before the input is parsed or the handler runs, so a
 * service never asks again. Rules that depend on the record (who prepared a
 * shipment, which state it is in, whose job it is) cannot be decided from
 * the channel alone: they stay in the domain and `inDomain` names them.
 */
export type Access =
  /** Anyone at the window: signing in, first-run setup, the session's own steps. */
  | { readonly kind: 'public'; readonly inDomain?: string }
  /** Any signed-in user; with `firstRun`, also the first-run screen, before a vault exists. */
  | { readonly kind: 'signedIn'; readonly firstRun?: true; readonly inDomain?: string }
  /** A signed-in user holding one of `roles`; `doing` completes the refusal «Sólo un usuario con el rol … puede …». */
  | { readonly kind: 'roles'; readonly roles: readonly Role[]; readonly doing: string; readonly firstRun?: true; readonly inDomain?: string };

export const EDITORS = ['capturista', 'administrador'] as const satisfies readonly Role[];
export const ADMINISTRATORS = ['administrador'] as const satisfies readonly Role[];
/** Comunicación Social's own records (accounts, releases), which the administrator may also keep. */
export const COMMUNICATION = ['comunicacion_social', 'administrador'] as const satisfies readonly Role[];
/** Comunicación Social's programme is read by the Director General too, who answers for what the office publishes (directive 6.1.4). */
export const COMMUNICATION_READERS = ['comunicacion_social', 'administrador', 'director'] as const satisfies readonly Role[];

/** The one wording of a role refusal, for dispatch and for the rules the domain checks itself. */
export function roleRefusal(roles: readonly Role[], doing: string): ErrorPayload {
  const names = roles.map((r) => ROLE_LABELS[r]).join(' o ');
  return { code: 'FORBIDDEN', message: `Sólo un usuario con el rol ${names} puede ${doing}.` };
}

export function notSignedIn(): ErrorPayload {
  return { code: 'NOT_SIGNED_IN', message: ERROR_MESSAGES.NOT_SIGNED_IN };
}

/** Whether an active user holding `userRoles` passes `roles`. */
export function holdsAnyRole(user: { active: boolean; roles: readonly Role[] }, roles: readonly Role[]): boolean {
  return user.active && roles.some((r) => user.roles.includes(r));
}

/** What a handler receives as its caller: nobody for public channels, maybe nobody on the first-run screen. */
export type CallerOf<A extends Access, SignedIn> = A extends { kind: 'public' } ? null : A extends { firstRun: true } ? SignedIn | null : SignedIn;
