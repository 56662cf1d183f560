import type { Agency } from '../../../shared/domain/agencies';
import type { ShipmentFilter, ShipmentPage, ShipmentSummary } from '../../../shared/domain/shipments';
import { todayInOffice } from '../agencies/rules';
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

/** Sorts folios by year then number; shipments without folio sort last (ascending). */
function folioKey(s: ShipmentRow): string {
  return s.folioYear === null || s.folioNumber === null ? '\uffff' : `${s.folioYear}-${String(s.folioNumber).padStart(9, '0')}`;
}

/** Filters, sorts and pages the rows of every shipment (folio, subject, oficio, seals and serial are the free text). */
export function searchShipments(rows: Iterable<ShipmentRow>, filter: ShipmentFilter, agencies: ReadonlyMap<string, Agency>): ShipmentPage {
  const states = filter.states?.length ? new Set(filter.states) : null;
  const channels = filter.channels?.length ? new Set(filter.channels) : null;
  const classifications = filter.classifications?.length ? new Set(filter.classifications) : null;
  const needle = filter.text ? fold(filter.text.trim()) : '';
  const matches: ShipmentRow[] = [];
  for (const s of rows) {
    if (states && !states.has(s.state)) continue;
    if (channels && !channels.has(s.channel)) continue;
    if (classifications && !classifications.has(s.classification)) continue;
    if (filter.agencyId && s.agencyId !== filter.agencyId) continue;
    if (filter.from || filter.to) {
      const day = todayInOffice(new Date(s.createdAt));
      if (filter.from && day < filter.from) continue;
      if (filter.to && day > filter.to) continue;
    }
    if (needle && !s.text.includes(needle)) continue;
    matches.push(s);
  }
  const key: (s: ShipmentRow) => string = {
    folio: folioKey,
    createdAt: (s: ShipmentRow) => s.createdAt,
    updatedAt: (s: ShipmentRow) => s.updatedAt,
    state: (s: ShipmentRow) => s.state,
    agency: (s: ShipmentRow) => fold(agencies.get(s.agencyId)?.acronym ?? ''),
    subject: (s: ShipmentRow) => fold(s.subject),
  }[filter.sort];
  const sign = filter.direction === 'asc' ? 1 : -1;
  const keyed = matches.map((s) => ({ s, k: key(s) }));
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.s.id < b.s.id ? -1 : 1));
  return {
    total: keyed.length,
    items: keyed.slice(filter.offset, filter.offset + filter.limit).map(({ s }) => summaryOf(s, agencies.get(s.agencyId))),
  };
}
