import type { CustodyEvent } from '../../shared/domain/custody';
import { chainEvent } from '../../electron/services/custody/custody-chain';

/**
 * Deterministic synthetic records for benchmarks: a busy C4 office's
 * agencies, users, shipments (envíos) and custody events. Same seed, same
 * data, so runs compare. Other benchmarks (search, PDF, export) reuse it.
 */

/** mulberry32: tiny, fast, good enough for test data (not for secrets). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export const CHANNELS = ['tarjeta_informativa', 'oficio', 'sobre_cerrado', 'medio_magnetico'] as const;
export const CLASSIFICATIONS = ['publica', 'reservada', 'confidencial'] as const;
export const STATES = [
  'borrador',
  'en_revision_juridica',
  'devuelto',
  'en_autorizacion',
  'autorizado',
  'firmado',
  'sellado',
  'en_transito',
  'entregado',
  'rechazado',
  'cancelado',
] as const;

const GIVEN = ['María', 'José', 'Guadalupe', 'Juan', 'Fernanda', 'Luis', 'Alejandra', 'Carlos', 'Sofía', 'Miguel', 'Ximena', 'Jorge', 'Valeria', 'Ricardo', 'Daniela', 'Arturo', 'Rocío', 'Héctor', 'Itzel', 'Óscar'];
const FAMILY = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Jiménez', 'Reyes', 'Díaz', 'Torres', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Castillo', 'Santiago', 'Velasco'];
const BODIES = ['Fiscalía', 'Secretaría', 'Coordinación', 'Dirección', 'Instituto', 'Comisión', 'Centro', 'Unidad', 'Procuraduría', 'Consejería'];
const TOPICS = ['Seguridad Pública', 'Protección Civil', 'Movilidad', 'Salud', 'Derechos Humanos', 'Búsqueda de Personas', 'Atención a Víctimas', 'Inteligencia', 'Prevención del Delito', 'Readaptación Social', 'Tránsito', 'Asuntos Indígenas'];
const PLACES = ['Oaxaca', 'Jalisco', 'Veracruz', 'San Luis Potosí', 'Puebla', 'Guerrero', 'Chiapas', 'Michoacán', 'Tabasco', 'Zacatecas', 'Sonora', 'Yucatán', 'Hidalgo', 'Morelos', 'Tlaxcala', 'Durango'];
const SUBJECT_HEAD = ['Solicitud de videograbaciones', 'Informe mensual de incidencia delictiva', 'Reporte de llamadas al 911', 'Entrega de registros de cámaras', 'Respuesta a oficio', 'Reporte FESE', 'Estadística de robo de vehículo', 'Informe de eventos relevantes', 'Copia certificada de bitácora', 'Análisis de zonas de riesgo', 'Relación de denuncias anónimas 089', 'Reporte trimestral de homicidios', 'Solicitud de información de placas', 'Ficha de búsqueda', 'Boletín de prensa'];
const SUBJECT_TAIL = ['en la colonia Centro', 'sobre el tramo carretero federal', 'del municipio de Santa Lucía', 'relacionado con carpeta de investigación', 'del periodo solicitado', 'con motivo del operativo', 'en el mercado municipal', 'de la región Istmo', 'para la mesa de seguridad', 'del Día Naranja', 'a petición de la Fiscalía', 'de la zona conurbada'];
const REMARKS = ['Sin observaciones', 'Sellos íntegros', 'Sobre con leve desgaste, sellos íntegros', 'Se entrega en ventanilla', 'Recibe en ausencia del titular', 'Medio verificado con SHA-256', 'Entrega en mano'];

export interface Agency {
  id: string;
  name: string;
  acronym: string;
  address: string;
  recipients: Array<{ name: string; position: string; idNumber: string }>;
  agreement: { number: string; signedAt: string; validFrom: string; validTo: string };
}

export interface User {
  id: string;
  name: string;
  roles: string[];
  active: boolean;
}

export interface Shipment {
  id: string;
  folio: string;
  revision: number;
  channel: (typeof CHANNELS)[number];
  classification: (typeof CLASSIFICATIONS)[number];
  state: (typeof STATES)[number];
  agencyId: string;
  agencyAcronym: string;
  agencyName: string;
  recipient: string;
  subject: string;
  legalBasis: string;
  contents: Array<{ description: string; sheets: number }>;
  seals: string[];
  preparedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Custody events are the app's own (shared/domain/custody), chained as the ledger chains them. */
export type { CustodyEvent };

const person = (r: Random) => `${r.pick(GIVEN)} ${r.pick(FAMILY)} ${r.pick(FAMILY)}`;

export function makeAgencies(count: number, seed = 1): Agency[] {
  const r = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const body = r.pick(BODIES);
    const topic = r.pick(TOPICS);
    const place = r.pick(PLACES);
    const name = `${body} de ${topic} de ${place}`;
    const acronym = `${body[0]}${topic
      .split(' ')
      .filter((w) => w.length > 2)
      .map((w) => w[0])
      .join('')}${place.slice(0, 3).toUpperCase()}${i}`;
    return {
      id: `ag-${i + 1}`,
      name,
      acronym,
      address: `Av. ${r.pick(FAMILY)} ${r.int(1, 999)}, ${place}`,
      recipients: [{ name: person(r), position: 'Titular de la Unidad de Enlace', idNumber: `INE-${r.int(100000, 999999)}` }],
      agreement: { number: `CONV/${r.int(1, 300)}/${r.int(2014, 2025)}`, signedAt: '2016-01-15', validFrom: '2016-01-15', validTo: '2030-12-31' },
    };
  });
}

