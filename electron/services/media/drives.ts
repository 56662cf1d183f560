import type { DriveInfo } from '../../../shared/domain/media';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Systeminformation } from 'systeminformation';

/**
 * Removable drives the person can export to. Real drives come from the npm
 * `systeminformation` package (it shells out to lsblk/df, PowerShell or
 * diskutil: no native module to build). For tests and the browser harness, a
 * list of ordinary folders can stand for drives instead (`VALIJA_TEST_DRIVES`
 * or the `testDrives` option); then systeminformation is not even loaded.
 */
/** A drive as the screens see it (shared/domain/media.ts). */
export type Drive = DriveInfo;

/** The two systeminformation calls we use; injectable so tests need no USB stick. */
export interface DriveSource {
  blockDevices(): Promise<Systeminformation.BlockDevicesData[]>;
  fsSize(): Promise<Systeminformation.FsSizeData[]>;
}

export interface ListDrivesOptions {
  /** folders that stand for drives; overrides VALIJA_TEST_DRIVES */
  testDrives?: readonly string[];
  source?: DriveSource;
  env?: NodeJS.ProcessEnv;
}

export const TEST_DRIVES_ENV = 'VALIJA_TEST_DRIVES';
/** Optional file in a test-drive folder naming the file system it pretends to have. */
export const TEST_DRIVE_FS_FILE = '.valija-fs';
const DEFAULT_TEST_FS = 'ext4';

export async function listDrives(options: ListDrivesOptions = {}): Promise<Drive[]> {
  const configured = options.testDrives ?? splitTestDrives((options.env ?? process.env)[TEST_DRIVES_ENV]);
  if (configured.length > 0) return listTestDrives(configured);
  const source = options.source ?? (await systemDriveSource());
  const [devices, sizes] = await Promise.all([source.blockDevices(), source.fsSize()]);
  return mapSystemDrives(devices, sizes);
}

export function splitTestDrives(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(path.delimiter)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

async function systemDriveSource(): Promise<DriveSource> {
  const { default: si } = await import('systeminformation');
  return { blockDevices: () => si.blockDevices(), fsSize: () => si.fsSize() };
}

/**
 * A device is offered when the OS says it is removable or it hangs off USB
 * (USB hard disks often report removable = false), and it is mounted: we
 * write through the file system, never to a raw device. Free space comes
 * from fsSize, matched by mount point.
 */
export function mapSystemDrives(devices: readonly Systeminformation.BlockDevicesData[], sizes: readonly Systeminformation.FsSizeData[]): Drive[] {
  const byMount = new Map(sizes.map((s) => [s.mount, s]));
  const drives: Drive[] = [];
  for (const device of devices) {
    const removable = device.removable || device.protocol.toLowerCase() === 'usb';
    if (!removable || device.mount === '' || isSystemMount(device.mount)) continue;
    const size = byMount.get(device.mount);
    drives.push({
      id: device.device || device.identifier || device.name,
      label: device.label || device.model || device.name,
      mountPath: device.mount,
      sizeBytes: size?.size ?? device.size,
      freeBytes: size?.available ?? 0,
      filesystem: device.fsType || size?.type || '',
      removable: true,
    });
  }
  return drives.sort((a, b) => a.mountPath.localeCompare(b.mountPath));
}

/** Never offer the disk the system runs from, even if firmware calls it removable. */
function isSystemMount(mount: string): boolean {
  return ['/', '/boot', '/boot/efi', '/usr', '/var', '/home'].includes(mount) || /^C:\\?$/i.test(mount);
}

/** Folders that stand for drives; a folder that does not exist is a drive that is not plugged in. */
async function listTestDrives(folders: readonly string[]): Promise<Drive[]> {
  const drives: Drive[] = [];
  for (const folder of folders) {
    const mountPath = path.resolve(folder);
    const stat = await fsp.stat(mountPath).catch(() => null);
    if (!stat?.isDirectory()) continue;
    const fs = await fsp.statfs(mountPath);
    drives.push({
      id: `test:${mountPath}`,
      label: path.basename(mountPath),
      mountPath,
      sizeBytes: fs.blocks * fs.bsize,
      freeBytes: fs.bavail * fs.bsize,
      filesystem: await testFilesystem(mountPath),
      removable: true,
    });
  }
  return drives;
}

async function testFilesystem(mountPath: string): Promise<string> {
  try {
    const declared = (await fsp.readFile(path.join(mountPath, TEST_DRIVE_FS_FILE), 'utf8')).split(/\r?\n/)[0]?.trim();
    return declared || DEFAULT_TEST_FS;
  } catch {
    return DEFAULT_TEST_FS;
  }
}
