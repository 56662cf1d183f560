import { randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptFile } from './age-payload';
import { verifyBag } from './bagit-verifier';
import { writeBag, type BagContent, type WriteProgress } from './bagit-writer';
import { sha256Hex, useTempDirs } from './test-support';

const tempDir = useTempDirs();

const INFO = {
  sourceOrganization: 'C4 Oaxaca',
  externalIdentifier: 'ENV-2026-0042',
  baggingDate: '2026-03-15',
  fields: [
    { label: 'Contact-Name', value: 'Lic. Ana Pérez' },
    { label: 'Valija-Destinatario', value: 'Fiscalía General del Estado' },
  ],
};

async function sourceFile(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await fsp.writeFile(file, bytes);
  return file;
}

describe('writeBag', () => {
  it('writes a BagIt 1.0 bag that reads back valid, with the tag files the RFC asks for', async () => {
    const src = tempDir();
    const drive = tempDir();
    const big = randomBytes(3 * 1024 * 1024 + 17); // several copy chunks
    const content: BagContent = {
      files: [
        { name: 'oficio.pdf', source: await sourceFile(src, 'oficio.pdf', big) },
        { name: 'anexos/tarjeta informativa.txt', source: Buffer.from('Tarjeta: sin novedad.\n') },
        { name: '100% listo.txt', source: Buffer.from('porcentaje') },
      ],
      bagInfo: INFO,
      tagFiles: [{ name: 'manifiesto.pdf', source: Buffer.from('%PDF-1.7 manifiesto') }],
    };
    const result = await writeBag(path.join(drive, 'ENV-2026-0042'), content);

    const bag = path.join(drive, 'ENV-2026-0042');
    expect(result.path).toBe(bag);
    expect(result.verification.valid).toBe(true);
    expect(result.verification.warnings).toEqual([]);
    expect(existsSync(`${bag}.partial`)).toBe(false);
    expect((await fsp.readdir(bag)).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'manifiesto.pdf', 'tagmanifest-sha256.txt']);

    expect(await fsp.readFile(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = await fsp.readFile(path.join(bag, 'bag-info.txt'), 'utf8');
    const octets = big.length + 'Tarjeta: sin novedad.\n'.length + 'porcentaje'.length;
    expect(info).toBe(
      [
        'Source-Organization: C4 Oaxaca',
        'External-Identifier: ENV-2026-0042',
        'Bagging-Date: 2026-03-15',
        'Bag-Software-Agent: Valija',
        `Payload-Oxum: ${octets}.3`,
        'Contact-Name: Lic. Ana Pérez',
        'Valija-Destinatario: Fiscalía General del Estado',
        '',
      ].join('\n'),
    );
    const manifest = await fsp.readFile(path.join(bag, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain(`${sha256Hex(big)}  data/oficio.pdf\n`);
    expect(manifest).toContain('  data/100%25 listo.txt\n'); // RFC 8493 percent-encoding of %
    const tagManifest = await fsp.readFile(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8');
    for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifiesto.pdf']) expect(tagManifest).toMatch(new RegExp(`^[0-9a-f]{64}  ${name}$`, 'm'));

    expect(result.files).toEqual([
      { path: 'data/oficio.pdf', name: 'oficio.pdf', size: big.length, sha256: sha256Hex(big) },
      expect.objectContaining({ path: 'data/anexos/tarjeta informativa.txt', size: 22 }),
      expect.objectContaining({ path: 'data/100% listo.txt' }),
    ]);
    expect(result.tagFiles).toEqual([expect.objectContaining({ path: 'manifiesto.pdf', sha256: sha256Hex('%PDF-1.7 manifiesto') })]);
    expect(result.payloadOxum).toEqual({ octets, count: 3 });
    // And an independent check of the finished folder agrees.
    expect((await verifyBag(bag)).valid).toBe(true);
  });

  it('reports progress as bytes done of the total, copying then verifying', async () => {
    const drive = tempDir();
    const events: WriteProgress[] = [];
    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    await writeBag(path.join(drive, 'bag'), { files: [{ name: 'a.bin', source: bytes }], bagInfo: INFO }, { onProgress: (p) => events.push(p) });
    const copying = events.filter((e) => e.phase === 'copying');
    expect(copying.every((e) => e.bytesTotal === bytes.length)).toBe(true);
    expect(copying.at(-1)?.bytesDone).toBe(bytes.length);
    for (let i = 1; i < copying.length; i += 1) expect(copying[i]!.bytesDone).toBeGreaterThanOrEqual(copying[i - 1]!.bytesDone);
    const verifying = events.filter((e) => e.phase === 'verifying');
    expect(verifying.at(-1)?.bytesDone).toBe(verifying.at(-1)?.bytesTotal);
    expect(events.findIndex((e) => e.phase === 'verifying')).toBeGreaterThan(events.findLastIndex((e) => e.phase === 'copying'));
  });

  it('cancels through an AbortSignal and leaves nothing on the drive', async () => {
    const drive = tempDir();
    const controller = new AbortController();
    const write = writeBag(
      path.join(drive, 'bag'),
      { files: [{ name: 'a.bin', source: randomBytes(8 * 1024 * 1024) }], bagInfo: INFO },
      { signal: controller.signal, onProgress: (p) => (p.bytesDone > 2 * 1024 * 1024 ? controller.abort() : undefined) },
    );
    await expect(write).rejects.toMatchObject({ name: 'AppError', message: expect.stringMatching(/cancel/) });
    expect(await fsp.readdir(drive)).toEqual([]);
  });

  it('cancels with several files in flight (copied in parallel) and still leaves nothing on the drive', async () => {
    const drive = tempDir();
    const controller = new AbortController();
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `expediente-${i % 8}/archivo-${i}.bin`, source: randomBytes(256 * 1024) }));
    const write = writeBag(path.join(drive, 'bag'), { files, bagInfo: INFO }, {
      signal: controller.signal,
      onProgress: (p) => (p.bytesDone > 3 * 1024 * 1024 ? controller.abort() : undefined),
    });
    await expect(write).rejects.toMatchObject({ name: 'AppError', message: expect.stringMatching(/cancel/) });
    expect(await fsp.readdir(drive)).toEqual([]);
  });

  it('never overwrites an existing folder', async () => {
    const drive = tempDir();
    await fsp.mkdir(path.join(drive, 'bag'));
    await expect(writeBag(path.join(drive, 'bag'), { files: [{ name: 'a', source: Buffer.from('a') }], bagInfo: INFO })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/no se sobrescribirá/),
    });
  });

  it('clears its own leftover .partial folder but refuses to touch one that is not its own', async () => {
    const drive = tempDir();
    const content: BagContent = { files: [{ name: 'a', source: Buffer.from('a') }], bagInfo: INFO };
    await fsp.mkdir(path.join(drive, 'bag.partial'));
    await fsp.writeFile(path.join(drive, 'bag.partial', 'de otra persona.txt'), 'x');
    await expect(writeBag(path.join(drive, 'bag'), content)).rejects.toMatchObject({ message: expect.stringMatching(/no es de Valija/) });

    await fsp.rm(path.join(drive, 'bag.partial'), { recursive: true });
    await fsp.mkdir(path.join(drive, 'bag.partial'));
    await fsp.writeFile(path.join(drive, 'bag.partial', '.valija-incompleto'), '');
    await writeBag(path.join(drive, 'bag'), content);
    expect(await fsp.readdir(drive)).toEqual(['bag']);
  });

  it.each([
    ['a path that climbs out', '../fuera.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'anexos\\a.txt'],
    ['a drive letter', 'C:/a.txt'],
    ['a control character', 'a\nb.txt'],
  ])('refuses a payload name with %s before writing anything', async (_label, name) => {
    const drive = tempDir();
    await expect(writeBag(path.join(drive, 'bag'), { files: [{ name, source: Buffer.from('x') }], bagInfo: INFO })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await fsp.readdir(drive)).toEqual([]);
  });

  it('refuses two names that would be one file on Windows', async () => {
    const drive = tempDir();
    const files = [
      { name: 'Oficio.pdf', source: Buffer.from('1') },
      { name: 'oficio.PDF', source: Buffer.from('2') },
    ];
    await expect(writeBag(path.join(drive, 'bag'), { files, bagInfo: INFO })).rejects.toMatchObject({ message: expect.stringMatching(/mayúsculas/) });
  });

  it('refuses tag files with reserved BagIt names and bag-info fields it computes itself', async () => {
    const drive = tempDir();
    const files = [{ name: 'a', source: Buffer.from('a') }];
    await expect(writeBag(path.join(drive, 'b1'), { files, bagInfo: INFO, tagFiles: [{ name: 'manifest-md5.txt', source: Buffer.from('') }] })).rejects.toMatchObject({
      message: expect.stringMatching(/reservado/),
    });
    await expect(writeBag(path.join(drive, 'b2'), { files, bagInfo: { ...INFO, fields: [{ label: 'Payload-Oxum', value: '1.1' }] } })).rejects.toMatchObject({
      message: expect.stringMatching(/lo llena Valija/),
    });
    await expect(writeBag(path.join(drive, 'b3'), { files, bagInfo: { ...INFO, fields: [{ label: 'Nota', value: 'a\nPayload-Oxum: 9.9' }] } })).rejects.toMatchObject({
      message: expect.stringMatching(/saltos de línea/),
    });
  });

  it('checks names against the target file system before copying', async () => {
    const drive = tempDir();
    const files = [{ name: 'CON.pdf', source: Buffer.from('x') }];
    await expect(writeBag(path.join(drive, 'bag'), { files, bagInfo: INFO }, { filesystem: 'vfat' })).rejects.toMatchObject({ message: expect.stringMatching(/reservado de Windows/) });
    expect(await fsp.readdir(drive)).toEqual([]);
  });

  it('dates the bag in Mexico City time when no date is given', async () => {
    const drive = tempDir();
    const { baggingDate: _omit, ...info } = INFO;
    await writeBag(path.join(drive, 'bag'), { files: [{ name: 'a', source: Buffer.from('a') }], bagInfo: info });
    const text = await fsp.readFile(path.join(drive, 'bag', 'bag-info.txt'), 'utf8');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    expect(text).toContain(`Bagging-Date: ${today}\n`);
  });

  it('encrypts every payload file with age when asked, and records both digests', async () => {
    const src = tempDir();
    const drive = tempDir();
    const plain = randomBytes(200 * 1024);
    const passphrase = 'ABCDE-FGHJK-MNPQR-STUXY-Z2345-6789A';
    const result = await writeBag(
      path.join(drive, 'bag'),
      { files: [{ name: 'video.mp4', source: await sourceFile(src, 'video.mp4', plain) }], bagInfo: INFO },
      { encryptPassphrase: passphrase, scryptWorkFactor: 10 },
    );
    const [file] = result.files;
    expect(file).toMatchObject({ path: 'data/video.mp4.age', name: 'video.mp4', plain: { size: plain.length, sha256: sha256Hex(plain) } });
    const stored = await fsp.readFile(path.join(drive, 'bag', 'data', 'video.mp4.age'));
    expect(stored.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(file?.sha256).toBe(sha256Hex(stored));

    await decryptFile(path.join(drive, 'bag', 'data', 'video.mp4.age'), path.join(src, 'back.mp4'), passphrase);
    expect(sha256Hex(await fsp.readFile(path.join(src, 'back.mp4')))).toBe(sha256Hex(plain));
  });
});
