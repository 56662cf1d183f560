/**
 * The register of social-network accounts, on the vault's stream-and-
 * checkpoint design (docs/ARCHITECTURE.md, «The vault»):
 *
 * - every change appends one frame to `social-account-changes` holding only
 *   the account's fields that changed (an account's custodies travel as one
 *   field: a handful of entries), never a copy of the account;
 * - the current accounts are a checkpoint (`social-accounts`) that records
 *   how far into each partition it reaches; opening reads it and replays only
 *   the frames written after it, and rebuilds it from the stream whenever it
 *   is missing, damaged or does not match the stream. It is a cache, never a
 *   source of truth, written when the vault closes (lock, sign-out, quit) and
 *   when an open had to replay frames;
 * - an account's history is its frames, read back when its page asks.
 */
import type { AuditActor } from '../../../shared/domain/audit';
import type { AccountHistoryEntry, SocialAccount } from '../../../shared/domain/social-accounts';
import { AppError } from '../../../shared/errors';
import type { UnlockedVault, VaultStream } from '../vault';
import { SerialQueue } from '../vault/gate';

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

export interface AccountFrame {
  v: 1;
  accountId: string;
  at: string;
  actor: AuditActor;
  kind: AccountChangeKind;
  /** A sentence for the history: whose custody, which reason. */
  detail: string;
  /** The fields that changed; the first frame of an account holds all of them. */
  set: Partial<SocialAccount>;
}

type Covered = Record<string, { frames: number; bytes: number }>;

interface Checkpoint {
  version: 1;
  covered: Covered;
  accounts: SocialAccount[];
}

const isCheckpoint = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (v as Checkpoint).version === 1 && typeof (v as Checkpoint).covered === 'object' && Array.isArray((v as Checkpoint).accounts);

/** The fields of `next` that differ from `prev` (shallow: nested values compare by their JSON). */
export function changedFields(prev: SocialAccount | undefined, next: SocialAccount): Partial<SocialAccount> {
  if (!prev) return { ...next };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof SocialAccount>) {
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out as Partial<SocialAccount>;
}

export class AccountStore {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly vault: UnlockedVault,
    private readonly stream: VaultStream<AccountFrame>,
    private readonly accounts: Map<string, SocialAccount>,
    private covered: Covered,
    /** Why the checkpoint could not be used at open, for the audit log; null when it was. */
    readonly rebuiltBecause: 'missing' | 'damaged' | 'stale' | null,
  ) {}

  /** Opens from the checkpoint, replaying what was written after it; rebuilds from the stream if it cannot be used. */
  static async open(vault: UnlockedVault): Promise<AccountStore> {
    const stream = await vault.stream<AccountFrame>(ACCOUNT_CHANGES_STREAM);
    const sizes = await stream.fileSizes();
    const read = await vault.cacheFile<Checkpoint>(ACCOUNTS_CACHE, isCheckpoint).read();
    const checkpoint = read && 'data' in read ? read.data : null;
    const fits = checkpoint !== null && Object.entries(checkpoint.covered).every(([month, mark]) => (sizes.get(month) ?? -1) >= mark.bytes);
    const usable = fits ? checkpoint : null;
    const months = await stream.partitions();
    const rebuiltBecause = usable || months.length === 0 ? null : read === null ? 'missing' : 'problem' in read ? 'damaged' : 'stale';
    const accounts = new Map<string, SocialAccount>(usable ? usable.accounts.map((a) => [a.id, a]) : []);
    const covered: Covered = {};
    for (const month of months) {
      const from = usable?.covered[month];
      let frames = from?.frames ?? 0;
      let bytes = from?.bytes ?? 0;
      for await (const entry of stream.entries(month, from ? { index: from.frames, offset: from.bytes } : undefined)) {
        apply(accounts, entry.record);
        frames = entry.index + 1;
        bytes = entry.ref.offset + entry.ref.total;
      }
      covered[month] = { frames, bytes };
    }
    const store = new AccountStore(vault, stream, accounts, covered, rebuiltBecause);
    const behind = Object.keys(covered).some((m) => covered[m]?.bytes !== usable?.covered[m]?.bytes);
    // Catch the checkpoint up now that the replay is paid for; then again whenever the vault closes (lock, sign-out).
    if (behind) await store.checkpoint();
    vault.whenClosing(() => store.checkpoint());
    return store;
  }

  all(): SocialAccount[] {
    return [...this.accounts.values()];
  }

  get(id: string): SocialAccount {
    const account = this.accounts.get(id);
    if (!account) throw new AppError('NOT_FOUND', 'No existe esa cuenta en el directorio.');
    return account;
  }

  /** Saves `next` as one frame holding what changed; durable when it resolves. */
  save(next: SocialAccount, change: { at: Date; actor: AuditActor; kind: AccountChangeKind; detail: string }): Promise<SocialAccount> {
    return this.queue.run(async () => {
      const prev = this.accounts.get(next.id);
      const set = changedFields(prev, next);
      // An edit that changes nothing is not a change; a step (a validation on the day of the last one) still happened and is history.
      if (prev && Object.keys(set).length === 0 && change.kind === 'updated') return prev;
      const frame: AccountFrame = { v: 1, accountId: next.id, at: change.at.toISOString(), actor: change.actor, kind: change.kind, detail: change.detail, set };
      const result = await this.stream.append(frame, { at: change.at });
      apply(this.accounts, frame);
      const ref = result.refs[0];
      if (ref) this.covered[result.partition] = { frames: result.index + 1, bytes: ref.offset + ref.total };
      return this.get(next.id);
    });
  }

  /** The account's history, oldest first, read back from its frames. */
  async history(accountId: string): Promise<AccountHistoryEntry[]> {
    this.get(accountId);
    const out: AccountHistoryEntry[] = [];
    for await (const { record } of this.stream.readAll()) {
      if (record.accountId === accountId) out.push({ at: record.at, actor: record.actor, label: ACCOUNT_CHANGE_LABELS[record.kind], detail: record.detail });
    }
    return out;
  }

  /** Writes the checkpoint of the current accounts and how far it reaches. */
  checkpoint(): Promise<void> {
    return this.queue.run(() => this.vault.cacheFile<Checkpoint>(ACCOUNTS_CACHE, isCheckpoint).write({ version: 1, covered: { ...this.covered }, accounts: this.all() }));
  }
}

function apply(accounts: Map<string, SocialAccount>, frame: AccountFrame): void {
  const prev = accounts.get(frame.accountId);
  accounts.set(frame.accountId, { ...(prev ?? ({} as SocialAccount)), ...frame.set, id: frame.accountId });
}
