import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { fsyncDir, isErrno } from './durable-file';

/** mkdir -p whose new entries survive a crash: each created folder's parent is fsynced. */
export async function mkdirDurable(dir: string): Promise<void> {
  try {
    await fsp.mkdir(dir);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return;
    if (!isErrno(error, 'ENOENT')) throw error;
    await mkdirDurable(path.dirname(dir));
    try {
      await fsp.mkdir(dir);
    } catch (again) {
      if (!isErrno(again, 'EEXIST')) throw again;
      return;
    }
  }
  await fsyncDir(path.dirname(dir));
}
