import { CUSTODY_EVENT_LABELS, type CustodyEvent } from '../../../shared/domain/custody';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format/date';

/**
 * Time order of a shipment's chain (docs/DOMAIN.md, "Handoffs are custody events"): a handoff cannot
 * happen before the handoff it follows, nor in the future. A wrong time is
 * fixed with a correction event, never by rewriting: the correction's time
 * stands for the corrected event's from then on.
 */

/** How far ahead of the workstation's clock an event may be dated (clocks of two PCs in one office drift). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** What the time-order rules read of an event. */
export type TimedEvent = Pick<CustodyEvent, 'id' | 'seq' | 'type' | 'at' | 'corrects'>;
type Timed = TimedEvent;

/** The events that are handoffs (not corrections), each with the time that counts for it. */
function effectiveTimeline(events: readonly Timed[]): { event: Timed; at: number }[] {
  const corrected = new Map<string, number>();
  for (const e of events) if (e.corrects !== null) corrected.set(e.corrects, Date.parse(e.at));
  return events.filter((e) => e.corrects === null).map((event) => ({ event, at: corrected.get(event.id) ?? Date.parse(event.at) }));
}

function describe(e: Timed, at: number): string {
  return `evento ${e.seq} (${CUSTODY_EVENT_LABELS[e.type]}, ${formatDateTime(new Date(at))})`;
}

/**
 * Refuses a new event dated before the last handoff of its chain or beyond
 * the clock tolerance. A correction may carry another past time (that is how a
 * wrong one is fixed), as long as the corrected event still falls between
 * the events before and after it.
 */
export function checkEventTime(chain: readonly Timed[], next: Pick<CustodyEvent, 'at' | 'corrects'>, now: Date): void {
  const at = Date.parse(next.at);
  if (at > now.getTime() + CLOCK_TOLERANCE_MS) {
    throw new AppError('CUSTODY_OUT_OF_ORDER', `La fecha y hora del movimiento (${formatDateTime(next.at)}) todavía no llega; ahora son las ${formatDateTime(now)}. Escriba la hora real de la entrega.`);
  }
  if (next.corrects !== null) {
    // The corrected time must still fall between the events around the one it corrects.
    const before = new Set(findOutOfOrder(chain).map((f) => f.eventId));
    const created = findOutOfOrder([...chain, { id: '(corrección)', seq: Number.MAX_SAFE_INTEGER, type: 'otro', at: next.at, corrects: next.corrects }]).find((f) => !before.has(f.eventId));
    if (created) {
      throw new AppError('CUSTODY_OUT_OF_ORDER', `Con la hora corregida (${formatDateTime(next.at)}) la cadena quedaría fuera de orden: ${created.reason.replace(/ Registre una corrección con la hora correcta\.$/, '')} Escriba una hora entre la del evento anterior y la del siguiente.`);
    }
    return;
  }
  const last = effectiveTimeline(chain).at(-1);
  if (last && at < last.at) {
    throw new AppError(
      'CUSTODY_OUT_OF_ORDER',
      `La fecha y hora del movimiento (${formatDateTime(next.at)}) es anterior al ${describe(last.event, last.at)}, al que sigue en la cadena de custodia. Revise la hora; si la del evento ${last.event.seq} está mal, registre una corrección de ese evento.`,
    );
  }
}

export interface OrderFinding {
  /** The event dated before the one it follows. */
  seq: number;
  eventId: string;
  reason: string;
}

/** Pairs already stored out of time order (written before this rule, or imported): what verification reports. */
export function findOutOfOrder(events: readonly Timed[]): OrderFinding[] {
  const timeline = effectiveTimeline(events);
  const findings: OrderFinding[] = [];
  for (let i = 1; i < timeline.length; i += 1) {
    const prev = timeline[i - 1] as { event: Timed; at: number };
    const cur = timeline[i] as { event: Timed; at: number };
    if (cur.at < prev.at) {
      findings.push({
        seq: cur.event.seq,
        eventId: cur.event.id,
        reason: `El evento ${cur.event.seq} (${CUSTODY_EVENT_LABELS[cur.event.type]}, ${formatDateTime(new Date(cur.at))}) tiene fecha anterior al ${describe(prev.event, prev.at)}, al que sigue. Registre una corrección con la hora correcta.`,
      });
    }
  }
  return findings;
}
