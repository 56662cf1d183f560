import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { type Courier, type CourierFields, type CustodyEvent, type CustodyFilter, type CustodyPage, type CustodyParty, type CustodyRow, type CustodyVerification, type KnownParties } from '../../../shared/domain/custody';
import type { ShipmentAction } from '../../../shared/domain/shipment-states';
import type { Classification, Shipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { addDays, officeDayStartMs, todayInOffice } from '../agencies/rules';
import { shortHash } from '../integrity/hash-chain';
import { couriersDoc } from '../vault/documents';
import { mayRead } from '../shipments/need-to-know';
import { firstInOrder } from '../shipments/search';
import type { ShipmentService } from '../shipments/shipment-service';
import { ChainWalk } from './custody-chain';
import { findOutOfOrder, type TimedEvent } from './custody-order';
import { foldName, type CustodyIndexEntry } from './custody-ledger';
import { custodyCsv } from './custody-csv';

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}


const partyKey = (p: CustodyParty) => fold(`${p.name}|${p.institution}`);

/** What the custody log shows instead of the content of a shipment the viewer may not read. */
const WITHHELD: Record<Exclude<Classification, 'publica'>, { content: string; document: string }> = {
  reservada: { content: 'Contenido reservado', document: 'Documento reservado' },
  confidencial: { content: 'Contenido confidencial', document: 'Documento confidencial' },
};

/**
 * The custody side of the office: the global log with filters and
 * CSV export, integrity verification, the couriers register, and the people
 * and places typed before, so the counter form can suggest them.
 * Recording events goes through ShipmentService, whose queue keeps each
 * shipment's chain from forking.
 */
export class CustodyService {
  private readonly couriersDocs = new WeakMap<Workspace, Promise<Low<{ couriers: Courier[] }>>>();

  constructor(
    private readonly shipments: ShipmentService,
    private readonly clock: () => Date,
  ) {}

  private couriers$(ws: Workspace): Promise<Low<{ couriers: Courier[] }>> {
    let doc = this.couriersDocs.get(ws);
    if (!doc) {
      doc = couriersDoc(ws.vault);
      this.couriersDocs.set(ws, doc);
    }
    return doc;
  }

  // ---- the global log ------------------------------------------------------

  /** The index positions that pass the filter, in stored order (sorting and paging are the caller's). */
  private async matching(ws: Workspace, f: CustodyFilter) {
    const view = await this.shipments.custody.view(ws);
    const positions = view.ledger.matching({
      // Civil days in the office's zone as instants (the log may hold half a million events).
      ...(f.from ? { fromMs: officeDayStartMs(f.from) } : {}),
      ...(f.to ? { toMs: officeDayStartMs(addDays(f.to, 1)) } : {}),
      ...(f.brokenSealOnly ? { brokenSealOnly: true } : {}),
      ...(f.shipmentId ? { shipmentId: f.shipmentId } : {}),
      ...(f.person ? { person: foldName(f.person) } : {}),
      ...(f.agencyId ? { shipment: (id: string) => view.shipment(id)?.agencyId === f.agencyId } : {}),
    });
    return { view, positions };
  }

  /**
   * Custody is the office's register of handoffs: every event is listed to
   * every signed-in user (folio, parties, times, seals, hashes), but what
   * comes from the content of a shipment the viewer may not read
   * (need-to-know) is withheld: its subject, and the name of a document
   * filed with a handoff (its download is refused by shipments.scan anyway).
   */
  private async rowsOf(view: Awaited<ReturnType<ShipmentService['custody']['view']>>, entries: readonly CustodyIndexEntry[], viewer: User): Promise<CustodyRow[]> {
    const events = await view.ledger.load(entries);
    return events.map((e) => {
      const shipment = view.shipment(e.shipmentId);
      const row: CustodyRow = { ...e, agencyAcronym: shipment ? view.agencyAcronym(shipment.agencyId) : '—', subject: shipment?.subject ?? '' };
      if (!shipment || mayRead(viewer, shipment)) return row;
      const withheld = WITHHELD[shipment.classification as Exclude<Classification, 'publica'>];
      return { ...row, subject: withheld.content, document: row.document ? { ...row.document, fileName: withheld.document } : null };
    });
  }

