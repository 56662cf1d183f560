import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../shared/domain/custody';
import type { Services } from '../app-services';
import { firstInOrder } from '../shipments/search';
import { testWorld } from '../test-support/world';
import { CUSTODY_CHECKPOINT, CustodyLedger } from './custody-ledger';
import { ID_BYTES } from './packed-ids';

const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.session.close();
});

const PEOPLE = ['José Pérez', 'Pedro Gómez', 'Lucía Núñez'];

function body(n: number): Omit<CustodyEvent, 'hash' | 'prevHash' | 'seq'> {
  const day = 1 + (n % 28);
  return {
    id: `ev-${n}`, shipmentId: `sh-${n % 3}`, folio: null, type: n % 2 ? 'entrega_mensajero' : 'otro',
    at: `2026-10-${String(day).padStart(2, '0')}T18:00:00.000Z`,
    from: { name: PEOPLE[n % 3] as string, position: '', institution: '', identification: '' },
    to: { name: `Destino ${n % 7}`, position: '', institution: '', identification: '' },
    place: 'Ventanilla', purpose: '', seals: [], remarks: '', corrects: null, courierId: null,
    transition: null, brokenSeal: n % 100 === 0, document: null,
    recordedBy: { id: 'u', userName: 'u', fullName: 'Ana Ortiz' }, recordedAt: '2026-10-01T18:00:00.000Z',
  };
}

