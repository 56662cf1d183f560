import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testWorld, type TestWorld } from '../test-support/world';
import { removeRowCheckpoint, ROWS_CACHE, RowCheckpoint, type Covered } from './row-checkpoint';
import { RowTable } from './row-table';
import type { ShipmentRow } from './shipment-rows';
import { sampleRows, tableOf } from './test-support/sample-rows';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.s.session.close();
});

const covered: Covered = { '2021-03': { frames: 23, bytes: 2300 } };
const cacheDir = (w: TestWorld) => path.join(w.dir, `g${w.ws.vault.generation}`, 'cache');
const segmentFiles = (w: TestWorld) => readdirSync(cacheDir(w)).filter((n) => n.startsWith(`${ROWS_CACHE}-`) && n.endsWith('.vlj')).sort();

async function readAll(c: RowCheckpoint): Promise<{ rows: ShipmentRow[]; result: Awaited<ReturnType<RowCheckpoint['read']>> }> {
  const table = new RowTable();
  const result = await c.read((columns, firstSlot) => table.appendColumns(columns, firstSlot));
  return { rows: [...table.values()], result };
}

/** A vault whose rows' checkpoint holds `count` sample rows in segments of 5. */
async function writtenCheckpoint(count: number): Promise<{ w: TestWorld; rows: ShipmentRow[]; c: RowCheckpoint }> {
  const w = await testWorld();
  worlds.push(w);
  const rows = sampleRows(count);
  const c = new RowCheckpoint(w.ws.vault, 5);
  await c.write(c.snapshot(tableOf(rows), covered));
  return { w, rows, c };
}

describe('rows checkpoint in segments', () => {
  it('reads back every row in slot order, and rewrites only the segments whose rows changed', async () => {
    const w = await testWorld();
    worlds.push(w);
    const rows = sampleRows(23);
    const first = new RowCheckpoint(w.ws.vault, 5);
    for (const row of rows) first.changed(row.slot);
    await first.write(first.snapshot(tableOf(rows), covered));
    expect(segmentFiles(w)).toHaveLength(5);

    const second = new RowCheckpoint(w.ws.vault, 5);
    const back = await readAll(second);
    expect(back.result).toEqual({ covered });
    expect(back.rows).toEqual(rows);

    // Row 7 changes and row 23 is added: segments 1 and 4 are written again, the rest are kept as they are.
    const before = new Map(segmentFiles(w).map((n) => [n, readFileSync(path.join(cacheDir(w), n))]));
    const next = [...rows];
    next[7] = { ...(rows[7] as ShipmentRow), rev: 2, state: 'entregado' };
    next.push({ ...(sampleRows(24)[23] as ShipmentRow) });
    second.changed(7);
    second.changed(23);
    const plan = second.snapshot(tableOf(next), { '2021-03': { frames: 25, bytes: 2500 } });
    expect(plan.rewritten).toEqual([1, 4]);
    await second.write(plan);
    const after = segmentFiles(w);
    expect(after).toHaveLength(5);
    expect(after.filter((n) => before.has(n))).toHaveLength(3);
    for (const n of after.filter((x) => before.has(x))) expect(readFileSync(path.join(cacheDir(w), n))).toEqual(before.get(n));

    const third = await readAll(new RowCheckpoint(w.ws.vault, 5));
    expect(third.result).toEqual({ covered: { '2021-03': { frames: 25, bytes: 2500 } } });
    expect(third.rows).toEqual(next);
  });

  it('a write cut short before its head leaves the previous checkpoint whole, and its orphans are cleared by the next', async () => {
    const { w, rows, c } = await writtenCheckpoint(12);
    const changed = [...rows];
    changed[2] = { ...(rows[2] as ShipmentRow), rev: 9 };
    c.changed(2);
    const plan = c.snapshot(tableOf(changed), { '2021-03': { frames: 30, bytes: 3000 } });
    // As if the process died after writing the new segment but before the head.
    for (const { name, segment } of plan.parts) await w.ws.vault.cacheFile(name, () => true).write(segment);
    expect(segmentFiles(w)).toHaveLength(4);
    const back = await readAll(new RowCheckpoint(w.ws.vault, 5));
    expect(back.result).toEqual({ covered });
    expect(back.rows).toEqual(rows);

    const again = new RowCheckpoint(w.ws.vault, 5);
    await readAll(again);
    again.changed(2);
    await again.write(again.snapshot(tableOf(changed), { '2021-03': { frames: 30, bytes: 3000 } }));
    expect(segmentFiles(w)).toHaveLength(3);
    expect((await readAll(new RowCheckpoint(w.ws.vault, 5))).rows).toEqual(changed);
  });

  it('is unusable when a segment is damaged or missing, and still reads a whole-file checkpoint of before segments', async () => {
    const { w, rows } = await writtenCheckpoint(12);
    const [victim] = segmentFiles(w);
    for (const name of readdirSync(cacheDir(w)).filter((n) => n.startsWith(victim!.slice(0, -4)))) {
      const file = path.join(cacheDir(w), name);
      const bytes = readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 1, bytes.length - 3);
      writeFileSync(file, bytes);
    }
    expect((await readAll(new RowCheckpoint(w.ws.vault, 5))).result).toEqual({ unusable: 'damaged' });
    await removeRowCheckpoint(w.ws.vault);
    expect(segmentFiles(w)).toEqual([]);
    expect((await readAll(new RowCheckpoint(w.ws.vault, 5))).result).toEqual({ unusable: 'missing' });

    await w.ws.vault.cacheFile(ROWS_CACHE, () => true).write({ version: 1, covered, columns: tableOf(rows).columns(0, rows.length) });
    const whole = await readAll(new RowCheckpoint(w.ws.vault, 5));
    expect(whole.result).toEqual({ covered });
    expect(whole.rows).toEqual(rows);
  });
});
