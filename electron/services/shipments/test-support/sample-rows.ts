/** Rows as the store keeps them, made up for tests of what reads rows without a vault (search, checkpoints). */
import { RowTable } from '../row-table';
import { fold, type ShipmentRow } from '../shipment-rows';

/** Seeded, so a failure repeats. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const SUBJECTS = ['Videos de cámaras', 'Estadística mensual', 'Extorsión telefónica', 'Llamadas al 911', 'Ácido en la vía'];

/** `count` rows in creation order, a few hours apart, from before Mexico City's daylight saving ended (2022); four agencies `ag-0`…`ag-3`. */
export function sampleRows(count: number, seed = 7): ShipmentRow[] {
  const r = random(seed);
  const out: ShipmentRow[] = [];
  let at = Date.UTC(2021, 2, 25);
  for (let i = 0; i < count; i += 1) {
    at += Math.floor(r() * 8 * 3_600_000);
    const subject = `${SUBJECTS[i % SUBJECTS.length]} ${Math.floor(r() * 20)}`;
    const folio = i % 7 === 0 ? null : `C4/${String(i).padStart(4, '0')}/2021`;
    out.push({
      id: `s-${String(Math.floor(r() * 1e6)).padStart(6, '0')}-${i}`, rev: 1, folio, folioYear: folio ? 2021 : null, folioNumber: folio ? i : null,
      state: (['borrador', 'entregado', 'cancelado'] as const)[i % 3] as ShipmentRow['state'], channel: 'oficio', classification: 'publica', subject,
      agencyId: `ag-${i % 4}`, createdAt: new Date(at).toISOString(), updatedAt: new Date(at + (i % 5) * 1000).toISOString(), preparedBy: 'Ana',
      period: null, lastMove: null, preparedByIds: ['u-1'], seals: i % 2 ? [`S-${i}`] : [], sealed: i % 2 === 1, text: `${fold(folio ?? '')}\u0001${fold(subject)}\u0001oficio`, last: ['2021-03', i, 0, 1], slot: i,
    });
  }
  return out;
}

/** The rows in a table, as the store keeps them. */
export function tableOf(rows: readonly ShipmentRow[]): RowTable {
  const table = new RowTable();
  for (const row of rows) table.set(row);
  return table;
}