describe('custody ledger index', () => {
  it('indexes more events than its first capacity, answers the log filters, and rebuilds the same from the stream', async () => {
    const w = await testWorld();
    opened.push(w.s);
    const ledger = await CustodyLedger.open(w.ws.vault);
    for (let n = 0; n < 1300; n += 1) await ledger.append(body(n), new Date('2026-10-15T00:00:00Z'));
    const check = async (l: CustodyLedger) => {
      expect(l.size).toBe(1300);
      expect(l.entriesOf('sh-1').map((e) => e.seq).slice(0, 3)).toEqual([1, 2, 3]);
      expect(l.entriesOf('sh-1')).toHaveLength(433);
      expect(l.head('sh-2')?.seq).toBe(433);
      expect(l.query({ brokenSealOnly: true }).map((e) => e.id)).toHaveLength(13);
      expect(l.query({ person: 'nunez' }).every((e) => Number(e.id.slice(3)) % 3 === 2)).toBe(true);
      expect(l.query({ person: 'nunez' })).toHaveLength(433);
      expect(l.query({ person: 'ana ortiz' })).toHaveLength(1300);
      const early = l.query({ fromMs: Date.parse('2026-10-01T06:00:00Z'), toMs: Date.parse('2026-10-03T06:00:00Z') });
      expect(early.every((e) => e.at < Date.parse('2026-10-03T06:00:00Z'))).toBe(true);
      expect(early.map((e) => e.at)).toEqual([...early.map((e) => e.at)].sort((a, b) => b - a));
      expect(l.query({ shipmentId: 'sh-0', shipment: () => false })).toEqual([]);
      // A page picked from the positions (as the log does) is the same page of the whole sorted log, ties included.
      const sorted = l.query({}).map((e) => e.id);
      for (const offset of [0, 50, 650, 1250]) {
        const page = firstInOrder(l.matching({}), offset + 50, (a, b) => l.newerFirst(a, b), true).slice(offset, offset + 50);
        expect(page.map((pos) => l.idAt(pos))).toEqual(sorted.slice(offset, offset + 50));
      }
      const [last] = await l.load(l.latest(1));
      expect(last?.id).toBe('ev-1299');
      expect((await l.of('sh-0')).map((e) => e.seq)).toEqual(Array.from({ length: 434 }, (_, i) => i + 1));
    };
    await check(ledger);
    await check(await CustodyLedger.open(w.ws.vault));
  }, 60_000);

  it('opens from its checkpoint and indexes only later events; rebuilds (and says why) when the checkpoint is damaged', async () => {
    const w = await testWorld();
    opened.push(w.s);
    const ledger = await CustodyLedger.open(w.ws.vault);
    for (let n = 0; n < 600; n += 1) await ledger.append(body(n), new Date('2026-10-15T00:00:00Z'));
    await ledger.checkpoint();
    for (let n = 600; n < 900; n += 1) await ledger.append(body(n), new Date(n < 800 ? '2026-10-20T00:00:00Z' : '2026-11-02T00:00:00Z'));
    const rebuilt: string[] = [];
    const fromCheckpoint = await CustodyLedger.open(w.ws.vault, { onRebuilt: (reason) => void rebuilt.push(reason) });
    expect(rebuilt).toEqual([]);
    expect(fromCheckpoint.size).toBe(900);
    expect(fromCheckpoint.head('sh-0')).toEqual(ledger.head('sh-0'));
    expect(fromCheckpoint.query({ person: 'nunez' }).map((e) => e.id)).toEqual(ledger.query({ person: 'nunez' }).map((e) => e.id));
    expect((await fromCheckpoint.of('sh-2')).map((e) => e.hash)).toEqual((await ledger.of('sh-2')).map((e) => e.hash));
    // The next event links to the head the checkpoint and the replay gave.
    const next = await fromCheckpoint.append(body(900), new Date('2026-11-02T00:00:00Z'));
    expect(next.prevHash).toBe(ledger.head('sh-0')?.hash);

    const cache = path.join(w.dir, `g${w.ws.vault.generation}`, 'cache');
    for (const name of readdirSync(cache)) {
      const file = path.join(cache, name);
      const bytes = readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(100) ^ 1, 100);
      writeFileSync(file, bytes);
    }
    const progress: string[] = [];
    const again = await CustodyLedger.open(w.ws.vault, { onRebuilt: (reason) => void rebuilt.push(reason), onProgress: (done, total) => void progress.push(`${done}/${total}`) });
    expect(rebuilt).toEqual(['damaged']);
    // Two months of events: the screens are told how far the rebuild got after each.
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    expect(again.size).toBe(901);
    expect(again.head('sh-0')).toEqual(fromCheckpoint.head('sh-0'));
  }, 60_000);

  it('keeps UUID ids as bytes and other ids as they are, through its checkpoint, and still reads a version-1 checkpoint', async () => {
    const w = await testWorld();
    opened.push(w.s);
    const ledger = await CustodyLedger.open(w.ws.vault);
    const shipments = [randomUUID(), randomUUID(), 'sh-odd'];
    for (let n = 0; n < 60; n += 1) {
      const moved = n % 4 === 0 ? { action: 'sellar' as const, from: 'autorizado' as const, to: 'sellado' as const } : null;
      await ledger.append({ ...body(n), id: n % 10 === 3 ? `ev-${n}` : randomUUID(), shipmentId: shipments[n % 3] as string, transition: moved }, new Date('2026-10-15T00:00:00Z'));
    }
    await ledger.checkpoint();
    const ids = ledger.latest(60).map((e) => e.id);
    const rebuilt: string[] = [];
    const reopened = await CustodyLedger.open(w.ws.vault, { onRebuilt: (reason) => void rebuilt.push(reason) });
    expect(rebuilt).toEqual([]);
    expect(reopened.latest(60).map((e) => e.id)).toEqual(ids);
    expect(ids.filter((id) => id.startsWith('ev-'))).toHaveLength(6);
    for (const id of shipments) {
      expect(reopened.entriesOf(id)).toEqual(ledger.entriesOf(id));
      expect(reopened.head(id)).toEqual(ledger.head(id));
      expect((await reopened.of(id)).map((e) => e.id)).toEqual(ledger.entriesOf(id).map((e) => e.id));
    }
    // Each shipment's newest handoff: position 48 is shipment 0's (48 % 3, 48 % 4), 52 is 1's, 56 is 2's.
    expect(new Map(reopened.newestTransitions())).toEqual(new Map([[shipments[0], 48], [shipments[1], 52], [shipments[2], 56]]));

    // The same index as a version-1 checkpoint wrote it: every id as a JSON string, no id bytes.
    const file = w.ws.vault.binaryCacheFile(CUSTODY_CHECKPOINT);
    const read = await file.read();
    if (!read || !('data' in read)) throw new Error('no checkpoint');
    const length = read.data.readUInt32BE(0);
    const header = JSON.parse(read.data.subarray(4, 4 + length).toString('utf8')) as Record<string, unknown>;
    // Version 2 pads every part to 8 bytes; version 1 wrote the same columns back to back, then no id bytes.
    const perEvent = [4, 4, 8, 1, 1, 1, 2, 4, 8, 4, 12];
    const sizes = [...perEvent.map((b) => b * 60), 4 * 3, 32 * 3];
    let at = 4 + length;
    const columns = Buffer.concat(
      sizes.map((size) => {
        const part = read.data.subarray(at, at + size);
        at += size + ((8 - (size % 8)) % 8);
        return part;
      }),
    );
    expect(read.data.length - at).toBe(Math.ceil((60 * ID_BYTES) / 8) * 8 + Math.ceil((3 * ID_BYTES) / 8) * 8);
    const v1 = Buffer.from(JSON.stringify({ version: 1, covered: header.covered, size: 60, ids, shipments, partitions: header.partitions, names: header.names }));
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(v1.length);
    await file.write(Buffer.concat([prefix, v1, columns]));
    const fromV1 = await CustodyLedger.open(w.ws.vault, { onRebuilt: (reason) => void rebuilt.push(reason) });
    expect(rebuilt).toEqual([]);
    expect(fromV1.latest(60).map((e) => e.id)).toEqual(ids);
    for (const id of shipments) expect(fromV1.head(id)).toEqual(ledger.head(id));
  }, 60_000);
});
