import type { CustodyEvent } from '../../../shared/domain/custody';
import { GENESIS_HASH, hashOf, link } from '../integrity/hash-chain';

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

const ALTERED = 'El contenido del evento fue alterado: su huella no coincide.';
const OUT_OF_PLACE = 'El evento no sigue al anterior en la cadena: falta un evento, sobra uno o se cambió el orden.';

/**
 * Checks one shipment's events one at a time, in the order they were
 * stored, and keeps the first that does not match: altered (its hash), out
 * of place (it does not follow the one before it: an event removed,
 * inserted or reordered), or numbered out of sequence. One walk per
 * shipment holds only its head, so the whole vault is verified reading it
 * a month at a time.
 */
export class ChainWalk {
  checked = 0;
  head = GENESIS_HASH;
  brk: CustodyBreak | null = null;

  add(event: CustodyEvent): void {
    if (this.brk) return;
    const index = this.checked;
    if (event.prevHash !== this.head) this.brk = { index, event, reason: OUT_OF_PLACE };
    else if (hashOf(event) !== event.hash) this.brk = { index, event, reason: ALTERED };
    else if (event.seq !== index + 1) this.brk = { index, event, reason: `El evento tiene el número ${event.seq} cuando le corresponde el ${index + 1}.` };
    else {
      this.head = event.hash;
      this.checked += 1;
    }
  }
}

/** Checks one shipment's events, in the order they were stored (see ChainWalk). */
export function verifyChain(events: readonly CustodyEvent[]): { checked: number; head: string; brk: CustodyBreak | null } {
  const walk = new ChainWalk();
  for (const event of events) walk.add(event);
  return { checked: walk.checked, head: walk.head, brk: walk.brk };
}

export { hashOf as custodyHashOf };
