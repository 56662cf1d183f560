import type { Agency } from '../../../shared/domain/agencies';
import type { ShipmentFilter, ShipmentPage, ShipmentSummary } from '../../../shared/domain/shipments';
import { addDays, officeDayStartMs } from '../agencies/rules';
import type { RowTable } from './row-table';
import { fold, type ShipmentRow } from './shipment-rows';

export { fold };

export function summaryOf(s: ShipmentRow, agency: Agency | undefined): ShipmentSummary {
  return {
    id: s.id,
    folio: s.folio,
    state: s.state,
    channel: s.channel,
    classification: s.classification,
    subject: s.subject,
    agencyId: s.agencyId,
    agencyAcronym: agency?.acronym ?? '',
    agencyName: agency?.name ?? '',
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    preparedBy: s.preparedBy,
  };
}

/** The folded subject, as the row's search text already holds it (folio, then the subject, then the rest). */
function foldedSubject(text: string): string {
  const start = text.indexOf('\u0001') + 1;
  const end = text.indexOf('\u0001', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

/**
 * Filters, sorts and pages the rows of every shipment (folio, subject, oficio,
 * seals and serial are the free text) that `shown` lets the viewer see. At
 * ten years this runs over 100,000 rows per page asked, so nothing here may
 * cost more than a comparison per row: it reads the table's columns slot by
 * slot and builds a row only for the page's items, the day filter compares
 * instants (createdAt is always written by `toISOString`, so its text sorts
 * as its instant), and sort keys come from what the row already holds or
 * from one fold per agency.
 */
export function searchShipments(rows: RowTable, filter: ShipmentFilter, agencies: ReadonlyMap<string, Agency>, shown: (slot: number) => boolean = () => true): ShipmentPage {
  const states = filter.states?.length ? new Set(filter.states) : null;
  const channels = filter.channels?.length ? new Set(filter.channels) : null;
  const classifications = filter.classifications?.length ? new Set(filter.classifications) : null;
  const needle = filter.text ? fold(filter.text.trim()) : '';
  const fromIso = filter.from ? new Date(officeDayStartMs(filter.from)).toISOString() : null;
  const beforeIso = filter.to ? new Date(officeDayStartMs(addDays(filter.to, 1))).toISOString() : null;
  const matches: number[] = [];
  for (let slot = 0; slot < rows.size; slot += 1) {
    if (states && !states.has(rows.stateAt(slot))) continue;
    if (channels && !channels.has(rows.channelAt(slot))) continue;
    if (classifications && !classifications.has(rows.classificationAt(slot))) continue;
    if (filter.agencyId && rows.agencyAt(slot) !== filter.agencyId) continue;
    if (fromIso && rows.createdAtAt(slot) < fromIso) continue;
    if (beforeIso && rows.createdAtAt(slot) >= beforeIso) continue;
    if (needle && !rows.textAt(slot).includes(needle)) continue;
    if (!shown(slot)) continue;
    matches.push(slot);
  }
  const agencyKeys = new Map<string, string>();
  const agencyKey = (slot: number) => {
    const id = rows.agencyAt(slot);
    let k = agencyKeys.get(id);
    if (k === undefined) {
      k = fold(agencies.get(id)?.acronym ?? '');
      agencyKeys.set(id, k);
    }
    return k;
  };
  const key: (slot: number) => string | number = {
    folio: (slot: number) => rows.folioOrderAt(slot),
    createdAt: (slot: number) => rows.createdAtAt(slot),
    updatedAt: (slot: number) => rows.updatedAtAt(slot),
    state: (slot: number) => rows.stateAt(slot),
    agency: agencyKey,
    subject: (slot: number) => foldedSubject(rows.textAt(slot)),
  }[filter.sort];
  const sign = filter.direction === 'asc' ? 1 : -1;
  const keyed = matches.map((slot) => ({ slot, id: rows.idAt(slot), k: key(slot) }));
  const order = (a: Keyed, b: Keyed) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.id < b.id ? -1 : 1);
  const end = filter.offset + filter.limit;
  return {
    total: keyed.length,
    items: firstInOrder(keyed, end, order, sign < 0)
      .slice(filter.offset, end)
      .map(({ slot }) => summaryOf(rows.at(slot), agencies.get(rows.agencyAt(slot)))),
  };
}

interface Keyed {
  slot: number;
  id: string;
  k: string | number;
}

/**
 * The first `count` items in `order`, sorted. A page needs only the rows up
 * to its end: keeping the best `count` in a heap compares most rows once
 * against the heap's worst, where sorting all 100,000 compares each about
 * seventeen times. Deep pages (past a quarter of the rows) sort everything.
 * Rows come in the order they were created, so for a descending sort by date
 * or folio they are read from the end: the best come first and every later
 * row costs one comparison.
 */
export function firstInOrder<T>(items: T[], count: number, order: (a: T, b: T) => number, fromEnd = false): T[] {
  if (count * 4 >= items.length) return items.sort(order).slice(0, count);
  // A max-heap by `order`: heap[0] is the worst of the best kept so far.
  const heap: T[] = [];
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && order(heap[left] as T, heap[worst] as T) > 0) worst = left;
      if (right < heap.length && order(heap[right] as T, heap[worst] as T) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as T, heap[i] as T];
      i = worst;
    }
  };
  for (let n = 0; n < items.length; n += 1) {
    const item = items[fromEnd ? items.length - 1 - n : n] as T;
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (order(heap[i] as T, heap[parent] as T) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
        i = parent;
      }
    } else if (count > 0 && order(item, heap[0] as T) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}
