import type { Agency } from '../../shared/domain/agencies';
import { SHIPMENT_STATES } from '../../shared/domain/shipment-states';
import type { Shipment, ShipmentFilterInput } from '../../shared/domain/shipments';
import { shipmentFilterSchema } from '../../shared/domain/shipments';
import { searchShipments, searchText } from '../../electron/services/shipments/search';
import type { Random } from './synthetic-data';

const SUBJECTS = ['Estadística FESE', 'Incidencia delictiva', 'Mapas de calor', 'Llamadas de extorsión', 'Números maliciosos', 'Informe policial homologado', 'Videovigilancia'];

/**
 * Ten years of shipments as the Envíos screen holds them (the latest version
 * of each, in memory), searched with the very function `shipments.list` uses.
 */
export function makeShipmentRecords(r: Random, count: number, agencies: Agency[]): Shipment[] {
  const start = Date.parse('2016-12-01T15:00:00Z');
  const step = (10 * 365 * 86_400_000) / count;
  return Array.from({ length: count }, (_, i) => {
    const agency = agencies[i % agencies.length]!;
    const at = new Date(start + i * step).toISOString();
    const year = Number(at.slice(0, 4));
    const sealed = i % 4 === 2;
    return {
      id: `s-${i}`,
      rev: 1,
      folio: `C4/DG/${String((i % 10_000) + 1).padStart(4, '0')}/${year}`,
      folioYear: year,
      folioNumber: (i % 10_000) + 1,
      state: SHIPMENT_STATES[r.int(0, SHIPMENT_STATES.length - 1)]!,
      content: {
        channel: sealed ? 'sobre_cerrado' : 'oficio',
        agencyId: agency.id,
        recipientId: 'r-1',
        subject: `${SUBJECTS[i % SUBJECTS.length]} ${year} ${agency.acronym}`,
        classification: i % 5 === 0 ? 'reservada' : 'publica',
        legalBasis: i % 5 === 0 ? 'Art. 110 LGTAIP' : '',
        coveringOficio: `C4/DG/OF/${i}`,
        inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }],
        notes: '',
        reportPeriod: null,
        envelope: sealed ? { size: 'carta', sheets: 12, seals: [`S-${100_000 + i}`], packingNotes: '' } : null,
        media: null,
      } as unknown as Shipment['content'],
      digest: 'x'.repeat(64),
      agreementNumber: 'CONV-1',
      createdAt: at,
      updatedAt: at,
      preparedBy: { id: 'u-1', userName: 'u1', fullName: 'Capturista' },
      preparedByIds: ['u-1'],
      sheets: [],
      signature: null,
      acknowledgementScan: null,
      closingReason: null,
      history: [],
    };
  });
}

export function measureShipmentList(r: Random, shipments: Shipment[], agencies: Agency[], queries: number): number[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const text = new WeakMap<Shipment, string>();
  const textOf = (s: Shipment) => {
    let t = text.get(s);
    if (t === undefined) text.set(s, (t = searchText(s)));
    return t;
  };
  searchShipments(shipments, shipmentFilterSchema.parse({}), byId, textOf); // the first list fills the text cache
  const times: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const filter: ShipmentFilterInput =
      i % 4 === 0
        ? { text: `${String(r.int(1, 9999)).padStart(4, '0')}/${r.int(2017, 2026)}` }
        : i % 4 === 1
          ? { text: SUBJECTS[i % SUBJECTS.length]!.split(' ')[1]!, states: ['en_transito', 'entregado'] }
          : i % 4 === 2
            ? { agencyId: agencies[i % agencies.length]!.id, sort: 'folio', direction: 'asc' }
            : { text: `S-${100_000 + r.int(0, shipments.length - 1)}`, classifications: ['publica'] };
    const parsed = shipmentFilterSchema.parse(filter);
    const started = performance.now();
    searchShipments(shipments, parsed, byId, textOf);
    times.push(performance.now() - started);
  }
  return times;
}
