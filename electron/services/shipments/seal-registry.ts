import { sealKey } from '../../../shared/domain/seals';
import { SHIPMENT_STATE_LABELS } from '../../../shared/domain/shipment-states';
import { AppError } from '../../../shared/errors';
import type { CustodyLedger } from '../custody/custody-ledger';
import type { ShipmentState } from '../../../shared/domain/shipment-states';
import type { RowTable } from './row-table';
import type { ShipmentRow } from './shipment-rows';

/**
 * Every seal number in the vault belongs to one shipment (docs/DOMAIN.md, "Seals").
 * A seal lives in two places: the envelope's recorded seals (in the
 * shipments' rows) and the seals placed at a sealing event of a
 * shipment without recorded ones (in the custody ledger). The second part is
 * indexed here, read once from the ledger's public methods and kept up to
 * date as sealings are recorded; the first is read from the shipments.
 */
export class SealRegistry {
  private sealed: Promise<Map<string, Set<string>>> | null = null;

  constructor(
    private readonly shipments: () => Promise<RowTable>,
    private readonly ledger: () => Promise<CustodyLedger>,
  ) {}

  private sealedAtHandoff(): Promise<Map<string, Set<string>>> {
    this.sealed ??= (async () => {
      const ledger = await this.ledger();
      const sealings = [...ledger.transitions()].filter((e) => e.transition === 'sellar');
      const map = new Map<string, Set<string>>();
      for (const event of await ledger.load(sealings)) for (const seal of event.seals) add(map, sealKey(seal.number), event.shipmentId);
      return map;
    })();
    this.sealed.catch(() => (this.sealed = null));
    return this.sealed;
  }

  /** Called after a sealing event is stored, so the index stays whole without reading the ledger again. */
  async noteSealed(shipmentId: string, seals: readonly string[]): Promise<void> {
    const map = await this.sealedAtHandoff();
    for (const seal of seals) add(map, sealKey(seal), shipmentId);
  }

  /** The first of `seals` already held by another shipment, and that shipment. */
  async holderOf(seals: readonly string[], shipmentId: string | null): Promise<{ seal: string; holder: ShipmentRow } | null> {
    if (seals.length === 0) return null;
    const wanted = new Map(seals.map((s) => [sealKey(s), s]));
    const rows = await this.shipments();
    for (const [key, seal] of wanted) {
      for (const slot of rows.slotsWithSeal(key)) {
        if (rows.idAt(slot) !== shipmentId && holdsEnvelopeSeals(rows.stateAt(slot), rows.sealedAt(slot))) return { seal, holder: rows.at(slot) };
      }
    }
    const sealed = await this.sealedAtHandoff();
    for (const [key, seal] of wanted) {
      for (const id of sealed.get(key) ?? []) {
        const holder = id === shipmentId ? undefined : rows.get(id);
        if (holder) return { seal, holder };
      }
    }
    return null;
  }

  /** Refuses seals another shipment holds, naming its folio (or its subject while it has none). */
  async assertFree(seals: readonly string[], shipmentId: string | null): Promise<void> {
    const found = await this.holderOf(seals, shipmentId);
    if (!found) return;
    const { seal, holder } = found;
    const where = holder.folio ? `el envío ${holder.folio}` : `el envío sin folio «${holder.subject}»`;
    throw new AppError('SEAL_IN_USE', `El sello ${seal} ya está registrado en ${where} (${SHIPMENT_STATE_LABELS[holder.state]}). Cada sello se usa una sola vez: use otro sello o corrija el número.`);
  }
}

function add(map: Map<string, Set<string>>, key: string, shipmentId: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(shipmentId);
}

/**
 * A cancelled shipment that never reached sealing never used its recorded
 * seals: the stickers are still in the drawer and may go on another envelope.
 */
function holdsEnvelopeSeals(state: ShipmentState, sealed: boolean): boolean {
  return state !== 'cancelado' || sealed;
}
