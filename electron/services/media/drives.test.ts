import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { listDrives, mapSystemDrives, splitTestDrives, type DriveSource } from './drives';
import { useTempDirs } from './test-support';

const tempDir = useTempDirs();

function device(overrides: Partial<Systeminformation.BlockDevicesData>): Systeminformation.BlockDevicesData {
  return {
    name: 'sdb1',
    identifier: '',
    type: 'part',
    fsType: 'vfat',
    mount: '/media/oficina/USB',
    size: 16_000_000_000,
    physical: '',
    uuid: 'ABCD-1234',
    label: 'ENVIOS',
    model: 'Cruzer',
    serial: '',
    removable: true,
    protocol: 'usb',
    device: '/dev/sdb1',
    ...overrides,
  };
}

function fsSize(overrides: Partial<Systeminformation.FsSizeData>): Systeminformation.FsSizeData {
  return { fs: '/dev/sdb1', type: 'vfat', size: 15_900_000_000, used: 900_000_000, available: 15_000_000_000, use: 5.7, mount: '/media/oficina/USB', rw: true, ...overrides };
}

describe('drives from systeminformation', () => {
  it('lists mounted removable or USB devices with free space from fsSize', () => {
    const drives = mapSystemDrives(
      [
        device({}),
        device({ name: 'sdc1', device: '/dev/sdc1', label: '', model: 'Disco USB', removable: false, protocol: 'usb', fsType: 'exfat', mount: '/media/oficina/DISCO' }),
        device({ name: 'sda1', device: '/dev/sda1', removable: false, protocol: 'sata', mount: '/' }),
        device({ name: 'sdd1', device: '/dev/sdd1', mount: '' }), // inserted but not mounted
        device({ name: 'sde', device: '/dev/sde', removable: true, mount: '/' }), // firmware says removable, but it is the system disk
      ],
      [fsSize({}), fsSize({ fs: '/dev/sdc1', type: 'exfat', size: 1e12, available: 4e11, mount: '/media/oficina/DISCO' })],
    );
    expect(drives).toEqual([
      { id: '/dev/sdc1', label: 'Disco USB', mountPath: '/media/oficina/DISCO', sizeBytes: 1e12, freeBytes: 4e11, filesystem: 'exfat', removable: true },
      { id: '/dev/sdb1', label: 'ENVIOS', mountPath: '/media/oficina/USB', sizeBytes: 15_900_000_000, freeBytes: 15_000_000_000, filesystem: 'vfat', removable: true },
    ]);
  });

  it('maps a Windows drive letter (no device path) and ignores C:', () => {
    const drives = mapSystemDrives(
      [device({ name: 'E:', identifier: 'E:', device: '', mount: 'E:', fsType: 'NTFS' }), device({ name: 'C:', identifier: 'C:', device: '', mount: 'C:' })],
      [fsSize({ mount: 'E:', type: 'NTFS', available: 123 })],
    );
    expect(drives).toEqual([expect.objectContaining({ id: 'E:', mountPath: 'E:', filesystem: 'NTFS', freeBytes: 123 })]);
  });

  it('uses an injected source', async () => {
    const source: DriveSource = { blockDevices: async () => [device({})], fsSize: async () => [fsSize({})] };
    expect(await listDrives({ source, env: {} })).toHaveLength(1);
  });
});

describe('test drives', () => {
  it('lists each folder as a drive, with its file system from .valija-fs, and never asks systeminformation', async () => {
    const a = path.join(tempDir(), 'USB-FAT');
    const b = path.join(tempDir(), 'USB-LINUX');
    const unplugged = path.join(tempDir(), 'NO-CONECTADA');
    await fsp.mkdir(a);
    await fsp.mkdir(b);
    await fsp.writeFile(path.join(a, '.valija-fs'), 'vfat\n');
    const source: DriveSource = {
      blockDevices: async () => {
        throw new Error('systeminformation must not be called');
      },
      fsSize: async () => {
        throw new Error('systeminformation must not be called');
      },
    };
    const drives = await listDrives({ env: { VALIJA_TEST_DRIVES: [a, b, unplugged].join(path.delimiter) }, source });
    expect(drives.map((d) => [d.label, d.filesystem, d.mountPath, d.removable])).toEqual([
      ['USB-FAT', 'vfat', a, true],
      ['USB-LINUX', 'ext4', b, true],
    ]);
    for (const d of drives) {
      expect(d.freeBytes).toBeGreaterThan(0);
      expect(d.sizeBytes).toBeGreaterThanOrEqual(d.freeBytes);
      expect(d.id).toBe(`test:${d.mountPath}`);
    }
  });

  it('takes the option over the environment variable', async () => {
    const a = tempDir();
    const drives = await listDrives({ testDrives: [a], env: { VALIJA_TEST_DRIVES: '/no/existe' } });
    expect(drives.map((d) => d.mountPath)).toEqual([a]);
  });

  it('splits the variable with the platform path delimiter', () => {
    expect(splitTestDrives(['/a', ' /b ', ''].join(path.delimiter))).toEqual(['/a', '/b']);
    expect(splitTestDrives(undefined)).toEqual([]);
  });
});
