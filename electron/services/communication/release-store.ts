/**
 * Where releases and release requests live: each one a register on the
 * vault's change store (`vault/change-store.ts`), one frame per change with
 * only the fields that changed, a checkpoint of the current records, and
 * each record's history read back from its frames.
 */
import { RELEASE_ACTION_DONE_LABELS, type ReleaseAction } from '../../../shared/domain/release-states';
import type { Release, ReleaseRequest } from '../../../shared/domain/releases';
import type { UnlockedVault } from '../vault';
import { ChangeStore } from '../vault/change-store';

export const RELEASE_CHANGES_STREAM = 'release-changes';
export const REQUEST_CHANGES_STREAM = 'release-request-changes';

export const RELEASE_CHANGE_LABELS: Record<ReleaseChangeKind, string> = {
  created: 'Difusión creada',
  updated: 'Contenido modificado',
  sheet_voided: 'Autorización anulada por cambio de contenido; vuelve a revisión',
  sheet_printed: 'Formato de autorización de difusión impreso',
  ...RELEASE_ACTION_DONE_LABELS,
};
export type ReleaseChangeKind = 'created' | 'updated' | 'sheet_voided' | 'sheet_printed' | ReleaseAction;

export const REQUEST_CHANGE_LABELS = {
  submitted: 'Solicitud recibida',
  converted: 'Convertida en difusión',
  declined: 'Declinada',
} as const;
export type RequestChangeKind = keyof typeof REQUEST_CHANGE_LABELS;

export type ReleaseStore = ChangeStore<Release, ReleaseChangeKind>;
export type RequestStore = ChangeStore<ReleaseRequest, RequestChangeKind>;

export function openReleaseStore(vault: UnlockedVault): Promise<ReleaseStore> {
  return ChangeStore.open<Release, ReleaseChangeKind, 'recordId', 'records'>(vault, {
    stream: RELEASE_CHANGES_STREAM,
    cache: 'releases',
    idField: 'recordId',
    listField: 'records',
    labels: RELEASE_CHANGE_LABELS,
    // An edit that changes nothing is not a change; every action happened and is history.
    skipWhenUnchanged: ['updated'],
    notFound: 'No existe esa difusión.',
  });
}

export function openRequestStore(vault: UnlockedVault): Promise<RequestStore> {
  return ChangeStore.open<ReleaseRequest, RequestChangeKind, 'recordId', 'records'>(vault, {
    stream: REQUEST_CHANGES_STREAM,
    cache: 'release-requests',
    idField: 'recordId',
    listField: 'records',
    labels: REQUEST_CHANGE_LABELS,
    skipWhenUnchanged: [],
    notFound: 'No existe esa solicitud de difusión.',
  });
}
