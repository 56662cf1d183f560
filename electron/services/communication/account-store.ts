/**
 * The register of social-network accounts, on the vault's generic change
 * store (`vault/change-store.ts`): every change appends one frame to
 * `social-account-changes` holding only the account's fields that changed
 * (an account's custodies travel as one field: a handful of entries); the
 * current accounts are the `social-accounts` checkpoint; an account's history
 * is its frames. The frame names its account `accountId` and the checkpoint
 * lists `accounts`, as they did before the store was made generic.
 */
import type { AccountHistoryEntry, SocialAccount } from '../../../shared/domain/social-accounts';
import type { UnlockedVault } from '../vault';
import { ChangeStore, changedFields as genericChangedFields, type ChangeFrame, type ChangeMeta, type RebuildReason } from '../vault/change-store';

export const ACCOUNT_CHANGES_STREAM = 'social-account-changes';
const ACCOUNTS_CACHE = 'social-accounts';

/** What happened to an account, in the words of its history. */
export const ACCOUNT_CHANGE_LABELS = {
  created: 'Alta en el directorio',
  updated: 'Datos modificados',
  validated: 'Validación de la cuenta',
  removed: 'Baja de la cuenta',
  request_scan: 'Solicitud del servidor público registrada',
  custody_started: 'Inicio de custodia de la contraseña',
  custody_ended: 'Fin de custodia de la contraseña',
  acknowledgement_scan: 'Resguardo firmado registrado',
  rotated: 'Cambio de contraseña registrado',
  rotation_opened: 'Cambio de contraseña pendiente',
  incident_opened: 'Incidente abierto',
  incident_step: 'Paso del protocolo de incidente',
  incident_closed: 'Incidente cerrado',
  printed: 'Impresión guardada',
} as const;
export type AccountChangeKind = keyof typeof ACCOUNT_CHANGE_LABELS;

export type AccountFrame = ChangeFrame<SocialAccount, AccountChangeKind, 'accountId'>;

/** The fields of `next` that differ from `prev` (shallow: nested values compare by their JSON). */
export function changedFields(prev: SocialAccount | undefined, next: SocialAccount): Partial<SocialAccount> {
  return genericChangedFields(prev, next);
}

export class AccountStore {
  private constructor(private readonly store: ChangeStore<SocialAccount, AccountChangeKind, 'accountId', 'accounts'>) {}

  /** Opens from the checkpoint, replaying what was written after it; rebuilds from the stream if it cannot be used. */
  static async open(vault: UnlockedVault): Promise<AccountStore> {
    return new AccountStore(
      await ChangeStore.open<SocialAccount, AccountChangeKind, 'accountId', 'accounts'>(vault, {
        stream: ACCOUNT_CHANGES_STREAM,
        cache: ACCOUNTS_CACHE,
        idField: 'accountId',
        listField: 'accounts',
        labels: ACCOUNT_CHANGE_LABELS,
        // An edit that changes nothing is not a change; a step (a validation on the day of the last one) still happened and is history.
        skipWhenUnchanged: ['updated'],
        notFound: 'No existe esa cuenta en el directorio.',
      }),
    );
  }

  /** Why the checkpoint could not be used at open, for the audit log; null when it was. */
  get rebuiltBecause(): RebuildReason | null {
    return this.store.rebuiltBecause;
  }

  all(): SocialAccount[] {
    return this.store.all();
  }

  get(id: string): SocialAccount {
    return this.store.get(id);
  }

  /** Saves `next` as one frame holding what changed; durable when it resolves. */
  save(next: SocialAccount, change: ChangeMeta<AccountChangeKind>): Promise<SocialAccount> {
    return this.store.save(next, change);
  }

  /** The account's history, oldest first, read back from its frames. */
  history(accountId: string): Promise<AccountHistoryEntry[]> {
    return this.store.history(accountId);
  }

  /** Writes the checkpoint of the current accounts and how far it reaches. */
  checkpoint(): Promise<void> {
    return this.store.checkpoint();
  }
}
