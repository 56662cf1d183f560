import type { VaultStream } from '../../electron/services/vault';
import type { Shipment } from './synthetic-data';

/**
 * A plain in-memory free-text index over shipments (folio, subject, agency,
 * recipient), built once after unlock from the shipments stream. Substring
 * matching over pre-normalised text: simple, and fast enough for 100k rows.
 */
export interface ShipmentHit {
  id: string;
  folio: string;
  subject: string;
  agencyAcronym: string;
  state: string;
  createdAt: string;
}

export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export class ShipmentIndex {
  private constructor(
    private readonly texts: string[],
    private readonly hits: ShipmentHit[],
  ) {}

  get size(): number {
    return this.texts.length;
  }

  /** Reads the whole shipments stream (latest revision wins), newest first. */
  static async build(stream: VaultStream<Shipment>): Promise<ShipmentIndex> {
    const latest = new Map<string, Shipment>();
    for await (const { record } of stream.readAll()) {
      const seen = latest.get(record.id);
      if (!seen || seen.revision <= record.revision) latest.set(record.id, record);
    }
    const rows = [...latest.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return new ShipmentIndex(
      rows.map((s) => normalizeText(`${s.folio} ${s.subject} ${s.agencyAcronym} ${s.agencyName} ${s.recipient}`)),
      rows.map((s) => ({ id: s.id, folio: s.folio, subject: s.subject, agencyAcronym: s.agencyAcronym, state: s.state, createdAt: s.createdAt })),
    );
  }

  /** Every term must appear; returns the most recent `limit` matches. */
  search(query: string, limit = 50): ShipmentHit[] {
    const terms = normalizeText(query).split(/\s+/).filter(Boolean);
    const out: ShipmentHit[] = [];
    if (terms.length === 0) return out;
    for (let i = 0; i < this.texts.length && out.length < limit; i += 1) {
      const text = this.texts[i] as string;
      if (terms.every((t) => text.includes(t))) out.push(this.hits[i] as ShipmentHit);
    }
    return out;
  }
}
