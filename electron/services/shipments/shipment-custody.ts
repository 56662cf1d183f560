import { randomUUID } from 'node:crypto';
import { HANDOFF_EVENT_TYPE, type CustodyEvent, type CustodyEventFields, type HandoffAction } from '../../../shared/domain/custody';
import { SHIPMENT_STATE_LABELS, TRANSITIONS } from '../../../shared/domain/shipment-states';
import type { Shipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules';
import type { CustodyLedger } from '../custody/custody-ledger';
import { checkEventTime } from '../custody/custody-order';
import { AUDIT_OF } from './action-audit';
import { checkRecipient } from './content-checks';
import { applyHandoff, checkMediaLoaded, checkSeals, eventFields, type HandoffPayload } from './handoff-rules';
import { loadShipment, saveRevision, type OpenShipments, type ShipmentVault } from './open-shipments';
import { storeScan } from './shipment-attachments';
import type { ShipmentRow } from './shipment-rows';

export interface CustodyView {
  ledger: CustodyLedger;
  shipment: (id: string) => ShipmentRow | undefined;
  load: (id: string) => Promise<Shipment | undefined>;
  agencyAcronym: (id: string) => string;
}

/**
 * The custody chain as the shipments write it: handoffs that move a shipment
 * (the event first, then the revision that follows from it), events that do
 * not, and the view the custody domain reads the log from. Writes run in the
 * shipments' queue, so each chain is appended to one event at a time.
 */
export class ShipmentCustody {
  constructor(
    private readonly vault: ShipmentVault,
    private readonly clock: () => Date,
  ) {}

  /** A physical handoff that moves the shipment; the caller holds the queue and has checked the action's roles. */
  async handoff(ws: Workspace, o: OpenShipments, user: User, before: Shipment, action: HandoffAction, payload: HandoffPayload, now: Date): Promise<Shipment> {
    const actor = actorOf(user);
    const ledger = await o.custody();
    const chain = await ledger.of(before.id);
    checkSeals(before, chain, action, payload.seals);
    checkEventTime(chain, { at: payload.at, corrects: null }, now);
    if (action === 'sellar') {
      checkMediaLoaded(before, chain);
      await o.seals.assertFree(payload.seals.map((x) => x.number), before.id);
    }
    // The agreement must hold on the dispatch date, not only when the draft was made.
    const agreementNumber = action === 'despachar' ? checkRecipient(o, before.content, todayInOffice(now)).number : null;
    const reason = 'reason' in payload ? payload.reason : '';
    const document = 'scan' in payload ? await storeScan(ws, payload.scan) : null;
    const event = await ledger.append(
      {
        ...eventFields(payload, HANDOFF_EVENT_TYPE[action]),
        remarks: [reason, payload.remarks].filter(Boolean).join(' — '),
        id: randomUUID(),
        shipmentId: before.id,
        folio: before.folio,
        transition: { action, from: before.state, to: TRANSITIONS[action].to },
        brokenSeal: payload.seals.some((seal) => !seal.intact),
        document,
        recordedBy: actor,
        recordedAt: now.toISOString(),
      },
      now,
    );
    if (action === 'sellar') await o.seals.noteSealed(before.id, event.seals.map((x) => x.number));
    const next = applyHandoff(before, event, agreementNumber);
    await saveRevision(o, before, next, now);
    await ws.audit.record(AUDIT_OF[action], actor, next.folio ?? next.content.subject, { envio: before.id, de: before.state, a: next.state, eventoCustodia: event.id, ...(event.remarks ? { observaciones: event.remarks } : {}) });
    if (event.brokenSeal) await ws.audit.record('custody.broken_seal', actor, next.folio ?? next.content.subject, { envio: before.id, eventoCustodia: event.id });
    return next;
  }

  /**
   * A custody event that does not move the shipment: a relay between
   * couriers, storage in the archive, an authorised opening, or a correction
   * of an earlier event (which stays as it was).
   */
  async record(ws: Workspace, user: User, id: string, fields: CustodyEventFields): Promise<CustodyEvent> {
    const o = await this.vault.open(ws);
    return o.queue.run(async () => {
      const shipment = await loadShipment(o, id);
      if (shipment.state === 'borrador' || shipment.state === 'cancelado') {
        throw new AppError('INVALID_TRANSITION', `Un envío en estado «${SHIPMENT_STATE_LABELS[shipment.state]}» no está bajo custodia.`);
      }
      const ledger = await o.custody();
      if (fields.corrects !== null && !ledger.entriesOf(id).some((e) => e.id === fields.corrects)) {
        throw new AppError('VALIDATION', 'El evento que se corrige no pertenece a este envío.');
      }
      const chain = await ledger.of(id);
      checkSeals(shipment, chain, null, fields.seals);
      const now = this.clock();
      checkEventTime(chain, fields, now);
      const actor = actorOf(user);
      const event = await ledger.append(
        { ...fields, id: randomUUID(), shipmentId: id, folio: shipment.folio, transition: null, brokenSeal: fields.seals.some((seal) => !seal.intact), document: null, recordedBy: actor, recordedAt: now.toISOString() },
        now,
      );
      await ws.audit.record('custody.recorded', actor, shipment.folio ?? shipment.content.subject, { envio: id, eventoCustodia: event.id, tipo: event.type, ...(event.corrects ? { corrige: event.corrects } : {}) });
      if (event.brokenSeal) await ws.audit.record('custody.broken_seal', actor, shipment.folio ?? shipment.content.subject, { envio: id, eventoCustodia: event.id });
      return event;
    });
  }

  /**
   * The custody ledger and the shipments' rows, for the global log,
   * verification and export; `load` reads a whole shipment.
   */
  async view(ws: Workspace): Promise<CustodyView> {
    const o = await this.vault.open(ws);
    const acronyms = new Map(o.agencies.data.agencies.map((a) => [a.id, a.acronym]));
    const ledger = await o.custody();
    const rows = await o.store.table();
    return { ledger, shipment: (id) => rows.get(id), load: (id) => o.store.get(id), agencyAcronym: (id) => acronyms.get(id) ?? '—' };
  }
}
