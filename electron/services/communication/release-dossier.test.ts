import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/domain/areas';
import { releaseActInputSchema, releaseContentSchema, type ReleaseActInput, type ReleaseContentInput } from '../../../shared/domain/releases';
import { accountInputSchema } from '../../../shared/domain/social-accounts';
import type { User } from '../../../shared/domain/users';
import { verifyBag } from '../media/bagit-verifier';
import { testWorld, type TestWorld } from '../test-support/world';
import { areasDoc, outletsDoc } from '../vault/documents';
import { exportReleaseDossier } from './release-dossier';

let world: TestWorld | null = null;
afterEach(async () => {
  await world?.s.session.close();
  world = null;
});

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const PNG_BYTES = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR cartel del simulacro', 'latin1');
const CAPTURE = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR captura', 'latin1');
const SCAN = { fileName: 'autorizacion-firmada.pdf', mediaType: 'application/pdf' as const, base64: b64('%PDF-1.4\n firmada por la Directora') };
const NO = { answer: 'no' as const };
const CHECKLIST = { datos_personales: { answer: 'si' as const, note: 'Se omitieron los nombres' }, victimas_o_menores: NO, investigaciones_en_curso: NO, informacion_reservada: NO };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Office {
  w: TestWorld;
  cs: User;
  head: User;
  dg: User;
  area: Area;
  accountId: string;
}

async function office(): Promise<Office> {
  const w = (world = await testWorld());
  const mk = async (userName: string, fullName: string, roles: User['roles']) =>
    ({ ...(await w.s.users.create(w.ws, w.admin, { fullName, position: 'Personal', userName, roles, temporaryPassword: 'Temporal-Inicio-77' })), mustChangePassword: false }) as User;
  const cs = await mk('csocial', 'Carla Soto', ['comunicacion_social']);
  const head = await mk('jred', 'Luis Vera', ['capturista']);
  const dg = await mk('dgeneral', 'Dora García', ['director']);
  const area: Area = { id: 'area-red', name: 'Dirección de la Red, Voz, Datos e Imagen', headName: 'Luis Vera', headPosition: 'Director de la Red', headUserId: head.id, active: true, createdAt: '2026-01-01T00:00:00Z' };
  const areas = await areasDoc(w.ws.vault);
  areas.data.areas.push(area);
  await areas.write();
  const outlets = await outletsDoc(w.ws.vault);
  outlets.data.outlets.push({ id: 'radio-1', name: 'Radio Oaxaca', kind: 'radio', contacts: [], active: true, createdAt: '2026-01-01T00:00:00Z' });
  await outlets.write();
  const account = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ network: 'facebook', handle: 'C4Oaxaca', kind: 'oficial', area: 'Comunicación Social', addedOn: '2026-11-01' }));
  return { w, cs, head, dg, area, accountId: account.account.id };
}

const act = (o: Office, user: User, releaseId: string, input: Omit<ReleaseActInput, 'releaseId'>) => o.w.s.releases.act(o.w.ws, user, releaseActInputSchema.parse({ ...input, releaseId }));

/** A network release taken through its whole life by the right people, as the screens would: created, validated, reviewed, printed, signed, published, closed. */
async function publishedRelease(o: Office, over: Partial<ReleaseContentInput> = {}) {
  const { w } = o;
  const material = await w.s.releases.uploadMaterial(w.ws, o.cs, { fileName: 'cartel.png', mediaType: 'image/png', base64: PNG_BYTES.toString('base64') });
  const created = await w.s.releases.create(
    w.ws,
    o.cs,
    releaseContentSchema.parse({
      kind: 'redes_sociales',
      title: 'Simulacro estatal',
      body: 'El C4 participa en el simulacro estatal del 24 de noviembre.',
      materials: [material],
      providingAreaId: o.area.id,
      channels: [{ type: 'cuenta', id: o.accountId }],
      plannedAt: '2026-11-24T16:00:00.000Z',
      ...over,
    }),
  );
  const id = created.release.id;
  await act(o, o.cs, id, { action: 'enviar_a_validacion', payload: {} });
  await act(o, o.head, id, { action: 'validar_area', payload: { observations: 'Datos confirmados' } });
  await act(o, o.w.lawyer, id, { action: 'aprobar_revision', payload: { checklist: CHECKLIST, observations: 'Procede sin nombres de particulares' } });
  await w.s.releases.printSheet(w.ws, o.cs, id);
  await act(o, o.dg, id, { action: 'autorizar', payload: { signerName: 'Dora García', signerPosition: 'Directora General', signedOn: '2026-11-23', scan: SCAN } });
  w.clock.now += 10 * 60_000;
  await act(o, o.cs, id, {
    action: 'publicar',
    payload: { channel: { type: 'cuenta', id: o.accountId }, at: new Date(w.clock.now).toISOString(), url: 'https://facebook.com/C4Oaxaca/posts/1', capture: { fileName: 'captura.png', mediaType: 'image/png', base64: CAPTURE.toString('base64') } },
  });
  await act(o, o.cs, id, { action: 'cerrar', payload: {} });
  return { id, material };
}

