import path from 'node:path';
import { listDrives } from './drives';

/**
 * The file system of the drive a bag goes to, so names and sizes are checked
 * before copying. The caller usually knows it (the drive picker); otherwise
 * it is looked up among the drives. A folder that is not a known drive gets
 * none: writeBag then checks only free space, and an OS refusal still
 * fails the copy cleanly.
 */
export async function resolveFilesystem(drivePath: string, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  try {
    const target = path.resolve(drivePath);
    const drive = (await listDrives()).find((d) => path.resolve(d.mountPath) === target);
    return drive?.filesystem || undefined;
  } catch {
    return undefined;
  }
}

/** The first `<base>`, `<base>-2`, `<base>-3`… that `taken` says is free. */
export async function freeName(base: string, taken: (name: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(name))) return name;
  }
  return `${base}-${Date.now()}`;
}