  async list(ws: Workspace, viewer: User, filter: CustodyFilter): Promise<CustodyPage> {
    const { view, positions } = await this.matching(ws, filter);
    const { offset, limit } = filter;
    const { ledger } = view;
    // Events are stored about in time order, so the newest are read from the end (firstInOrder).
    const page = firstInOrder(positions, offset + limit, (a, b) => ledger.newerFirst(a, b), true).slice(offset, offset + limit);
    return { total: positions.length, items: await this.rowsOf(view, page.map((pos) => ledger.entryAt(pos)), viewer) };
  }

  /** The filtered log (every page) as an Excel-friendly CSV; audited, since it takes information out of the vault. */
  async exportCsv(ws: Workspace, user: User, filter: CustodyFilter): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const { view, positions } = await this.matching(ws, filter);
    const rows = await this.rowsOf(view, positions.sort((a, b) => view.ledger.newerFirst(a, b)).map((pos) => view.ledger.entryAt(pos)), user);
    // A correction names an event of its own shipment.
    const seqs = new Map(rows.filter((r) => r.corrects).flatMap((r) => view.ledger.entriesOf(r.shipmentId)).map((e) => [e.id, e.seq]));
    const csv = custodyCsv(rows, (id) => seqs.get(id));
    await ws.audit.record('custody.exported', actorOf(user), `Bitácora de custodia (${rows.length} eventos)`, { eventos: rows.length });
    return { fileName: `cadena-de-custodia-${todayInOffice(this.clock())}.csv`, mediaType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }

  // ---- verification --------------------------------------------------------

  /**
   * Reads the stored events again (not the copy in memory) and checks each
   * shipment's chain; for the whole vault, the audit log's chain too.
   * Reports OK or the first event that does not match, and why.
   */
  async verify(ws: Workspace, user: User, shipmentId?: string): Promise<CustodyVerification> {
    const view = await this.shipments.custody.view(ws);
    // One walk per shipment, fed a month at a time: at ten years the vault holds half a million events,
    // and only each chain's head and the times its order check needs stay in memory.
    const chains = new Map<string, { walk: ChainWalk; folio: string | null; times: TimedEvent[] }>();
    for await (const e of view.ledger.eachStored()) {
      if (shipmentId && e.shipmentId !== shipmentId) continue;
      let chain = chains.get(e.shipmentId);
      if (!chain) chains.set(e.shipmentId, (chain = { walk: new ChainWalk(), folio: e.folio ?? null, times: [] }));
      chain.walk.add(e);
      chain.times.push({ id: e.id, seq: e.seq, type: e.type, at: e.at, corrects: e.corrects });
    }
    let checked = 0;
    let firstBad: CustodyVerification['firstBad'] = null;
    let head: string | null = null;
    const findings: CustodyVerification['findings'] = [];
    for (const [id, { walk, folio: firstFolio, times }] of chains) {
      const folio = view.shipment(id)?.folio ?? firstFolio;
      for (const f of findOutOfOrder(times)) findings.push({ shipmentId: id, folio, ...f });
      checked += walk.checked;
      if (shipmentId) head = times.length ? shortHash(walk.head) : null;
      if (walk.brk && !firstBad) {
        const shipment = view.shipment(id);
        firstBad = { shipmentId: id, folio: shipment?.folio ?? walk.brk.event?.folio ?? null, seq: walk.brk.index + 1, eventId: walk.brk.event?.id ?? null, reason: walk.brk.reason };
      }
    }
    let audit: CustodyVerification['audit'] = null;
    if (!shipmentId) {
      const a = await ws.audit.verify();
      audit = { ok: a.ok, checked: a.checked, firstBad: a.firstBad };
    }
    const damage = shipmentId ? null : await this.shipments.upkeep.scanDamage(ws);
    const damaged = damage !== null && (damage.months.length > 0 || damage.shipments.length > 0);
    const ok = firstBad === null && (audit?.ok ?? true) && findings.length === 0 && !damaged;
    const resultado = firstBad !== null || audit?.ok === false || damaged ? 'con errores' : findings.length > 0 ? 'con hallazgos' : 'correcta';
    await ws.audit.record('custody.verified', actorOf(user), shipmentId ? (view.shipment(shipmentId)?.folio ?? shipmentId) : 'Toda la bóveda', { resultado, eventos: checked, ...(findings.length ? { hallazgos: findings.length } : {}) });
    return { ok, checked, shipments: chains.size, firstBad, head, audit, findings, damage };
  }

