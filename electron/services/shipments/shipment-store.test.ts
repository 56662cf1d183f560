import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../shared/domain/shipments';
import { canonicalJson } from '../integrity/canonical-json';
import { ADMIN, oficioContent, shipmentIn, testWorld, type TestWorld } from '../test-support/world';
import { applyChange, changeOf, foldRevisions } from './shipment-changes';
import { CHANGES_STREAM, ShipmentStore, type RebuildReason } from './shipment-store';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.s.session.close();
});

async function world(): Promise<TestWorld> {
  const w = await testWorld();
  worlds.push(w);
  return w;
}

/** Signs out and in again: a new workspace, so the service opens its store anew from disk. */
async function reopen(w: TestWorld): Promise<void> {
  await w.s.session.signOut();
  await w.s.session.signIn(ADMIN.userName, ADMIN.password);
  w.ws = w.s.session.require().ws;
}

async function openStore(w: TestWorld): Promise<{ store: ShipmentStore; rebuilt: RebuildReason[] }> {
  const rebuilt: RebuildReason[] = [];
  const store = await ShipmentStore.open(w.ws.vault, { onRebuilt: (reason) => void rebuilt.push(reason) });
  return { store, rebuilt };
}

const cacheDir = (w: TestWorld) => path.join(w.dir, `g${w.ws.vault.generation}`, 'cache');
/** The stream's partitions and its manifest (which would rightly refuse a partition shorter than it acknowledged). */
const partitionFiles = (w: TestWorld) => {
  const dir = path.join(w.dir, `g${w.ws.vault.generation}`, 'streams', CHANGES_STREAM);
  return readdirSync(dir).map((n) => path.join(dir, n));
};

async function snapshotOf(w: TestWorld, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) out.push(canonicalJson((await w.s.shipments.queries.get(w.ws, w.admin, id)).shipment));
  return out;
}

