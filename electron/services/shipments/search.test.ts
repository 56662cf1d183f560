import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agencies';
import type { ShipmentFilter } from '../../../shared/domain/shipments';
import { todayInOffice } from '../agencies/rules';
import { firstInOrder, searchShipments } from './search';
import { fold, type ShipmentRow } from './shipment-rows';

/** Seeded, so a failure repeats. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const SUBJECTS = ['Videos de cámaras', 'Estadística mensual', 'Extorsión telefónica', 'Llamadas al 911', 'Ácido en la vía'];
const agencies = new Map<string, Agency>(['FGE', 'SSP', 'Ámbar', 'ssp'].map((acronym, i) => [`ag-${i}`, { id: `ag-${i}`, acronym, name: acronym } as Agency]));

function rows(count: number): ShipmentRow[] {
  const r = random(7);
  const out: ShipmentRow[] = [];
  // Creation order, a few hours apart, starting before Mexico City's daylight saving ended (2022).
  let at = Date.UTC(2021, 2, 25);
  for (let i = 0; i < count; i += 1) {
    at += Math.floor(r() * 8 * 3_600_000);
    const subject = `${SUBJECTS[i % SUBJECTS.length]} ${Math.floor(r() * 20)}`;
    const folio = i % 7 === 0 ? null : `C4/${String(i).padStart(4, '0')}/2021`;
    out.push({
      id: `s-${String(Math.floor(r() * 1e6)).padStart(6, '0')}-${i}`, rev: 1, folio, folioYear: folio ? 2021 : null, folioNumber: folio ? i : null,
      state: (['borrador', 'entregado', 'cancelado'] as const)[i % 3] as ShipmentRow['state'], channel: 'oficio', classification: 'publica', subject,
      agencyId: `ag-${i % 4}`, createdAt: new Date(at).toISOString(), updatedAt: new Date(at + (i % 5) * 1000).toISOString(), preparedBy: 'Ana', digest: 'd', sheets: [],
      period: null, lastMove: null, preparedByIds: [], seals: [], sealed: false, text: `${fold(folio ?? '')}\u0001${fold(subject)}\u0001oficio`, last: ['2021-03', i, 0, 1],
    });
  }
  return out;
}

/** What the list answered before it was made fast: every row's office day asked of the time zone, a full sort, fold per key. */
const officeDays = new Map<string, string>();
const officeDay = (s: ShipmentRow) => officeDays.get(s.createdAt) ?? officeDays.set(s.createdAt, todayInOffice(new Date(s.createdAt))).get(s.createdAt)!;

function reference(all: ShipmentRow[], f: ShipmentFilter): string[] {
  const key = (s: ShipmentRow) => ({ folio: s.folioYear === null ? '\uffff' : `${s.folioYear}-${String(s.folioNumber).padStart(9, '0')}`, createdAt: s.createdAt, updatedAt: s.updatedAt, state: s.state, agency: fold(agencies.get(s.agencyId)?.acronym ?? ''), subject: fold(s.subject) })[f.sort];
  const sign = f.direction === 'asc' ? 1 : -1;
  return all
    .filter((s) => (!f.from || officeDay(s) >= f.from) && (!f.to || officeDay(s) <= f.to) && (!f.text || s.text.includes(fold(f.text))))
    .map((s) => ({ s, k: key(s) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.s.id < b.s.id ? -1 : 1))
    .slice(f.offset, f.offset + f.limit)
    .map(({ s }) => s.id);
}

describe('shipments list search', () => {
  const all = rows(3000);

  it('gives the same pages as a full sort for every sort, direction, depth and day range, across daylight saving', () => {
    const sorts = ['folio', 'createdAt', 'updatedAt', 'state', 'agency', 'subject'] as const;
    let compared = 0;
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 50, 650, 2950]) {
          for (const range of [{}, { from: '2021-04-04', to: '2021-04-04' }, { from: '2021-03-30', to: '2021-06-15' }, { from: '2022-10-29', to: '2022-11-01' }, { text: 'extorsion' }]) {
            const f: ShipmentFilter = { sort, direction, offset, limit: 50, ...range };
            expect(searchShipments(all, f, agencies).items.map((i) => i.id)).toEqual(reference(all, f));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(240);
  });

  it('counts a row on the day it was created in the office, not in UTC', () => {
    // 2021-07-01 05:30 UTC is 2021-07-01 00:30 in Mexico City (UTC−5 in that summer); 2024-07-01 05:30 UTC is still 2024-06-30 (UTC−6).
    const two = rows(2).map((r, i) => ({ ...r, createdAt: i === 0 ? '2021-07-01T05:30:00.000Z' : '2024-07-01T05:30:00.000Z' }));
    const on = (day: string) => searchShipments(two, { sort: 'createdAt', direction: 'asc', offset: 0, limit: 50, from: day, to: day }, agencies).items.map((i) => i.createdAt);
    expect(on('2021-07-01')).toEqual(['2021-07-01T05:30:00.000Z']);
    expect(on('2024-06-30')).toEqual(['2024-07-01T05:30:00.000Z']);
    expect(on('2024-07-01')).toEqual([]);
  });

  it('firstInOrder keeps the first items of a full sort, ties and all, from either end', () => {
    const r = random(3);
    for (let trial = 0; trial < 50; trial += 1) {
      const items = Array.from({ length: 1 + Math.floor(r() * 400) }, () => Math.floor(r() * 30));
      const count = Math.floor(r() * 60);
      const order = (a: number, b: number) => a - b;
      expect(firstInOrder([...items], count, order, trial % 2 === 0)).toEqual([...items].sort(order).slice(0, count));
    }
  });
});