export function makeUsers(count: number, seed = 2): User[] {
  const r = createRandom(seed);
  const roles = ['capturista', 'juridico', 'director', 'comunicacion_social', 'administrador'];
  return Array.from({ length: count }, (_, i) => ({ id: `u-${i + 1}`, name: person(r), roles: [r.pick(roles)], active: r.next() > 0.1 }));
}

export interface MonthBatch {
  month: string;
  /** a representative instant inside the month, used to choose the partition */
  at: Date;
  shipments: Shipment[];
  events: CustodyEvent[];
}

/**
 * Yields one month at a time (oldest first) so a ten-year vault can be built
 * without holding ten years in memory. Folios are consecutive per year.
 */
export function* makeMonths(options: {
  months: number;
  shipments: number;
  events: number;
  agencies: readonly Agency[];
  users: readonly User[];
  endMonth: Date;
  seed?: number;
}): Generator<MonthBatch> {
  const r = createRandom(options.seed ?? 3);
  const folioByYear = new Map<number, number>();
  let shipmentNo = 0;
  let eventNo = 0;
  const end = new Date(Date.UTC(options.endMonth.getUTCFullYear(), options.endMonth.getUTCMonth(), 1));
  for (let m = 0; m < options.months; m += 1) {
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - (options.months - 1 - m), 1));
    const year = start.getUTCFullYear();
    const month = start.toISOString().slice(0, 7);
    const shipmentTarget = Math.round(((m + 1) * options.shipments) / options.months) - shipmentNo;
    const eventTarget = Math.round(((m + 1) * options.events) / options.months) - eventNo;
    const shipments: Shipment[] = [];
    for (let i = 0; i < shipmentTarget; i += 1) {
      shipmentNo += 1;
      const folioNo = (folioByYear.get(year) ?? 0) + 1;
      folioByYear.set(year, folioNo);
      const agency = r.pick(options.agencies);
      const created = new Date(start.getTime() + r.int(0, 27) * 86_400_000 + r.int(8, 19) * 3_600_000);
      shipments.push({
        id: `sh-${shipmentNo}`,
        folio: `C4/DG/${String(folioNo).padStart(4, '0')}/${year}`,
        revision: 1,
        channel: r.pick(CHANNELS),
        classification: r.pick(CLASSIFICATIONS),
        state: r.next() < 0.85 ? 'entregado' : r.pick(STATES),
        agencyId: agency.id,
        agencyAcronym: agency.acronym,
        agencyName: agency.name,
        recipient: agency.recipients[0]?.name ?? person(r),
        subject: `${r.pick(SUBJECT_HEAD)} ${r.pick(SUBJECT_TAIL)}`,
        legalBasis: 'Art. 40 de la Ley General del Sistema Nacional de Seguridad Pública',
        contents: [{ description: 'Oficio de remisión', sheets: r.int(1, 12) }],
        seals: [`S-${r.int(100000, 999999)}`],
        preparedBy: r.pick(options.users).id,
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
      });
    }
    const events: CustodyEvent[] = [];
    const heads = new Map<string, CustodyEvent>();
    for (let i = 0; i < eventTarget; i += 1) {
      eventNo += 1;
      const shipment = shipments.length > 0 ? r.pick(shipments) : undefined;
      const shipmentId = shipment?.id ?? `sh-${r.int(1, Math.max(1, shipmentNo))}`;
      const previous = heads.get(shipmentId);
      const event = chainEvent(
        {
          ...eventBody(r, `ev-${eventNo}`, shipmentId, shipment?.folio ?? null, r.pick(options.users).name, shipment?.seals ?? []),
          seq: (previous?.seq ?? 0) + 1,
          at: new Date(start.getTime() + r.int(0, 27) * 86_400_000 + r.int(0, 86_399) * 1000).toISOString(),
        },
        previous,
      );
      heads.set(shipmentId, event);
      events.push(event);
    }
    yield { month, at: new Date(start.getTime() + 14 * 86_400_000), shipments, events };
  }
}

function eventBody(r: Random, id: string, shipmentId: string, folio: string | null, from: string, seals: string[]): Omit<CustodyEvent, 'hash' | 'prevHash' | 'seq'> {
  const at = new Date().toISOString();
  const party = (name: string) => ({ name, position: 'Personal', institution: r.pick(PLACES), identification: `INE-${r.int(100000, 999999)}` });
  return {
    id, shipmentId, folio, type: 'entrega_mensajero', at, from: party(from), to: party(person(r)), place: `Oficialía de partes, ${r.pick(PLACES)}`, purpose: 'Traslado',
    seals: seals.map((number) => ({ number, intact: r.next() > 0.01, description: '' })), remarks: r.pick(REMARKS), corrects: null, courierId: null,
    transition: null, brokenSeal: false, document: null, recordedBy: { id: 'u-1', userName: 'u-1', fullName: from }, recordedAt: at,
  };
}

/** One more custody event (before the ledger links it), for timing single saves. */
export function makeCustodyEvent(r: Random, n: number): Omit<CustodyEvent, 'hash' | 'prevHash' | 'seq'> {
  return eventBody(r, `ev-bench-${n}`, `sh-${r.int(1, 100_000)}`, `C4/DG/${String(r.int(1, 9999)).padStart(4, '0')}/2026`, person(r), [`S-${r.int(100000, 999999)}`]);
}

export const SEARCH_TERMS = ['robo vehiculo', 'fiscalia', 'FESE', '0042/2019', 'videograbaciones centro', 'dia naranja', 'oaxaca', 'busqueda de personas', 'hernandez', 'C4/DG/01', '911', 'istmo operativo'];