describe('shipment changes', () => {
  it('store only what changed, and fold back to every revision', async () => {
    const w = await world();
    const delivered = await shipmentIn(w, 'entregado', oficioContent(w, 'Informe mensual'));
    const { store } = await openStore(w);
    const revisions = await store.revisions(delivered.id);
    // The approval sheet is printed before the signature: that print is revision 5.
    expect(revisions.map((r) => r.rev)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(canonicalJson(revisions.at(-1))).toBe(canonicalJson(delivered));

    const changes = revisions.map((r, i) => changeOf(i === 0 ? null : (revisions[i - 1] as Shipment), r, null));
    expect(foldRevisions(changes).map(canonicalJson)).toEqual(revisions.map(canonicalJson));
    // A transition stores its new state, time and one history entry, not the content or the history before it.
    const print = changes[4];
    expect(Object.keys(print?.set ?? {})).toEqual(['prints']);
    expect(print?.added).toHaveLength(0);
    const dispatch = changes[7];
    expect(Object.keys(dispatch?.set ?? {}).filter((k) => k !== 'state' && k !== 'updatedAt'), JSON.stringify(dispatch?.set)).toEqual([]);
    expect(dispatch?.set.state).toBe('en_transito');
    expect(dispatch?.added).toHaveLength(1);
    expect(JSON.stringify(dispatch).length).toBeLessThan(JSON.stringify(revisions[7]).length / 3);
    expect(() => applyChange(revisions[3] as Shipment, changes[2]!)).toThrow();
  });
});

describe('shipment checkpoint', () => {
  it('opens from the checkpoint and replays only what came after it', async () => {
    const w = await world();
    const early = await shipmentIn(w, 'revisado', oficioContent(w, 'Antes del punto de control'));
    await w.s.shipments.upkeep.checkpoint(w.ws);
    const late = await shipmentIn(w, 'por_firmar', oficioContent(w, 'Después del punto de control'));
    const expected = await snapshotOf(w, [early.id, late.id]);

    const { store, rebuilt } = await openStore(w);
    expect(await store.size()).toBe(2);
    expect(rebuilt).toEqual([]);
    expect((await store.get(late.id))?.state).toBe('por_firmar');
    await reopen(w);
    expect(await snapshotOf(w, [early.id, late.id])).toEqual(expected);
    expect((await w.ws.audit.list({ action: 'vault.index_rebuilt', offset: 0, limit: 5 })).total).toBe(0);
    // Folios continue from the highest one, whether it came from the checkpoint or the replay.
    const next = await shipmentIn(w, 'por_firmar', oficioContent(w, 'Tercero'));
    expect(next.folioNumber).toBe((await w.s.shipments.queries.get(w.ws, w.admin, late.id)).shipment.folioNumber! + 1);
  });

  it('answers Inicio from the summary without reading the rows, until something is saved', async () => {
    const w = await world();
    await shipmentIn(w, 'entregado', oficioContent(w, 'Entregado'));
    await shipmentIn(w, 'borrador', oficioContent(w, 'Borrador'));
    await reopen(w); // signing out writes the checkpoint
    const { store } = await openStore(w);
    expect(await store.overview()).toMatchObject({ byState: { entregado: 1, borrador: 1 } });
    expect(store.rowsLoaded).toBe(false);
    expect(await w.s.shipments.queries.countsByState(w.ws)).toEqual({ entregado: 1, borrador: 1 });
  });

  it('rebuilds from the stream, and says so in the audit log, when the checkpoint is damaged, stale or missing', async () => {
    const w = await world();
    const a = await shipmentIn(w, 'autorizado', oficioContent(w, 'Uno'));
    const b = await shipmentIn(w, 'revisado', oficioContent(w, 'Dos'));
    await w.s.shipments.upkeep.checkpoint(w.ws);
    const expected = await snapshotOf(w, [a.id, b.id]);

    // Damaged: a flipped byte in the checkpoint and its previous copy.
    for (const name of readdirSync(cacheDir(w))) {
      const file = path.join(cacheDir(w), name);
      const bytes = readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0x40, bytes.length - 5);
      writeFileSync(file, bytes);
    }
    await reopen(w);
    expect(await snapshotOf(w, [a.id, b.id])).toEqual(expected);
    const rebuilt = await w.ws.audit.list({ action: 'vault.index_rebuilt', offset: 0, limit: 5 });
    expect(rebuilt.total).toBe(1);
    expect(rebuilt.entries[0]?.subject).toMatch(/dañado/);

    // Stale: a checkpoint that claims more of the stream than there is (the stream restored from an older copy).
    await w.s.shipments.upkeep.checkpoint(w.ws);
    const files = partitionFiles(w);
    const saved = files.map((f) => ({ f, bytes: readFileSync(f) }));
    await shipmentIn(w, 'revisado', oficioContent(w, 'Tres'));
    await w.s.shipments.upkeep.checkpoint(w.ws);
    await w.s.session.signOut();
    for (const { f, bytes } of saved) writeFileSync(f, bytes);
    await w.s.session.signIn(ADMIN.userName, ADMIN.password);
    w.ws = w.s.session.require().ws;
    let opened = await openStore(w);
    expect(await opened.store.size()).toBe(2);
    expect(opened.rebuilt).toEqual(['stale']);

    // Missing: a new key generation carries no checkpoint over.
    expect(statSync(cacheDir(w)).isDirectory()).toBe(true);
    await w.ws.vault.rotateDataKey();
    opened = await openStore(w);
    expect(await opened.store.size()).toBe(2);
    expect(opened.rebuilt).toEqual(['missing']);
  });

  it('replays from an older checkpoint', async () => {
    const w = await world();
    const a = await shipmentIn(w, 'revisado', oficioContent(w, 'Uno'));
    await w.s.shipments.upkeep.checkpoint(w.ws);
    const old = readdirSync(cacheDir(w)).map((n) => ({ file: path.join(cacheDir(w), n), copy: `${path.join(cacheDir(w), n)}.old` }));
    for (const { file, copy } of old) copyFileSync(file, copy);
    const b = await shipmentIn(w, 'entregado', oficioContent(w, 'Dos'));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk, a.id, 'generar_hoja', {});
    await w.s.shipments.upkeep.checkpoint(w.ws);
    const expected = await snapshotOf(w, [a.id, b.id]);
    await w.s.session.signOut();
    for (const { file, copy } of old) copyFileSync(copy, file);
    await w.s.session.signIn(ADMIN.userName, ADMIN.password);
    w.ws = w.s.session.require().ws;
    const opened = await openStore(w);
    expect(await opened.store.size()).toBe(2);
    expect(opened.rebuilt).toEqual([]);
    expect(await w.s.shipments.queries.countsByState(w.ws)).toEqual({ por_firmar: 1, entregado: 1 });
    expect(await snapshotOf(w, [a.id, b.id])).toEqual(expected);
  });
});
