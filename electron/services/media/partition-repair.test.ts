import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANGES_STREAM } from '../shipments/shipment-store';
import { ADMIN, oficioContent, shipmentIn, testWorld, type TestWorld } from '../test-support/world';
import { MediaService } from './media-service';
import { parsed } from '../test-support/parsed-inputs';

const worlds: TestWorld[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.s.session.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-repair-'));
  dirs.push(dir);
  return dir;
}

async function reopen(w: TestWorld): Promise<void> {
  await w.s.session.signOut();
  await w.s.session.signIn(ADMIN.userName, ADMIN.password);
  w.ws = w.s.session.require().ws;
}

/** Flips one byte inside the first frame's encrypted bytes: the first shipment's creation. */
function damageFirstFrame(w: TestWorld): string {
  const dir = path.join(w.dir, `g${w.ws.vault.generation}`, 'streams', CHANGES_STREAM);
  const file = path.join(dir, readdirSync(dir).filter((n) => n.endsWith('.log')).sort()[0] as string);
  const bytes = readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(80) ^ 0x10, 80);
  writeFileSync(file, bytes);
  return file;
}

describe('a damaged record costs that record, not the office', () => {
  it('opens, lists and works with everything else, names the damaged shipment, and repairs the month from a backup', async () => {
    const w = await testWorld();
    worlds.push(w);
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const first = await shipmentIn(w, 'por_firmar', oficioContent(w, 'El que se daña'));
    const second = await shipmentIn(w, 'entregado', oficioContent(w, 'Otro envío'));
    const drive = tempDir();
    const backup = await media.backupVault(w.ws, w.admin, { drivePath: drive });
    const afterBackup = await shipmentIn(w, 'revisado', oficioContent(w, 'Escrito después del respaldo'));
    await reopen(w);
    const damagedFile = damageFirstFrame(w);
    await reopen(w);

    const page = await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 50 }));
    expect(page.total).toBe(3);
    await expect(w.s.shipments.queries.get(w.ws, w.admin, first.id)).rejects.toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringMatching(/El envío C4\/DG\/0001\/2026 no se puede abrir: su registro n\.º 1 del mes 2026-11 está dañado/) });
    expect((await w.s.shipments.queries.get(w.ws, w.admin, second.id)).shipment.state).toBe('entregado');
    await w.s.shipments.lifecycle.act(w.ws, w.lawyer, afterBackup.id, 'generar_hoja', {}).catch(() => undefined);
    const home = await w.s.shipments.upkeep.knownDamage(w.ws);
    expect(home.shipments.map((s) => s.folio)).toEqual(['C4/DG/0001/2026']);
    expect(home.months).toEqual([{ records: 'envios', month: '2026-11', frames: 1 }]);

    // «Verificar integridad» reads everything and names the same.
    const verified = await w.s.custody.verify(w.ws, w.admin);
    expect(verified.ok).toBe(false);
    expect(verified.damage?.shipments.map((s) => s.id)).toEqual([first.id]);

    // Without a checkpoint the index is rebuilt around the damaged frame: the shipment whose creation
    // was lost cannot be listed, but it is named by what its later records say.
    rmSync(path.join(w.dir, `g${w.ws.vault.generation}`, 'cache'), { recursive: true, force: true });
    await reopen(w);
    expect((await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 50 }))).items.map((s) => s.id).sort()).toEqual([second.id, afterBackup.id].sort());
    expect((await w.s.shipments.upkeep.knownDamage(w.ws)).shipments).toEqual([{ id: first.id, folio: 'C4/DG/0001/2026', subject: null }]);
    expect((await w.s.shipments.queries.get(w.ws, w.admin, afterBackup.id)).shipment.content.subject).toBe('Escrito después del respaldo');

    // A backup of another vault is refused and changes nothing.
    const other = await testWorld();
    worlds.push(other);
    const otherDrive = tempDir();
    const foreign = await new MediaService({ shipments: other.s.shipments }).backupVault(other.ws, other.admin, { drivePath: otherDrive });
    await expect(media.repairFromBackup(w.ws, w.admin, foreign.bagPath)).rejects.toMatchObject({ message: expect.stringMatching(/otra bóveda/) });

    const summary = await media.repairFromBackup(w.ws, w.admin, backup.bagPath);
    expect(summary).toEqual({ repaired: ['envíos 2026-11: 1 registro'], remaining: [] });
    expect((await w.s.shipments.queries.get(w.ws, w.admin, first.id)).shipment.state).toBe('por_firmar');
    expect((await w.s.shipments.queries.get(w.ws, w.admin, afterBackup.id)).shipment.content.subject).toBe('Escrito después del respaldo');
    expect(readdirSync(path.dirname(damagedFile)).some((n) => n.includes('.damaged-'))).toBe(true);
    expect((await w.s.shipments.upkeep.knownDamage(w.ws)).shipments).toEqual([]);
    expect((await w.ws.audit.list({ action: 'vault.repaired', offset: 0, limit: 5 })).total).toBe(1);
    expect((await w.s.custody.verify(w.ws, w.admin)).ok).toBe(true);
    expect(existsSync(damagedFile)).toBe(true);
  }, 60_000);
});
