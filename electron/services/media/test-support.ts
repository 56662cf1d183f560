import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => fsp.rm(d, { recursive: true, force: true })));
  });
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-media-'));
    made.push(dir);
    return dir;
  };
}

export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Builds a bag by hand, byte for byte, so a test can make it as broken as it
 * likes: `files` are written under the bag folder, `manifest` is the text of
 * manifest-sha256.txt (default: correct lines for every data/ file).
 */
export async function handMadeBag(
  dir: string,
  files: Record<string, string>,
  options: { manifest?: string; version?: string } = {},
): Promise<string> {
  await fsp.mkdir(path.join(dir, 'data'), { recursive: true });
  await fsp.writeFile(path.join(dir, 'bagit.txt'), `BagIt-Version: ${options.version ?? '1.0'}\nTag-File-Character-Encoding: UTF-8\n`);
  for (const [name, content] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fsp.writeFile(path.join(dir, name), content);
  }
  const manifest =
    options.manifest ??
    Object.entries(files)
      .filter(([name]) => name.startsWith('data/'))
      .map(([name, content]) => `${sha256Hex(content)}  ${name}\n`)
      .join('');
  await fsp.writeFile(path.join(dir, 'manifest-sha256.txt'), manifest);
  return dir;
}
