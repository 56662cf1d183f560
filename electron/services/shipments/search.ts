import type { Agency } from '../../../shared/domain/agencies';
import type { Shipment, ShipmentFilter, ShipmentPage, ShipmentSummary } from '../../../shared/domain/shipments';
import { todayInOffice } from '../agencies/rules';

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** What the free-text box matches: folio, subject, covering oficio, seal numbers, media serial. */
export function searchText(s: Shipment): string {
  const c = s.content;
  return fold([s.folio ?? '', c.subject, c.coveringOficio, ...(c.envelope?.seals ?? []), c.media?.serial ?? ''].join('\u0001'));
}

export function summaryOf(s: Shipment, agency: Agency | undefined): ShipmentSummary {
  return {
    id: s.id,
    folio: s.folio,
    state: s.state,
    channel: s.content.channel,
    classification: s.content.classification,
    subject: s.content.subject,
    agencyId: s.content.agencyId,
    agencyAcronym: agency?.acronym ?? '',
    agencyName: agency?.name ?? '',
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    preparedBy: s.preparedBy.fullName,
  };
}

/** Sorts folios by year then number; shipments without folio sort last (ascending). */
function folioKey(s: Shipment): string {
  return s.folioYear === null || s.folioNumber === null ? '\uffff' : `${s.folioYear}-${String(s.folioNumber).padStart(9, '0')}`;
}

/**
 * Filters, sorts and pages the newest revision of every shipment. `textOf`
 * returns the folded free-text field (cached by the caller).
 */
export function searchShipments(
  shipments: Iterable<Shipment>,
  filter: ShipmentFilter,
  agencies: ReadonlyMap<string, Agency>,
  textOf: (s: Shipment) => string,
): ShipmentPage {
  const states = filter.states?.length ? new Set(filter.states) : null;
  const channels = filter.channels?.length ? new Set(filter.channels) : null;
  const classifications = filter.classifications?.length ? new Set(filter.classifications) : null;
  const needle = filter.text ? fold(filter.text.trim()) : '';
  const matches: Shipment[] = [];
  for (const s of shipments) {
    if (states && !states.has(s.state)) continue;
    if (channels && !channels.has(s.content.channel)) continue;
    if (classifications && !classifications.has(s.content.classification)) continue;
    if (filter.agencyId && s.content.agencyId !== filter.agencyId) continue;
    if (filter.from || filter.to) {
      const day = todayInOffice(new Date(s.createdAt));
      if (filter.from && day < filter.from) continue;
      if (filter.to && day > filter.to) continue;
    }
    if (needle && !textOf(s).includes(needle)) continue;
    matches.push(s);
  }
  const key: (s: Shipment) => string = {
    folio: folioKey,
    createdAt: (s: Shipment) => s.createdAt,
    updatedAt: (s: Shipment) => s.updatedAt,
    state: (s: Shipment) => s.state,
    agency: (s: Shipment) => fold(agencies.get(s.content.agencyId)?.acronym ?? ''),
    subject: (s: Shipment) => fold(s.content.subject),
  }[filter.sort];
  const sign = filter.direction === 'asc' ? 1 : -1;
  const keyed = matches.map((s) => ({ s, k: key(s) }));
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.s.id < b.s.id ? -1 : 1));
  return {
    total: keyed.length,
    items: keyed.slice(filter.offset, filter.offset + filter.limit).map(({ s }) => summaryOf(s, agencies.get(s.content.agencyId))),
  };
}
