import type { Low } from 'lowdb';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { OfficeProfile } from '../../../shared/domain/office';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import type { User } from '../../../shared/domain/users';
import { AuditLog, type AuditStore } from '../audit/audit-log';
import type { UnlockedVault, VaultStream } from '../vault';
import { metaDoc, officeDoc, settingsDoc, usersDoc, type VaultMeta } from '../vault/documents';

/**
 * An unlocked vault with the documents every signed-in screen needs. It
 * exists only while someone is signed in; locking drops it with the key.
 */
export interface Workspace {
  vault: UnlockedVault;
  meta: Low<VaultMeta>;
  office: Low<OfficeProfile>;
  users: Low<{ users: User[] }>;
  settings: Low<Settings>;
  audit: AuditLog;
}

function auditStore(stream: VaultStream<AuditEntry>): AuditStore {
  return {
    append: async (entry) => void (await stream.append(entry, { at: new Date(entry.at) })),
    months: () => stream.partitions(),
    // A damaged entry is left out rather than stopping the viewer; verification reports the gap in the chain.
    readMonth: async (month) => {
      const entries: AuditEntry[] = [];
      for await (const { record } of stream.entries(month, undefined, { onDamaged: () => undefined })) entries.push(record);
      return entries;
    },
    newestFirst: async function* (month) {
      for await (const { record } of stream.newestFirst(month, { onDamaged: () => undefined })) yield record;
    },
    readLast: async () => {
      const months = await stream.partitions();
      const last = months.at(-1);
      return last ? stream.lastOf(last) : undefined;
    },
  };
}

export async function openWorkspace(vault: UnlockedVault, clock: () => Date): Promise<Workspace> {
  const [meta, office, users, settings, stream] = await Promise.all([
    metaDoc(vault, clock),
    officeDoc(vault),
    usersDoc(vault),
    settingsDoc(vault),
    vault.stream<AuditEntry>('audit'),
  ]);
  // Settings added by later versions get their defaults in vaults created before them.
  settings.data = { ...DEFAULT_SETTINGS, ...settings.data };
  return { vault, meta, office, users, settings, audit: await AuditLog.open(auditStore(stream), clock) };
}

export function findUser(ws: Workspace, predicate: (user: User) => boolean): User | undefined {
  return ws.users.data.users.find(predicate);
}
