import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agencies';
import type { ShipmentFilter } from '../../../shared/domain/shipments';
import { todayInOffice } from '../agencies/rules';
import { firstInOrder, searchShipments } from './search';
import { fold, type ShipmentRow } from './shipment-rows';
import { random, sampleRows as rows, tableOf } from './test-support/sample-rows';

const agencies = new Map<string, Agency>(['FGE', 'SSP', 'Ámbar', 'ssp'].map((acronym, i) => [`ag-${i}`, { id: `ag-${i}`, acronym, name: acronym } as Agency]));

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
  const table = tableOf(all);

  it('gives the same pages as a full sort for every sort, direction, depth and day range, across daylight saving', () => {
    const sorts = ['folio', 'createdAt', 'updatedAt', 'state', 'agency', 'subject'] as const;
    let compared = 0;
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 50, 650, 2950]) {
          for (const range of [{}, { from: '2021-04-04', to: '2021-04-04' }, { from: '2021-03-30', to: '2021-06-15' }, { from: '2022-10-29', to: '2022-11-01' }, { text: 'extorsion' }]) {
            const f: ShipmentFilter = { sort, direction, offset, limit: 50, ...range };
            expect(searchShipments(table, f, agencies).items.map((i) => i.id)).toEqual(reference(all, f));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(240);
  });

  it('leaves out, and does not count, the rows the viewer may not see', () => {
    const f: ShipmentFilter = { sort: 'folio', direction: 'asc', offset: 0, limit: 50 };
    const page = searchShipments(table, f, agencies, (slot) => slot % 3 !== 0);
    expect(page.total).toBe(2000);
    expect(page.items.map((i) => i.id)).toEqual(reference(all.filter((r) => r.slot % 3 !== 0), f));
  });

  it('counts a row on the day it was created in the office, not in UTC', () => {
    // 2021-07-01 05:30 UTC is 2021-07-01 00:30 in Mexico City (UTC−5 in that summer); 2024-07-01 05:30 UTC is still 2024-06-30 (UTC−6).
    const two = rows(2).map((r, i) => ({ ...r, createdAt: i === 0 ? '2021-07-01T05:30:00.000Z' : '2024-07-01T05:30:00.000Z' }));
    const on = (day: string) => searchShipments(tableOf(two), { sort: 'createdAt', direction: 'asc', offset: 0, limit: 50, from: day, to: day }, agencies).items.map((i) => i.createdAt);
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
