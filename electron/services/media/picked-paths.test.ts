import { promises as fsp, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { mediaContent, testWorld, type TestWorld } from '../test-support/world';
import { isUncPath } from './picked-paths';
import { parsed } from '../test-support/parsed-inputs';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

describe('a shipment names only files main was given by the operating system', () => {
  it('refuses on a real vault a sourcePath the page made up and a network share, in Spanish and audited; nothing is saved; a picked file is accepted', async () => {
    const w = await testWorld();
    worlds.push(w);
    const call = (channel: string, input: unknown) => dispatch(createHandlers(w.s), channel, input, { error: () => undefined });
    const bytes = Buffer.from('acta de entrega\n');
    const picked = path.join(w.dir, 'acta.txt');
    writeFileSync(picked, bytes);
    const before = (await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 10 }))).total;

    for (const [sourcePath, says] of [
      ['/etc/shadow', 'no proviene de un archivo elegido en este equipo'],
      ['\\\\servidor\\compartida\\acta.txt', 'es una carpeta de red'],
      ['//servidor/compartida/acta.txt', 'es una carpeta de red'],
    ] as const) {
      const refused = await call('shipments.create', { content: mediaContent(w, [{ name: 'acta.txt', bytes, sourcePath }]) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(says) } });
    }
    expect((await w.s.shipments.queries.list(w.ws, w.admin, parsed.filter({ limit: 10 }))).total).toBe(before);
    const audit = (await w.ws.audit.list({ offset: 0, limit: 200 })).entries.filter((e) => e.action === 'media.source_refused');
    expect(audit.map((e) => e.details.ruta).sort()).toEqual(['/etc/shadow', '\\\\servidor\\compartida\\acta.txt', '//servidor/compartida/acta.txt'].sort());

    // A network path is never registered, even by main; a picked local file is.
    w.s.pickedPaths.register('\\\\servidor\\compartida\\acta.txt');
    w.s.pickedPaths.register(picked);
    const created = await call('shipments.create', { content: mediaContent(w, [{ name: 'acta.txt', bytes, sourcePath: picked }]) });
    expect(created).toMatchObject({ ok: true });
    // Saved again after a restart (nothing registered any more), the path it already had stays accepted; a new one does not.
    const id = (created as { value: { id: string } }).value.id;
    const fresh = new (w.s.pickedPaths.constructor as new () => typeof w.s.pickedPaths)();
    Object.assign(w.s, { pickedPaths: fresh });
    expect(await call('shipments.update', { shipmentId: id, content: mediaContent(w, [{ name: 'acta.txt', bytes, sourcePath: picked }]) })).toMatchObject({ ok: true });
    expect(await call('shipments.update', { shipmentId: id, content: mediaContent(w, [{ name: 'acta.txt', bytes, sourcePath: '/root/.ssh/id_ed25519' }]) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('knows UNC paths in both spellings', () => {
    for (const p of ['\\\\srv\\share', '//srv/share', '\\\\?\\UNC\\srv\\share']) expect(isUncPath(p)).toBe(true);
    for (const p of ['C:\\Users\\a.pdf', '/home/a.pdf', 'C:/a.pdf']) expect(isUncPath(p)).toBe(false);
  });
});
