import { describe, expect, it } from 'vitest';
import { sealKey } from '../../../shared/domain/seals';
import { RowTable } from './row-table';
import type { ShipmentRow } from './shipment-rows';
import { sampleRows, tableOf } from './test-support/sample-rows';

describe('rows kept as columns', () => {
  it('gives back every row as it was stored, by id and in slot order', () => {
    const rows = sampleRows(300);
    const table = tableOf(rows);
    expect(table.size).toBe(300);
    expect([...table.values()]).toEqual(rows);
    expect(table.get(rows[123]!.id)).toEqual(rows[123]);
    expect(table.has(rows[5]!.id)).toBe(true);
    expect(table.get('no-such')).toBeUndefined();
  });

  it('hands out snapshots: a row kept by a caller does not change when its slot is written again', () => {
    const rows = sampleRows(3);
    const table = tableOf(rows);
    const before = table.get(rows[1]!.id) as ShipmentRow;
    table.set({ ...before, rev: 2, state: 'entregado', folio: null, folioYear: null, folioNumber: null, seals: ['A-1', 'A-2'], last: ['2021-04', 9, 900, 120] });
    expect(before).toEqual(rows[1]);
    expect(table.get(rows[1]!.id)).toMatchObject({ rev: 2, state: 'entregado', folio: null, folioYear: null, folioNumber: null, seals: ['A-1', 'A-2'], last: ['2021-04', 9, 900, 120] });
    expect(table.size).toBe(3);
  });

  it('keeps timestamps as written, and folio number 0 apart from «no folio»', () => {
    const [row] = sampleRows(1) as [ShipmentRow];
    const odd = { ...row, createdAt: '2021-03-25T10:00:00-06:00', updatedAt: '2021-03-25T16:00:00.000Z', folio: 'C4/0000/2021', folioYear: 2021, folioNumber: 0 };
    expect(tableOf([odd]).get(row.id)).toEqual(odd);
  });

  it('takes a new row only in the next slot, and an old one only in its own', () => {
    const rows = sampleRows(3);
    const table = tableOf(rows.slice(0, 2));
    expect(() => table.set(rows[2]!.slot === 2 ? { ...rows[2]!, slot: 5 } : rows[2]!)).toThrow(/slot 5/);
    expect(() => table.set({ ...rows[0]!, slot: 1 })).toThrow(/slot 1/);
    expect(() => table.set({ ...rows[2]!, slot: 0 })).toThrow(/slot 0/);
    expect(() => table.set({ ...rows[0]!, slot: 2 })).toThrow(/slot 2/);
  });

  it('gives the checkpoint a slice of slots as columns, and reads such columns back appended', () => {
    const rows = sampleRows(40);
    const table = tableOf(rows);
    const copy = new RowTable();
    for (let from = 0; from < 40; from += 15) copy.appendColumns(JSON.parse(JSON.stringify(table.columns(from, from + 15))), from);
    expect([...copy.values()]).toEqual(rows);
    expect(table.columns(30, 45).ids).toEqual(rows.slice(30).map((r) => r.id));
    expect(() => copy.appendColumns(table.columns(0, 5), 3)).toThrow(/starts at 3/);
  });

  it('finds the slots recording a seal as a person types it, and follows a row whose seals change', () => {
    const rows = sampleRows(200);
    const table = tableOf(rows.slice(0, 100));
    expect(table.slotsWithSeal(sealKey('s 7'))).toEqual([7]);
    expect(table.slotsWithSeal(sealKey('S-8'))).toEqual([]);
    // rows added and changed after the index was built
    for (const row of rows.slice(100)) table.set(row);
    expect(table.slotsWithSeal(sealKey('S-151'))).toEqual([151]);
    table.set({ ...rows[7]!, seals: ['X-1'] });
    table.set({ ...rows[9]!, seals: ['x 1', 'S-9'] });
    expect(table.slotsWithSeal(sealKey('S-7'))).toEqual([]);
    expect(table.slotsWithSeal(sealKey('X-1'))).toEqual([7, 9]);
    table.set({ ...rows[7]!, seals: [] });
    expect(table.slotsWithSeal(sealKey('X1'))).toEqual([9]);
    expect(table.slotsWithSeal(sealKey('S-9'))).toEqual([9]);
  });
});
