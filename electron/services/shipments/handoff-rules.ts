import { describeParty, isMediaLoadEvent, knownSeals, type CustodyEvent, type CustodyEventFields, type HandoffAction, type SealObservation } from '../../../shared/domain/custody';
import { sealKey } from '../../../shared/domain/seals';
import type { ActionPayload, HistoryEntry, Shipment } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';

/** The rules of a physical handoff that need no vault: which seals may be named, the loaded medium, and the revision an event makes. */

export type HandoffPayload = ActionPayload<HandoffAction>;

export function eventFields(payload: HandoffPayload, type: CustodyEvent['type']): CustodyEventFields {
  return { type, at: payload.at, from: payload.from, to: payload.to, place: payload.place, purpose: payload.purpose, seals: payload.seals, remarks: payload.remarks, corrects: null, courierId: payload.courierId };
}

/**
 * Seals named at a handoff must be the shipment's: at sealing, exactly the
 * envelope's recorded seals (when it has any); afterwards, any seal recorded
 * or observed before.
 */
export function checkSeals(shipment: Shipment, custody: readonly CustodyEvent[], action: HandoffAction | null, seen: readonly SealObservation[]): void {
  const recorded = shipment.content.envelope?.seals ?? [];
  if (action === 'sellar' && recorded.length > 0) {
    const seenKeys = new Set(seen.map((x) => sealKey(x.number)));
    const expected = new Set(recorded.map(sealKey));
    const missing = recorded.filter((x) => !seenKeys.has(sealKey(x)));
    const extra = seen.map((x) => x.number).filter((x) => !expected.has(sealKey(x)));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [missing.length ? `faltan ${missing.join(', ')}` : '', extra.length ? `no registrados: ${extra.join(', ')}` : ''].filter(Boolean);
      throw new AppError('SEALS_MISMATCH', `Los sellos verificados no coinciden con los registrados (${parts.join('; ')}).`);
    }
    return;
  }
  if (action === 'sellar') return;
  const known = new Set(knownSeals(recorded, custody).map(sealKey));
  const unknown = seen.filter((x) => !known.has(sealKey(x.number))).map((x) => x.number);
  if (unknown.length > 0) throw new AppError('SEALS_MISMATCH', `${unknown.length === 1 ? 'El sello' : 'Los sellos'} ${unknown.join(', ')} no ${unknown.length === 1 ? 'está registrado' : 'están registrados'} en este envío.`);
}

/**
 * A magnetic medium goes into the envelope already loaded and verified: the
 * load recorded after the current authorisation (an edit voids the
 * signature, and the files authorised before may no longer be these).
 */
export function checkMediaLoaded(shipment: Shipment, custody: readonly CustodyEvent[]): void {
  if (shipment.content.channel !== 'medio_magnetico') return;
  const since = shipment.signature?.recordedAt ?? '';
  if (!custody.some((e) => isMediaLoadEvent(e) && e.recordedAt >= since)) {
    throw new AppError('MEDIA_NOT_LOADED', 'Antes de sellar, cargue el medio magnético y deje que Valija lo verifique (Medios extraíbles → Cargar medio). El sobre se sella con el medio ya cargado.');
  }
}

/** The shipment revision that a handoff event makes; also used to catch up after an interrupted write. */
export function applyHandoff(before: Shipment, event: CustodyEvent, agreementNumber: string | null): Shipment {
  const t = event.transition;
  if (!t) throw new AppError('INTERNAL', 'El evento no cambia el estado del envío.');
  const details: HistoryEntry['details'] = { eventoCustodia: event.id, entrega: describeParty(event.from), recibe: describeParty(event.to), lugar: event.place };
  if (event.seals.length > 0) details.sellos = event.seals.map((x) => `${x.number}${x.intact ? '' : ' (dañado)'}`).join(', ');
  if (event.brokenSeal) details.selloDanado = true;
  return {
    ...before,
    rev: before.rev + 1,
    state: t.to,
    updatedAt: event.recordedAt,
    agreementNumber: agreementNumber ?? before.agreementNumber,
    acknowledgementScan: event.document ?? before.acknowledgementScan,
    closingReason: t.action === 'rechazar' || t.action === 'devolucion_mensajeria' ? event.remarks : before.closingReason,
    history: [...before.history, { at: event.recordedAt, actor: event.recordedBy, action: t.action, from: t.from, to: t.to, observations: event.remarks, details }],
  };
}
