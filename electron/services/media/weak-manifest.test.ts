import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBag } from './bagit-verifier';
import { useTempDirs } from './test-support';

const tempDir = useTempDirs();
const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

/** An incoming bag whose manifests are the ones named, each correct. */
async function incoming(algorithms: readonly string[]): Promise<string> {
  const dir = path.join(tempDir(), 'entrante');
  const content = 'Oficio de respuesta del CNI\n';
  await fsp.mkdir(path.join(dir, 'data'), { recursive: true });
  await fsp.writeFile(path.join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  await fsp.writeFile(path.join(dir, 'data', 'oficio.txt'), content);
  for (const a of algorithms) await fsp.writeFile(path.join(dir, `manifest-${a}.txt`), `${digest(a, content)}  data/oficio.txt\n`);
  return dir;
}

describe('incoming bags vouched for only by MD5 or SHA-1', () => {
  it('are valid (the files match) but warned about in Spanish: a swap on purpose would not show', async () => {
    for (const algorithms of [['md5'], ['sha1'], ['md5', 'sha1']]) {
      const report = await verifyBag(await incoming(algorithms));
      expect(report.valid).toBe(true);
      const weak = report.warnings.filter((w) => w.code === 'WEAK_ALGORITHM');
      expect(weak).toHaveLength(1);
      expect(weak[0]?.message).toContain('ya no impiden que alguien los sustituya a propósito');
    }
  });

  it('a SHA-256 or SHA-512 manifest beside them silences the warning', async () => {
    for (const algorithms of [['sha256'], ['md5', 'sha256'], ['sha1', 'sha512']]) {
      const report = await verifyBag(await incoming(algorithms));
      expect(report.valid).toBe(true);
      expect(report.warnings.filter((w) => w.code === 'WEAK_ALGORITHM')).toEqual([]);
    }
  });
});
