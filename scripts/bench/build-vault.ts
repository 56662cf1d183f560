import type { AuditEntry } from '../../shared/domain/audit';
import { openWorkspace } from '../../electron/services/accounts/workspace';
import { GENESIS_HASH, link } from '../../electron/services/integrity/hash-chain';
import { Vault, type ScryptParams } from '../../electron/services/vault';
import type { CustodyFrame } from '../../electron/services/custody/custody-ledger';
import { makeAgencies, makeMonths, makeUsers, type Shipment } from './synthetic-data';

export const BENCH_SLOT = 'u-1';
export const BENCH_PASSWORD = 'Contraseña-de-prueba-2026';

export interface VaultVolume {
  months: number;
  shipments: number;
  events: number;
  agencies: number;
  users: number;
  /** give every user a key slot (realistic keys.json size; costs one KDF per user) */
  slotPerUser: boolean;
}

export const TEN_YEARS: VaultVolume = { months: 120, shipments: 100_000, events: 500_000, agencies: 300, users: 40, slotPerUser: true };
export const ONE_MONTH: VaultVolume = { months: 1, shipments: 850, events: 4_000, agencies: 300, users: 40, slotPerUser: false };

/** What the home screen shows without reading history; kept current by the shipments service in the app. */
export interface HomeSummary {
  totals: { shipments: number; events: number };
  byState: Record<string, number>;
  lastFolioByYear: Record<string, string>;
  recent: Array<Pick<Shipment, 'id' | 'folio' | 'subject' | 'agencyAcronym' | 'state' | 'createdAt'>>;
}

/**
 * Builds a vault through the public API, writing each month with one
 * appendMany per stream (each record is still its own frame) instead of one
 * fsync per record, so ten years take seconds.
 */
export async function buildSyntheticVault(dir: string, volume: VaultVolume, options: { kdf?: ScryptParams; log?: (line: string) => void } = {}): Promise<void> {
  const agencies = makeAgencies(volume.agencies);
  const users = makeUsers(volume.users);
  const { vault } = await Vault.create(dir, { slotId: BENCH_SLOT, password: BENCH_PASSWORD, kdf: options.kdf });
  try {
    await (await vault.doc('office', { name: 'Centro de Control, Comando, Comunicación y Cómputo', folioPrefix: 'C4/DG', timezone: 'America/Mexico_City' })).write();
    await (await vault.doc('users', { users })).write();
    await (await vault.doc('agencies', { list: agencies })).write();
    await (await vault.doc('settings', { theme: 'claro', retentionYears: 10, printer: 'Oficialía' })).write();
    const shipments = await vault.stream<Shipment>('shipments');
    const custody = await vault.stream<CustodyFrame>('custody-events');
    const audit = await vault.stream<AuditEntry>('audit');
    let auditHead = GENESIS_HASH;
    let auditSeq = 0;
    const summary: HomeSummary = { totals: { shipments: 0, events: 0 }, byState: {}, lastFolioByYear: {}, recent: [] };
    let written = 0;
    for (const batch of makeMonths({ months: volume.months, shipments: volume.shipments, events: volume.events, agencies, users, endMonth: new Date() })) {
      await shipments.appendMany(batch.shipments, { at: batch.at });
      await custody.appendMany(batch.events.map((event) => ({ event })), { at: batch.at });
      // About two audit entries per shipment (sign-ins, prints, changes), chained like the real log.
      const entries: AuditEntry[] = [];
      for (let i = 0; i < batch.shipments.length * 2; i += 1) {
        const user = users[i % users.length]!;
        const entry = link<AuditEntry>(
          { seq: auditSeq++, at: batch.at.toISOString(), action: 'session.signed_in', actor: { id: user.id, userName: user.id, fullName: user.name }, subject: user.id, details: {} },
          auditHead,
        );
        auditHead = entry.hash;
        entries.push(entry);
      }
      await audit.appendMany(entries, { at: batch.at });
      for (const s of batch.shipments) {
        summary.byState[s.state] = (summary.byState[s.state] ?? 0) + 1;
        summary.lastFolioByYear[s.createdAt.slice(0, 4)] = s.folio;
      }
      summary.totals.shipments += batch.shipments.length;
      summary.totals.events += batch.events.length;
      summary.recent = [...batch.shipments.slice(-20)].reverse().map(({ id, folio, subject, agencyAcronym, state, createdAt }) => ({ id, folio, subject, agencyAcronym, state, createdAt }));
      written += 1;
      if (written % 24 === 0) options.log?.(`  … ${written}/${volume.months} meses`);
    }
    await (await vault.doc('summary', summary)).write();
    if (volume.slotPerUser) {
      for (const user of users.slice(1)) await vault.addSlot(user.id, `${BENCH_PASSWORD}-${user.id}`);
    }
  } finally {
    await vault.close();
  }
}

/**
 * Opens and unlocks, then loads what the first screen needs through the same
 * `openWorkspace` the app's sign-in uses (office, users, settings, the audit
 * chain's head), plus the home summary. Returns the unlocked vault and handles.
 */
export async function openForHomeScreen(dir: string) {
  const locked = await Vault.open(dir);
  const vault = await locked.unlockWithPassword(BENCH_SLOT, BENCH_PASSWORD);
  const [workspace, agencies, summary, shipments] = await Promise.all([
    openWorkspace(vault, () => new Date()),
    vault.doc('agencies', { list: [] }),
    vault.doc<HomeSummary>('summary', { totals: { shipments: 0, events: 0 }, byState: {}, lastFolioByYear: {}, recent: [] }),
    vault.stream<Shipment>('shipments'),
  ]);
  if (workspace.audit.currentHead() === GENESIS_HASH) throw new Error('audit head not loaded');
  return { vault, workspace, agencies, summary, shipments };
}