  // ---- couriers and frequent parties --------------------------------------

  async couriers(ws: Workspace): Promise<Courier[]> {
    const doc = await this.couriers$(ws);
    return [...doc.data.couriers].sort((a, b) => Number(b.active) - Number(a.active) || b.uses - a.uses || a.fullName.localeCompare(b.fullName, 'es'));
  }

  async saveCourier(ws: Workspace, user: User, courierId: string | undefined, fields: CourierFields, active = true): Promise<Courier> {
    const doc = await this.couriers$(ws);
    const duplicate = doc.data.couriers.find((c) => c.id !== courierId && fold(c.fullName) === fold(fields.fullName) && fold(c.organisation) === fold(fields.organisation));
    if (duplicate) throw new AppError('VALIDATION', `${duplicate.fullName} (${duplicate.organisation}) ya está registrado.`);
    let saved: Courier | undefined;
    await doc.update((d) => {
      const index = courierId ? d.couriers.findIndex((c) => c.id === courierId) : -1;
      if (courierId && index < 0) throw new AppError('NOT_FOUND', 'El mensajero no existe.');
      const before = index >= 0 ? d.couriers[index] : undefined;
      saved = { ...fields, id: before?.id ?? randomUUID(), active, createdAt: before?.createdAt ?? this.clock().toISOString(), uses: before?.uses ?? 0, lastUsedAt: before?.lastUsedAt ?? null };
      if (index >= 0) d.couriers[index] = saved;
      else d.couriers.push(saved);
    });
    const courier = saved as Courier;
    await ws.audit.record('courier.saved', actorOf(user), `${courier.fullName} (${courier.organisation})`, { mensajero: courier.id, activo: active });
    return courier;
  }

  /**
   * A life-cycle action of a shipment. A handoff to a courier counts that
   * courier's use here, so the counter offers the usual ones first.
   */
  async act(ws: Workspace, user: User, shipmentId: string, action: ShipmentAction, payload: ParsedInput<'shipments.act'>['payload']): Promise<Shipment> {
    const next = await this.shipments.lifecycle.act(ws, user, shipmentId, action, payload);
    if ('courierId' in payload) await this.noteCourierUse(ws, payload.courierId);
    return next;
  }

  /** A custody event that does not move the shipment (a relay, storage, an opening, a correction); its courier's use is counted. */
  async record(ws: Workspace, user: User, shipmentId: string, event: ParsedInput<'custody.record'>['event']): Promise<CustodyEvent> {
    const recorded = await this.shipments.custody.record(ws, user, shipmentId, event);
    await this.noteCourierUse(ws, recorded.courierId);
    return recorded;
  }

  /** Counts a courier's use, so the counter lists the usual ones first. */
  async noteCourierUse(ws: Workspace, courierId: string | null): Promise<void> {
    if (!courierId) return;
    const doc = await this.couriers$(ws);
    if (!doc.data.couriers.some((c) => c.id === courierId)) return;
    await doc.update((d) => {
      const c = d.couriers.find((x) => x.id === courierId);
      if (c) {
        c.uses += 1;
        c.lastUsedAt = this.clock().toISOString();
      }
    });
  }

  /** Couriers, people and places typed before at the counter, most frequent first. */
  async knownParties(ws: Workspace): Promise<KnownParties> {
    const view = await this.shipments.custody.view(ws);
    const people = new Map<string, { party: CustodyParty; count: number }>();
    const places = new Map<string, { place: string; count: number }>();
    const recent = await view.ledger.load(view.ledger.latest(2000));
    for (const e of recent) {
      for (const p of [e.from, e.to]) {
        const key = partyKey(p);
        const known = people.get(key);
        if (known) {
          known.count += 1;
          known.party = p;
        } else people.set(key, { party: p, count: 1 });
      }
      const key = fold(e.place);
      const known = places.get(key);
      if (known) known.count += 1;
      else places.set(key, { place: e.place, count: 1 });
    }
    return {
      couriers: (await this.couriers(ws)).filter((c) => c.active),
      parties: [...people.values()].sort((a, b) => b.count - a.count).slice(0, 200).map((x) => x.party),
      places: [...places.values()].sort((a, b) => b.count - a.count).slice(0, 50).map((x) => x.place),
    };
  }
}
