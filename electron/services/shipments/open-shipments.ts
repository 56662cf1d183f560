import type { Low } from 'lowdb';
import type { Agency, Agreement, AttachedFile, Obligation, ReportDefinition } from '../../../shared/domain/agencies';
import type { Area } from '../../../shared/domain/areas';
import type { RecordDamage } from '../../../shared/domain/directory-views';
import type { MaintenanceStatus, MaintenanceTask } from '../../../shared/domain/maintenance';
import type { ApprovalSheet, Classification, Shipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../accounts/workspace';
import { CUSTODY_CHECKPOINT, CustodyLedger } from '../custody/custody-ledger';
import { agenciesDoc, agreementsDoc, areasDoc, reportsDoc, shipmentAttachmentsDoc } from '../vault/documents';
import { SerialQueue } from '../vault/gate';
import { upgradeShipments } from './format-upgrade';
import { applyHandoff } from './handoff-rules';
import { mayRead, type Classified } from './need-to-know';
import { PrintedSheets } from './printed-sheets';
import { SealRegistry } from './seal-registry';
import type { RowTable } from './row-table';
import { REBUILD_REASON_LABELS, ShipmentStore } from './shipment-store';

/** What the shipments' parts share for one open vault: the store, the write queue and the documents they check against. */
export interface OpenShipments {
  store: ShipmentStore;
  /** Every change to shipments goes through here: one at a time, so folios and revisions never race. */
  queue: SerialQueue;
  agencies: Low<{ agencies: Agency[] }>;
  agreements: Low<{ agreements: Agreement[] }>;
  reports: Low<{ reports: ReportDefinition[]; obligations: Obligation[] }>;
  /**
   * The custody ledger, loaded on first need: at ten years it indexes half a
   * million events (seconds), which the list and the home screen never wait for.
   */
  custody: () => Promise<CustodyLedger>;
  /** The exact bytes of every print, encrypted, and how many times each form was printed (printed-sheets.ts). */
  printed: PrintedSheets;
  /** Attachments uploaded from the form: a shipment may only refer to these, exactly as stored. */
  attachments: Low<{ files: AttachedFile[] }>;
  /** The office's areas, one of which may be the one providing a shipment's information. */
  areas: Low<{ areas: Area[] }>;
  /** Forgets the custody index and its checkpoint, so it is built again from the (repaired) stream. */
  resetCustody: () => Promise<void>;
  /** Damaged months of the custody and audit streams found by the last full scan. */
  otherDamage: RecordDamage['months'];
  /** Which shipment holds each seal number: a seal is used once in the vault. */
  seals: SealRegistry;
}

/**
 * Opens the shipments of a workspace once (upgrading a format-1 vault first)
 * and hands the same `OpenShipments` to every part of the service; it also
 * tells how far a running upgrade or index rebuild got.
 */
export class ShipmentVault {
  private readonly opened = new WeakMap<Workspace, Promise<OpenShipments>>();
  /** What the upgrade or an index rebuild has done so far, while one runs. */
  private working: MaintenanceStatus | null = null;

  open(ws: Workspace): Promise<OpenShipments> {
    let pending = this.opened.get(ws);
    if (!pending) {
      pending = this.load(ws);
      pending.catch(() => this.opened.delete(ws));
      this.opened.set(ws, pending);
    }
    return pending;
  }

  /** The shipments of `ws` if they were opened already: a checkpoint has nothing to write otherwise. */
  ifOpen(ws: Workspace): Promise<OpenShipments> | undefined {
    return this.opened.get(ws);
  }

  /** The upgrade or index rebuild running now, if any (Inicio shows its progress). */
  maintenance(): MaintenanceStatus | null {
    return this.working;
  }

  private progressOf(task: MaintenanceTask): (done: number, total: number) => void {
    return (done, total) => {
      this.working = done < total ? { task, done, total } : null;
    };
  }

  private async load(ws: Workspace): Promise<OpenShipments> {
    await upgradeShipments(ws, this.progressOf('upgrade')).finally(() => (this.working = null));
    const [store, agencies, agreements, reports, attachments, areas] = await Promise.all([
      ShipmentStore.open(ws.vault, {
        onRebuilt: (reason, count, ms) =>
          ws.audit.record('vault.index_rebuilt', null, `Índice de envíos reconstruido desde los registros (${REBUILD_REASON_LABELS[reason]})`, { envios: count, motivo: reason, ms: Math.round(ms) }).then(() => undefined),
        onProgress: this.progressOf('shipments-index'),
      }),
      agenciesDoc(ws.vault),
      agreementsDoc(ws.vault),
      reportsDoc(ws.vault),
      shipmentAttachmentsDoc(ws.vault),
      areasDoc(ws.vault),
    ]);
    let ledger: Promise<CustodyLedger> | null = null;
    const o: OpenShipments = {
      seals: new SealRegistry(() => store.table(), () => o.custody()),
      store,
      printed: new PrintedSheets(ws.vault),
      queue: new SerialQueue(),
      agencies,
      agreements,
      reports,
      attachments,
      areas,
      otherDamage: [],
      custody: () => {
        ledger ??= CustodyLedger.open(ws.vault, {
          onRebuilt: (reason, count, ms) =>
            ws.audit.record('vault.index_rebuilt', null, `Índice de la cadena de custodia reconstruido desde los registros (${REBUILD_REASON_LABELS[reason]})`, { eventos: count, motivo: reason, ms: Math.round(ms) }).then(() => undefined),
          onProgress: this.progressOf('custody-index'),
        }).then(
          async (l) => {
            await reconcile(o, l);
            return l;
          },
          (error: unknown) => {
            if (this.working?.task === 'custody-index') this.working = null;
            throw error;
          },
        );
        ledger.catch(() => (ledger = null));
        return ledger;
      },
      resetCustody: async () => {
        ledger = null;
        await ws.vault.removeCacheFile(CUSTODY_CHECKPOINT);
      },
    };
    return o;
  }
}

export async function loadShipment(o: OpenShipments, id: string): Promise<Shipment> {
  const s = await o.store.get(id);
  if (!s) throw new AppError('NOT_FOUND', 'El envío no existe.');
  return s;
}

/** Saves a revision, then writes the checkpoint at the next quiet moment if enough changed since the last one. */
export async function saveRevision(o: OpenShipments, before: Shipment | null, next: Shipment, at: Date): Promise<void> {
  await o.store.save(before, next, at);
  // Off the user's path: the save is acknowledged before the checkpoint is written.
  if (o.store.checkpointDue) setImmediate(() => void o.store.checkpoint().catch(() => undefined));
}

/**
 * A handoff is written in two steps: the custody event (the source of
 * truth), then the shipment revision that follows from it. If the program
 * stopped between the two, the event is there and the shipment is behind:
 * catch it up from the event, so both agree again.
 */
async function reconcile(o: OpenShipments, ledger: CustodyLedger): Promise<void> {
  // Only a shipment's newest handoff can be the one whose revision is missing.
  const newest = ledger.newestTransitions();
  const rows = await o.store.table();
  for (const [id, pos] of newest) {
    const row = rows.get(id);
    if (!row || row.lastMove === ledger.idAt(pos)) continue;
    const shipment = await loadShipment(o, id);
    const [event] = await ledger.load([ledger.entryAt(pos)]);
    if (!event?.transition || shipment.state !== event.transition.from) continue;
    await saveRevision(o, shipment, applyHandoff(shipment, event, null), new Date(event.recordedAt));
  }
}

/** The approval sheet in force: the newest, unless it was voided. */
export function currentSheet(s: Shipment): ApprovalSheet | null {
  const last = s.sheets.at(-1);
  return last && last.voidedAt === null ? last : null;
}

/** Whether the viewer may read a slot's row (need-to-know): the others are not shown nor counted. */
export function readableBy(rows: RowTable, viewer: User): (slot: number) => boolean {
  // One rule object, refilled per slot: a scan of 100,000 rows builds no object per row.
  const rule: { classification: Classification; preparedByIds: readonly string[] } = { classification: 'publica', preparedByIds: [] };
  return (slot) => {
    rule.classification = rows.classificationAt(slot);
    rule.preparedByIds = rows.preparedByIdsAt(slot);
    return mayRead(viewer, rule);
  };
}

/** What the need-to-know rule reads of a whole shipment. */
export function readRuleOf(s: Shipment): Classified {
  return { id: s.id, folio: s.folio, classification: s.content.classification, preparedByIds: s.preparedByIds };
}