function manifest(bag: string, name: string): Map<string, string> {
  return new Map(
    readFileSync(path.join(bag, name), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [digest, ...rest] = line.split(' ');
        return [rest.join(' ').trim(), digest as string];
      }),
  );
}

describe('release dossier', () => {
  it('writes a closed release as a valid bag: text, material, legal review, area validation, sheets, signed scan, publication and its capture, history, README', async () => {
    const o = await office();
    const { id, material } = await publishedRelease(o);
    const drive = mkdtempSync(path.join(os.tmpdir(), 'valija-drive-'));
    const done = await exportReleaseDossier({ releases: o.w.s.releases, clock: () => new Date(o.w.clock.now) }, o.w.ws, o.cs, id, { drivePath: drive, filesystem: 'ext4' });

    expect(done).toMatchObject({ bagName: 'valija-difusion-CS-2026-0001-2026-11-23-1', folio: 'CS-2026-0001', encrypted: false, passphrase: null });
    expect(done.verification.valid).toBe(true);
    expect(readdirSync(drive)).toEqual([done.bagName]);
    const bag = path.join(drive, done.bagName);
    const again = await verifyBag(bag);
    expect(again.valid).toBe(true);
    expect(again.errors).toEqual([]);

    const payload = manifest(bag, 'manifest-sha256.txt');
    expect([...payload.keys()].sort()).toEqual(
      [
        'data/capturas/captura.png',
        'data/difusion.json',
        'data/firma/autorizacion-firmada.pdf',
        'data/historial.csv',
        'data/historial.json',
        'data/hojas.json',
        'data/hojas/autorizacion-difusion-CS-2026-0001-v1.pdf',
        'data/material/cartel.png',
        'data/publicaciones.json',
        'data/revision-juridica.json',
        'data/revision-juridica.txt',
        'data/texto.txt',
        'data/validacion-area.json',
      ].sort(),
    );
    expect(done.files).toBe(payload.size);
    // The material byte for byte, under the SHA-256 it was registered with.
    expect(readFileSync(path.join(bag, 'data/material/cartel.png'))).toEqual(PNG_BYTES);
    expect(payload.get('data/material/cartel.png')).toBe(material.sha256);
    expect(payload.get('data/capturas/captura.png')).toBe(sha256(CAPTURE));
    expect(payload.get('data/firma/autorizacion-firmada.pdf')).toBe(sha256(Buffer.from(SCAN.base64, 'base64')));

    const record = JSON.parse(readFileSync(path.join(bag, 'data/difusion.json'), 'utf8'));
    expect(record).toMatchObject({ folio: 'CS-2026-0001', state: 'cerrada', materials: [{ sha256: material.sha256 }], sheets: [{ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
    const review = readFileSync(path.join(bag, 'data/revision-juridica.txt'), 'utf8');
    expect(review).toMatch(/¿Contiene datos personales\? Sí — Se omitieron los nombres/);
    expect(review).toMatch(/Opinión: Procede sin nombres de particulares/);
    expect(JSON.parse(readFileSync(path.join(bag, 'data/validacion-area.json'), 'utf8'))).toMatchObject({ areaName: 'Dirección de la Red, Voz, Datos e Imagen', observations: 'Datos confirmados' });
    expect(JSON.parse(readFileSync(path.join(bag, 'data/publicaciones.json'), 'utf8'))).toMatchObject([{ url: 'https://facebook.com/C4Oaxaca/posts/1', capture: { fileName: 'captura.png' } }]);
    const history = JSON.parse(readFileSync(path.join(bag, 'data/historial.json'), 'utf8')) as Array<{ label: string }>;
    expect(history.map((h) => h.label)).toContain('Difusión creada');
    expect(history.length).toBeGreaterThanOrEqual(7);
    expect(readFileSync(path.join(bag, 'data/texto.txt'), 'utf8')).toMatch(/Simulacro estatal[\s\S]*El C4 participa en el simulacro/);

    const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^External-Identifier: CS-2026-0001$/m);
    expect(info).toMatch(/^Valija-Folio: CS-2026-0001$/m);
    expect(info).toMatch(/^Valija-Tipo: expediente-difusion$/m);
    const readme = readFileSync(path.join(bag, 'LEEME.txt'), 'utf8');
    expect(readme).toMatch(/EXPEDIENTE DE LA DIFUSIÓN CS-2026-0001/);
    expect(readme).toMatch(/sha256sum -c manifest-sha256.txt/);
    expect(readme).toContain(`${material.sha256}  cartel.png`);
    expect(manifest(bag, 'tagmanifest-sha256.txt').has('LEEME.txt')).toBe(true);

    const audit = await o.w.ws.audit.list({ action: 'release.dossier_exported', offset: 0, limit: 10 });
    expect(audit.entries).toMatchObject([{ details: { folio: 'CS-2026-0001', carpeta: done.bagName, cifrado: false } }]);

    // A second export on the same drive and day takes the next name, never overwriting the first.
    const second = await exportReleaseDossier({ releases: o.w.s.releases, clock: () => new Date(o.w.clock.now) }, o.w.ws, o.cs, id, { drivePath: drive, filesystem: 'ext4' });
    expect(second.bagName).toBe('valija-difusion-CS-2026-0001-2026-11-23-2');
  });

  it('puts in every print of each sheet, byte for byte as the vault kept it', async () => {
    const o = await office();
    const { id } = await publishedRelease(o);
    const kept = (await o.w.s.releases.get(o.w.ws, o.cs, id)).release.sheets.flatMap((sheet) => sheet.kept ?? []);
    expect(kept.length).toBeGreaterThan(0);
    const drive = mkdtempSync(path.join(os.tmpdir(), 'valija-drive-'));
    const done = await exportReleaseDossier({ releases: o.w.s.releases, clock: () => new Date(o.w.clock.now) }, o.w.ws, o.cs, id, { drivePath: drive, filesystem: 'ext4' });
    const bag = path.join(drive, done.bagName);
    for (const print of kept) {
      const bytes = readFileSync(path.join(bag, 'data/hojas', print.fileName));
      expect(Buffer.from((await o.w.s.releases.keptSheet(o.w.ws, o.cs, id, print.id)).base64, 'base64').equals(bytes)).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(print.sha256);
    }
    expect((await verifyBag(bag)).valid).toBe(true);
  });

  it('encrypts a classified release, each file under one passphrase returned once, and the bag still verifies', async () => {
    const o = await office();
    const { id } = await publishedRelease(o, { classification: 'reservada', legalBasis: 'Art. 113 LGTAIP' });
    const drive = mkdtempSync(path.join(os.tmpdir(), 'valija-drive-'));
    const done = await exportReleaseDossier({ releases: o.w.s.releases, clock: () => new Date(o.w.clock.now) }, o.w.ws, o.cs, id, { drivePath: drive, filesystem: 'ext4', scryptWorkFactor: 10 });
    expect(done.encrypted).toBe(true);
    expect(done.passphrase).toMatch(/^[0-9A-Z-]{20,}$/);
    const bag = path.join(drive, done.bagName);
    expect((await verifyBag(bag)).valid).toBe(true);
    const names = [...manifest(bag, 'manifest-sha256.txt').keys()];
    expect(names.length).toBe(done.files);
    expect(names.every((n) => n.endsWith('.age'))).toBe(true);
    const readme = readFileSync(path.join(bag, 'LEEME.txt'), 'utf8');
    expect(readme).toMatch(/age -d/);
    expect(readme).not.toContain('cartel.png');
    const d = new Decrypter();
    d.addPassphrase(done.passphrase as string);
    const plain = await d.decrypt(readFileSync(path.join(bag, 'data/material/cartel.png.age')));
    expect(Buffer.from(plain)).toEqual(PNG_BYTES);
  });

  it('refuses a user the release is not for, before anything is written', async () => {
    const o = await office();
    const { id } = await publishedRelease(o);
    const drive = mkdtempSync(path.join(os.tmpdir(), 'valija-drive-'));
    await expect(exportReleaseDossier({ releases: o.w.s.releases, clock: () => new Date(o.w.clock.now) }, o.w.ws, o.w.clerk, id, { drivePath: drive, filesystem: 'ext4' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(readdirSync(drive)).toEqual([]);
  });
});
