import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Sums, tarArchive, type TarEntry } from './tar-archive';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('tarArchive', () => {
  it('is read back by the system tar byte for byte: short, long, accented names, empty and block-sized files', () => {
    const long = `expediente/${'C4-DG-0001-2026-'.repeat(8)}/anexos/${'informe-'.repeat(16)}.pdf`;
    const entries: TarEntry[] = [
      { name: 'expediente/indice.csv', bytes: Buffer.from('Folio;Asunto\r\n', 'utf8') },
      { name: 'expediente/C4-DG-0001-2026/anexos/Oficio de petición ñandú.pdf', bytes: Buffer.from('%PDF-1.7 ñ') },
      { name: long, bytes: Buffer.alloc(512, 7) },
      { name: 'expediente/vacío.txt', bytes: Buffer.alloc(0) },
      { name: 'expediente/grande.bin', bytes: Buffer.alloc(70_000, 3) },
    ];
    expect(long.length).toBeGreaterThan(255);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-tar-'));
    dirs.push(dir);
    const archive = tarArchive(entries, new Date('2026-11-23T20:05:00Z'));
    expect(archive.length % 512).toBe(0);
    writeFileSync(path.join(dir, 'x.tar'), archive);
    const listed = execFileSync('tar', ['-tf', 'x.tar'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(entries.map((e) => e.name));
    execFileSync('tar', ['-xf', 'x.tar'], { cwd: dir });
    for (const e of entries) expect(readFileSync(path.join(dir, ...e.name.split('/')))).toEqual(e.bytes);
    writeFileSync(path.join(dir, 'expediente', 'SHA256SUMS'), sha256Sums(entries, 'expediente/'));
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: path.join(dir, 'expediente'), encoding: 'utf8' })).toContain('indice.csv: OK');
  });

  it('refuses a name that would leave the folder it is extracted into', () => {
    for (const name of ['/etc/passwd', 'expediente/../../x', '']) expect(() => tarArchive([{ name, bytes: Buffer.alloc(1) }], new Date())).toThrow(/unsafe/);
  });
});
