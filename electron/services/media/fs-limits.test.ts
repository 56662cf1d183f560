import { describe, expect, it } from 'vitest';
import { checkFilesystemLimits, checkFreeSpace, estimateBagBytes, FAT32_MAX_FILE_BYTES, filesystemFamily, formatBytes } from './fs-limits';

const codesFor = (fs: string, path: string, size = 1): string[] => checkFilesystemLimits(fs, [{ path, size }]).map((p) => p.code);

describe('file-system limits', () => {
  it('knows the families by the names operating systems report', () => {
    expect(filesystemFamily('vfat')).toBe('fat32');
    expect(filesystemFamily('FAT32')).toBe('fat32');
    expect(filesystemFamily('exfat')).toBe('exfat');
    expect(filesystemFamily('ntfs3')).toBe('ntfs');
    expect(filesystemFamily('ext4')).toBe('posix');
    expect(filesystemFamily('fuseblk')).toBe('unknown');
  });

  it('refuses a file of 4 GiB on FAT32 but not one byte less, nor on exFAT or NTFS', () => {
    expect(codesFor('vfat', 'ENV/data/video.mp4', FAT32_MAX_FILE_BYTES)).toEqual([]);
    const problems = checkFilesystemLimits('vfat', [{ path: 'ENV/data/video.mp4', size: FAT32_MAX_FILE_BYTES + 1 }]);
    expect(problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
    expect(problems[0]?.message).toBe(
      '«ENV/data/video.mp4» mide 4 GB; una unidad FAT32 no admite archivos de 4 GB o más. Use una unidad exFAT o NTFS.',
    );
    expect(codesFor('exfat', 'ENV/data/video.mp4', 10 * 1024 ** 3)).toEqual([]);
    expect(codesFor('ntfs', 'ENV/data/video.mp4', 10 * 1024 ** 3)).toEqual([]);
  });

  it.each(['<', '>', ':', '"', '\\', '|', '?', '*', '\u0001', '\u001f'])('refuses %j in a name on FAT, exFAT and NTFS, not on ext4', (c) => {
    for (const fs of ['vfat', 'exfat', 'ntfs']) expect(codesFor(fs, `ENV/data/a${c}b.txt`)).toContain('FORBIDDEN_CHARACTER');
    expect(codesFor('ext4', `ENV/data/a${c}b.txt`)).toEqual([]);
  });

  it.each(['CON', 'prn.txt', 'AUX.tar.gz', 'nul', 'COM1.pdf', 'LPT9', 'com¹.txt'])('refuses the reserved Windows name %s', (name) => {
    const problems = checkFilesystemLimits('ntfs', [{ path: `ENV/data/${name}`, size: 1 }]);
    expect(problems.map((p) => p.code)).toEqual(['RESERVED_NAME']);
    expect(problems[0]?.message).toMatch(/nombre reservado de Windows/);
  });

  it('does not mistake names that merely start like a reserved one', () => {
    expect(codesFor('vfat', 'ENV/data/CONTRATO.pdf')).toEqual([]);
    expect(codesFor('vfat', 'ENV/data/COM10.txt')).toEqual([]);
  });

  it('refuses trailing dots and spaces, in files and folders', () => {
    expect(codesFor('vfat', 'ENV/data/acta.')).toEqual(['TRAILING_DOT_OR_SPACE']);
    expect(codesFor('exfat', 'ENV/data/anexos /a.txt')).toEqual(['TRAILING_DOT_OR_SPACE']);
  });

  it('refuses names over 255 characters and Windows paths over 256', () => {
    expect(codesFor('ntfs', `ENV/data/${'a'.repeat(256)}`)).toContain('NAME_TOO_LONG');
    expect(codesFor('ext4', `ENV/data/${'ñ'.repeat(128)}`)).toEqual(['NAME_TOO_LONG']); // 256 UTF-8 bytes
    expect(codesFor('ntfs', `ENV/data/${'a/'.repeat(125)}x.txt`)).toEqual(['PATH_TOO_LONG']);
    expect(codesFor('ext4', `ENV/data/${'a/'.repeat(125)}x.txt`)).toEqual([]);
  });

  it('refuses two names that only differ in case where the file system ignores case', () => {
    const files = [
      { path: 'ENV/data/Oficio.pdf', size: 1 },
      { path: 'ENV/data/OFICIO.pdf', size: 1 },
    ];
    expect(checkFilesystemLimits('vfat', files).map((p) => p.code)).toEqual(['CASE_COLLISION']);
    expect(checkFilesystemLimits('ext4', files)).toEqual([]);
  });

  it('reports each folder once, not once per file in it', () => {
    const files = ['a', 'b', 'c'].map((n) => ({ path: `ENV/data/CON/${n}.txt`, size: 1 }));
    expect(checkFilesystemLimits('vfat', files).map((p) => p.code)).toEqual(['RESERVED_NAME']);
  });
});

describe('free space', () => {
  it('says how much is needed and how much there is, in es-MX numbers', () => {
    const problem = checkFreeSpace(1.5 * 1024 ** 3, 800.25 * 1024 ** 2, 0);
    expect(problem?.code).toBe('NOT_ENOUGH_SPACE');
    expect(problem?.message).toBe('No hay espacio suficiente en la unidad: se necesitan 1.5 GB y sólo hay 800.3 MB libres. Libere espacio o use otra unidad.');
    expect(checkFreeSpace(100, 2 * 1024 * 1024)).toBeNull();
  });

  it('keeps a margin for the tag files', () => {
    expect(checkFreeSpace(1000, 1000 + 1024 * 1024)).toBeNull();
    expect(checkFreeSpace(1000, 1000)).not.toBeNull();
  });

  it('formats sizes with es-MX separators', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1234.5 * 1024 ** 3)).toBe('1,234.5 GB');
  });

  it('estimates whole clusters per file', () => {
    expect(estimateBagBytes([{ path: 'a', size: 1 }], 'exfat')).toBe(128 * 1024 + 68);
    expect(estimateBagBytes([{ path: 'a', size: 40 * 1024 }], 'vfat')).toBe(64 * 1024 + 68);
  });
});
