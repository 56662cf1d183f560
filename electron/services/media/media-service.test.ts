import { promises as fsp, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptFile } from './age-payload';
import { MediaService } from './media-service';
import { normalizePassphrase } from './passphrase';
import { mediaContent, testWorld, sha256, shipmentIn, type TestWorld } from '../test-support/world';
import { handMadeBag, useTempDirs } from './test-support';
import { parsed } from '../test-support/parsed-inputs';

/** These loads are unencrypted, which only public information may be. */
const publicMedia = (...args: Parameters<typeof mediaContent>) => ({ ...mediaContent(...args), classification: 'publica' as const });

const tempDir = useTempDirs();
const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

async function setUp() {
  const w = await testWorld();
  worlds.push(w);
  const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
  return { w, media };
}

describe('loading a magnetic-media shipment', () => {
  it('writes a verified BagIt bag with the manifest, then records custody and audit', async () => {
    const { w, media } = await setUp();
    const src = tempDir();
    const video = Buffer.alloc(300_000, 7);
    const report = Buffer.from('Informe de cámaras, noviembre.\n');
    writeFileSync(path.join(src, 'camara-12.mp4'), video);
    writeFileSync(path.join(src, 'informe.txt'), report);
    const s = await shipmentIn(
      w,
      'autorizado',
      publicMedia(w, [
        { name: 'camara-12.mp4', bytes: video, sourcePath: path.join(src, 'camara-12.mp4') },
        { name: 'informe.txt', bytes: report, sourcePath: path.join(src, 'informe.txt') },
      ]),
    );
    const drive = tempDir();
    const phases = new Set<string>();
    const loaded = await media.loadShipment(w.ws, w.clerk, s.id, { drivePath: drive, encrypt: false, filesystem: 'vfat', onProgress: (p) => phases.add(p.phase) });

    expect(loaded.bagName).toBe('C4-DG-0001-2026');
    expect(loaded.bagPath).toBe(path.join(drive, 'C4-DG-0001-2026'));
    expect(loaded.passphrase).toBeNull();
    expect(loaded.openingKeyPdf).toBeNull();
    expect([...phases]).toEqual(['checking', 'copying', 'verifying']);
    expect(readFileSync(path.join(loaded.bagPath, 'data', 'camara-12.mp4')).equals(video)).toBe(true);
    expect(readFileSync(path.join(loaded.bagPath, 'manifiesto.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const info = readFileSync(path.join(loaded.bagPath, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Source-Organization: C4 Oaxaca');
    expect(info).toContain('External-Identifier: C4/DG/0001/2026');
    expect(info).toContain(`Payload-Oxum: ${video.length + report.length}.2`);
    expect(info).toContain('Valija-Destinatario: Carlos Núñez, Enlace');
    expect(info).toContain(`Valija-Huella-Contenido: ${s.digest}`);

    const check = await media.verifyBagAt(loaded.bagPath);
    expect(check.valid).toBe(true);
    expect(check.files.map((f) => [f.path, f.status])).toContainEqual(['data/camara-12.mp4', 'ok']);
    expect(check.files.map((f) => [f.path, f.status])).toContainEqual(['manifiesto.pdf', 'ok']);

    const detail = await w.s.shipments.queries.get(w.ws, w.clerk, s.id);
    const event = detail.custody.at(-1)!;
    expect(event).toMatchObject({ id: loaded.custodyEventId, type: 'preparacion', purpose: 'Carga del medio magnético', to: { name: 'Medio SN-USB-7781 (Memoria USB)' } });
    expect(event.remarks).toContain('verificada');
    expect(event.remarks).toContain(`Payload-Oxum ${video.length + report.length}.2`);
    expect(detail.shipment.state).toBe('autorizado');
    const audit = await w.ws.audit.list({ offset: 0, limit: 1000 });
    expect(audit.entries.some((e) => e.action === ('media.loaded' as string) && e.details.carpeta === 'C4-DG-0001-2026')).toBe(true);

    // Altered after transit: the check names the file.
    writeFileSync(path.join(loaded.bagPath, 'data', 'informe.txt'), 'otro texto');
    const altered = await media.verifyBagAt(loaded.bagPath);
    expect(altered.valid).toBe(false);
    expect(altered.files.find((f) => f.path === 'data/informe.txt')?.status).toBe('altered');
  });

  it('refuses a source whose bytes differ from the authorised ones, and writes nothing', async () => {
    const { w, media } = await setUp();
    const src = tempDir();
    const original = Buffer.from('video original');
    const file = path.join(src, 'camara.mp4');
    writeFileSync(file, original);
    const s = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'camara.mp4', bytes: original, sourcePath: file }]));
    writeFileSync(file, 'video editado después de la firma');
    const drive = tempDir();
    await expect(media.loadShipment(w.ws, w.clerk, s.id, { drivePath: drive, encrypt: false, filesystem: 'ext4' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('no es el archivo autorizado'),
    });
    expect(await fsp.readdir(drive)).toEqual([]);
    // A missing source is named, too.
    const t = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'sin-ruta.mp4', bytes: original }], 'SN-2'));
    await expect(media.loadShipment(w.ws, w.clerk, t.id, { drivePath: drive, encrypt: false })).rejects.toMatchObject({ message: expect.stringContaining('No se sabe de dónde leer «sin-ruta.mp4»') });
  });

  it('checks the drive before reading any source: FAT32 size limit, names, an existing folder', async () => {
    const { w, media } = await setUp();
    // Recorded as 5 GB: the content schema takes the size the picker measured.
    const content = publicMedia(w, [{ name: 'video.mp4', bytes: Buffer.from('x') }]);
    const huge = await shipmentIn(w, 'autorizado', { ...content, media: { ...content.media!, files: [{ name: 'video.mp4', size: 5 * 1024 ** 3, sha256: 'a'.repeat(64) }] } } as typeof content);
    const drive = tempDir();
    // No source at all: the drive check comes first.
    await expect(media.loadShipment(w.ws, w.clerk, huge.id, { drivePath: drive, encrypt: false, filesystem: 'vfat' })).rejects.toMatchObject({ message: expect.stringContaining('FAT32') });
    const named = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'a:b.txt', bytes: Buffer.from('x') }], 'SN-3'));
    await expect(media.loadShipment(w.ws, w.clerk, named.id, { drivePath: drive, encrypt: false, filesystem: 'ntfs' })).rejects.toMatchObject({ message: expect.stringContaining('«:»') });
    const bytes = Buffer.from('y');
    const ok = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'y.txt', bytes }], 'SN-4'));
    await media.loadShipment(w.ws, w.clerk, ok.id, { drivePath: drive, encrypt: false, sources: { 'y.txt': bytes }, filesystem: 'ext4' });
    await expect(media.loadShipment(w.ws, w.clerk, ok.id, { drivePath: drive, encrypt: false, sources: { 'y.txt': bytes }, filesystem: 'ext4' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(media.loadShipment(w.ws, w.clerk, ok.id, { drivePath: path.join(drive, 'no-existe'), encrypt: false, sources: { 'y.txt': bytes } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses before authorisation and for other channels', async () => {
    const { w, media } = await setUp();
    const bytes = Buffer.from('x');
    const draft = await shipmentIn(w, 'por_firmar', publicMedia(w, [{ name: 'a.bin', bytes }]));
    await expect(media.loadShipment(w.ws, w.clerk, draft.id, { drivePath: tempDir(), encrypt: false, sources: { 'a.bin': bytes } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('encrypts every payload with age under a passphrase returned once, with the opening-key sheet', async () => {
    const { w, media } = await setUp();
    const bytes = Buffer.from('Contenido confidencial del oficio. '.repeat(5000));
    const s = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'oficio.pdf', bytes }]));
    const drive = tempDir();
    const loaded = await media.loadShipment(w.ws, w.clerk, s.id, { drivePath: drive, encrypt: true, sources: { 'oficio.pdf': bytes }, scryptWorkFactor: 10, filesystem: 'exfat' });
    expect(loaded.passphrase).not.toBeNull();
    expect(normalizePassphrase(loaded.passphrase!)).toBe(loaded.passphrase);
    expect(loaded.openingKeyPdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(loaded.files[0]).toMatchObject({ path: 'data/oficio.pdf.age', plain: { size: bytes.length, sha256: sha256(bytes) } });
    const stored = readFileSync(path.join(loaded.bagPath, 'data', 'oficio.pdf.age'));
    expect(stored.includes(Buffer.from('Contenido confidencial'))).toBe(false);
    const out = path.join(tempDir(), 'oficio.pdf');
    await decryptFile(path.join(loaded.bagPath, 'data', 'oficio.pdf.age'), out, loaded.passphrase!);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect((await media.verifyBagAt(loaded.bagPath)).valid).toBe(true);
    // Never stored: not in the vault folder, not in the audit or custody records.
    const custody = (await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).custody;
    expect(JSON.stringify(custody)).not.toContain(loaded.passphrase);
    expect(JSON.stringify(await w.ws.audit.list({ offset: 0, limit: 1000 }))).not.toContain(loaded.passphrase);
    // Loaded and verified: now it may be sealed, and a sealed envelope is not opened to load it again.
    const sealing = { at: new Date(w.clock.now).toISOString(), from: { name: 'José Pérez' }, to: { name: 'José Pérez' }, place: 'Oficialía', seals: [{ number: 'C4-M-0001', intact: true }] };
    expect((await w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', sealing))).state).toBe('sellado');
    await expect(media.loadShipment(w.ws, w.clerk, s.id, { drivePath: tempDir(), encrypt: false, sources: { 'oficio.pdf': bytes } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('antes de sellarlo') });
  });

  it('refuses to seal a magnetic-media shipment before its medium is loaded and verified', async () => {
    const { w } = await setUp();
    const s = await shipmentIn(w, 'autorizado', publicMedia(w, [{ name: 'a.bin', bytes: Buffer.from('abc') }]));
    const sealing = { at: new Date(w.clock.now).toISOString(), from: { name: 'José Pérez' }, to: { name: 'José Pérez' }, place: 'Oficialía', seals: [] };
    await expect(w.s.shipments.lifecycle.act(w.ws, w.clerk, s.id, 'sellar', parsed.payload('sellar', sealing))).rejects.toMatchObject({ code: 'MEDIA_NOT_LOADED', message: expect.stringContaining('Antes de sellar, cargue el medio') });
    expect((await w.s.shipments.queries.get(w.ws, w.clerk, s.id)).shipment.state).toBe('autorizado');
  });

  it('reports hostile bags instead of following them', async () => {
    const { media } = await setUp();
    const outer = tempDir();
    writeFileSync(path.join(outer, 'secret.txt'), 'fuera');
    const bag = await handMadeBag(path.join(outer, 'bag'), { 'data/a.txt': 'a' }, { manifest: `${sha256('a')}  data/a.txt\n${sha256('fuera')}  ../secret.txt\n` });
    const result = await media.verifyBagAt(bag);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain('UNSAFE_PATH');
    symlinkSync(path.join(outer, 'secret.txt'), path.join(bag, 'data', 'b.txt'));
    expect((await media.verifyBagAt(bag)).errors.map((e) => e.code)).toContain('SYMLINK');
  });

  it('refuses to load reserved or confidential information unencrypted, before reading any source', async () => {
    const { w, media } = await setUp();
    const bytes = Buffer.from('expediente reservado');
    const s = await shipmentIn(w, 'autorizado', { ...mediaContent(w, [{ name: 'a.bin', bytes, sourcePath: null }]), classification: 'reservada' });
    const drive = tempDir();
    await expect(media.loadShipment(w.ws, w.clerk, s.id, { drivePath: drive, encrypt: false, sources: { 'a.bin': bytes } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('información reservada: el medio debe grabarse cifrado'),
    });
    expect(readdirSync(drive)).toEqual([]);
  });
});
