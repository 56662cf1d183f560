import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bagFolder, bagsOn, knownDrive, StagingArea } from './media-desk';

let drive: string;
const before = process.env.VALIJA_TEST_DRIVES;

beforeEach(() => {
  drive = mkdtempSync(path.join(os.tmpdir(), 'valija-unidad-'));
  process.env.VALIJA_TEST_DRIVES = drive;
});
afterEach(() => {
  if (before === undefined) delete process.env.VALIJA_TEST_DRIVES;
  else process.env.VALIJA_TEST_DRIVES = before;
});

function bag(name: string) {
  mkdirSync(path.join(drive, name, 'data'), { recursive: true });
  writeFileSync(path.join(drive, name, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
}

describe('media desk', () => {
  it('lists only the bags at the top of a listed drive, by kind', async () => {
    bag('C4-DG-0001-2026');
    bag('valija-expediente-2026-11-23-1');
    bag('valija-respaldo-abc-2026-11-23');
    mkdirSync(path.join(drive, 'fotos'));
    expect(await bagsOn(drive)).toEqual([
      { name: 'C4-DG-0001-2026', kind: 'envio' },
      { name: 'valija-expediente-2026-11-23-1', kind: 'expediente' },
      { name: 'valija-respaldo-abc-2026-11-23', kind: 'respaldo' },
    ]);
  });

  it('refuses drives it did not list and bag names that leave the drive or are links', async () => {
    await expect(knownDrive('/etc')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('ya no está conectada') });
    await expect(bagFolder(drive, '../etc')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(bagFolder(drive, '..')).rejects.toMatchObject({ code: 'VALIDATION' });
    symlinkSync('/etc', path.join(drive, 'enlace'));
    await expect(bagFolder(drive, 'enlace')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    bag('C4-DG-0001-2026');
    expect(await bagFolder(drive, 'C4-DG-0001-2026')).toBe(path.join(drive, 'C4-DG-0001-2026'));
  });

  it('stages a re-picked file in order, and only for the shipment and name it came with', async () => {
    const staging = new StagingArea();
    expect(await staging.append('sh-1', 'video ñ.mp4', 0, Buffer.from('abc'))).toBe(3);
    await expect(staging.append('sh-1', 'video ñ.mp4', 10, Buffer.from('x'))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await staging.append('sh-1', 'video ñ.mp4', 3, Buffer.from('def'))).toBe(6);
    const sources = await staging.sources('sh-1', ['video ñ.mp4', 'otro.mp4']);
    expect(Object.keys(sources)).toEqual(['video ñ.mp4']);
    expect(await staging.sources('sh-2', ['video ñ.mp4'])).toEqual({});
    await staging.clear('sh-1', ['video ñ.mp4']);
    expect(await staging.sources('sh-1', ['video ñ.mp4'])).toEqual({});
    await staging.dispose();
  });
});
