import type { CustodyEvent } from '../../../shared/domain/custody';
import { findBreak, GENESIS_HASH, hashOf, link } from '../integrity/hash-chain';

/**
 * One hash chain per shipment: each event carries the hash of the previous
 * event of the same shipment, over its canonical JSON (integrity/). A chain
 * alone cannot tell that its tail was cut, which is why the head is printed
 * on every paper form (docs/ARCHITECTURE.md, "Audit log and custody chain").
 */
export function chainEvent(body: Omit<CustodyEvent, 'hash' | 'prevHash'>, previous: { hash: string } | undefined): CustodyEvent {
  return link<CustodyEvent>(body, previous?.hash ?? GENESIS_HASH);
}

export interface CustodyBreak {
  /** Position in the shipment's chain (0-based) of the first event that does not match. */
  index: number;
  event: CustodyEvent | null;
  reason: string;
}

/**
 * Checks one shipment's events, in the order they were stored. Names the
 * first one that does not match: altered (its hash), or out of place (it
 * does not follow the one before it: an event removed, inserted or
 * reordered), or numbered out of sequence.
 */
export function verifyChain(events: readonly CustodyEvent[]): { checked: number; head: string; brk: CustodyBreak | null } {
  const { checked, head, brk } = findBreak(events);
  if (brk) {
    const event = events[brk.index] ?? null;
    const reason =
      brk.reason === 'hash'
        ? 'El contenido del evento fue alterado: su huella no coincide.'
        : 'El evento no sigue al anterior en la cadena: falta un evento, sobra uno o se cambió el orden.';
    return { checked, head, brk: { index: brk.index, event, reason } };
  }
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) return { checked: index, head, brk: { index, event, reason: `El evento tiene el número ${event.seq} cuando le corresponde el ${index + 1}.` } };
  }
  return { checked, head, brk: null };
}

export { hashOf as custodyHashOf };
