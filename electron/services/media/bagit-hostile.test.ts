import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBag, type BagVerification } from './bagit-verifier';
import { MAX_TAG_FILE_BYTES, MAX_TAG_FILE_LINES } from './tag-text';
import { handMadeBag, sha256Hex, useTempDirs } from './test-support';

/**
 * Bags made to hurt: every one must be rejected with a Spanish message, and
 * nothing outside the bag folder may be read. Each bag sits in its own folder
 * next to a `secret.txt` that a successful escape would reach.
 */
const tempDir = useTempDirs();
const SECRET = 'contenido fuera del paquete';

async function bagBesideSecret(files: Record<string, string>, options: { manifest?: string; version?: string } = {}): Promise<string> {
  const outer = tempDir();
  await fsp.writeFile(path.join(outer, 'secret.txt'), SECRET);
  return handMadeBag(path.join(outer, 'bag'), files, options);
}

function codes(result: BagVerification): string[] {
  return result.errors.map((e) => e.code);
}

function expectRejected(result: BagVerification, code: string): void {
  expect(result.valid).toBe(false);
  expect(codes(result)).toContain(code);
  for (const e of result.errors) expect(e.message).toMatch(/[áéíóúñ«]|no |es /);
  // A manifest may *name* the secret, but it is never read: at most reported missing.
  for (const f of result.files.filter((f) => f.path.includes('secret'))) expect(f).toEqual({ path: f.path, kind: f.kind, status: 'missing' });
}

describe('hostile manifests', () => {
  it.each([
    ['a path that climbs out with ../', '../secret.txt'],
    ['a path that climbs out from inside data/', 'data/../../secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows drive letter', 'C:/Windows/win.ini'],
    ['a drive-relative Windows path', 'c:secret.txt'],
    ['backslashes', 'data\\..\\..\\secret.txt'],
    ['a UNC path', '\\\\server\\share\\secret.txt'],
    ['a home-folder shortcut', '~/secret.txt'],
  ])('rejects %s', async (_label, hostilePath) => {
    const bag = await bagBesideSecret(
      { 'data/a.txt': 'a' },
      { manifest: `${sha256Hex('a')}  data/a.txt\n${sha256Hex(SECRET)}  ${hostilePath}\n` },
    );
    const result = await verifyBag(bag);
    expect(result.valid).toBe(false);
    expect(codes(result).some((c) => c === 'UNSAFE_PATH' || c === 'OUTSIDE_PAYLOAD')).toBe(true);
    expect(result.files.map((f) => f.path)).toEqual(['data/a.txt']);
  });

  it('does not decode %2E%2E: it names a literal (missing) file inside data/', async () => {
    // %2E%2E is not decoded by BagIt 1.0 (only %0A %0D %25), so it names a literal, missing file.
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest: `${sha256Hex('a')}  data/a.txt\n${sha256Hex(SECRET)}  data/%2E%2E/%2E%2E/secret.txt\n` });
    expectRejected(await verifyBag(bag), 'FILE_MISSING');
  });

  it('rejects a tag manifest that points outside the bag', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.writeFile(path.join(bag, 'tagmanifest-sha256.txt'), `${sha256Hex(SECRET)}  ../secret.txt\n`);
    expectRejected(await verifyBag(bag), 'UNSAFE_PATH');
  });

  it('rejects fetch.txt entries that would write outside data/', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a', 'fetch.txt': 'http://example.org/x 5 ../secret.txt\n' });
    expectRejected(await verifyBag(bag), 'UNSAFE_PATH');
  });

  it('reports fetch.txt entries that are not present as not supported', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a', 'fetch.txt': 'http://example.org/b 1 data/b.txt\n' }, { manifest: `${sha256Hex('a')}  data/a.txt\n${sha256Hex('b')}  data/b.txt\n` });
    const result = await verifyBag(bag);
    expectRejected(result, 'FETCH_UNSUPPORTED');
    expect(result.errors.find((e) => e.code === 'FETCH_UNSUPPORTED')?.message).toMatch(/no descarga/);
  });

  it.each([
    ['no checksum', 'data/a.txt\n'],
    ['a checksum of the wrong length', 'abc123  data/a.txt\n'],
    ['a checksum that is not hex', `${'z'.repeat(64)}  data/a.txt\n`],
    ['a checksum with no path', `${sha256Hex('a')}\n`],
  ])('rejects a malformed line: %s', async (_label, manifest) => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest });
    expectRejected(await verifyBag(bag), 'MANIFEST_MALFORMED');
  });

  it('rejects the same path listed twice (BagIt 1.0), even with the same checksum', async () => {
    const line = `${sha256Hex('a')}  data/a.txt\n`;
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest: line + line });
    expectRejected(await verifyBag(bag), 'DUPLICATE_ENTRY');
  });

  it('rejects names that differ only in case (BagIt 1.0)', async () => {
    const bag = await bagBesideSecret({ 'data/Oficio.pdf': 'x', 'data/oficio.pdf': 'y' });
    expectRejected(await verifyBag(bag), 'AMBIGUOUS_NAME');
  });

  it('rejects names that differ only in Unicode normalisation (BagIt 1.0)', async () => {
    const nfc = 'data/Núñez.txt'.normalize('NFC');
    const nfd = 'data/Núñez.txt'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const bag = await bagBesideSecret({ [nfc]: 'uno', [nfd]: 'dos' });
    expectRejected(await verifyBag(bag), 'AMBIGUOUS_NAME');
  });

  it('rejects a manifest larger than the limit before reading it', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.truncate(path.join(bag, 'manifest-sha256.txt'), MAX_TAG_FILE_BYTES + 1); // sparse: costs no disk
    const result = await verifyBag(bag);
    expectRejected(result, 'MANIFEST_TOO_LARGE');
    expect(result.errors[0]?.message).toMatch(/máximo/);
  });

  it('rejects a manifest with more lines than the limit', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest: '\n'.repeat(MAX_TAG_FILE_LINES + 1) });
    expectRejected(await verifyBag(bag), 'MANIFEST_TOO_LARGE');
  });

  it('rejects a manifest that is not valid UTF-8', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.writeFile(path.join(bag, 'manifest-sha256.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]));
    expectRejected(await verifyBag(bag), 'ENCODING');
  });
});

describe('hostile folders', () => {
  it('rejects a symbolic link in data/ and never follows it', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest: `${sha256Hex('a')}  data/a.txt\n${sha256Hex(SECRET)}  data/link.txt\n` });
    await fsp.symlink(path.join(bag, '..', 'secret.txt'), path.join(bag, 'data', 'link.txt'));
    const result = await verifyBag(bag);
    expectRejected(result, 'SYMLINK');
    expect(result.files.find((f) => f.path === 'data/link.txt')?.status).toBe('missing');
  });

  it('rejects a symbolic link to a folder outside the bag', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' }, { manifest: `${sha256Hex('a')}  data/a.txt\n${sha256Hex(SECRET)}  data/out/secret.txt\n` });
    await fsp.symlink(path.join(bag, '..'), path.join(bag, 'data', 'out'));
    const result = await verifyBag(bag);
    expectRejected(result, 'SYMLINK');
    expect(result.files.find((f) => f.path === 'data/out/secret.txt')?.status).toBe('missing');
  });

  it('rejects a tag file that is a symbolic link (bag-info.txt → outside)', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.symlink(path.join(bag, '..', 'secret.txt'), path.join(bag, 'bag-info.txt'));
    await fsp.writeFile(path.join(bag, 'tagmanifest-sha256.txt'), `${sha256Hex(SECRET)}  bag-info.txt\n`);
    const result = await verifyBag(bag);
    expectRejected(result, 'SYMLINK');
    expect(result.bagInfo).toEqual([]);
  });

  it('rejects bagit.txt as a symbolic link', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.rm(path.join(bag, 'bagit.txt'));
    await fsp.symlink(path.join(bag, '..', 'secret.txt'), path.join(bag, 'bagit.txt'));
    const result = await verifyBag(bag);
    expectRejected(result, 'SYMLINK');
    expect(codes(result)).toContain('DECLARATION');
  });

  it('rejects a named pipe in data/ without blocking on it', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    try {
      execFileSync('mkfifo', [path.join(bag, 'data', 'pipe')]);
    } catch {
      return; // no mkfifo on this system (Windows): nothing to test
    }
    expectRejected(await verifyBag(bag), 'NOT_REGULAR_FILE');
  });

  it('rejects a file in data/ that no manifest lists', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.writeFile(path.join(bag, 'data', 'extra.exe'), 'MZ');
    const result = await verifyBag(bag);
    expectRejected(result, 'FILE_UNEXPECTED');
    expect(result.files.find((f) => f.path === 'data/extra.exe')?.status).toBe('unexpected');
  });

  it('reports an altered file with both digests', async () => {
    const bag = await bagBesideSecret({ 'data/a.txt': 'a' });
    await fsp.writeFile(path.join(bag, 'data', 'a.txt'), 'b');
    const result = await verifyBag(bag);
    expectRejected(result, 'FILE_ALTERED');
    expect(result.files[0]).toMatchObject({ path: 'data/a.txt', status: 'altered', algorithm: 'sha256', expected: sha256Hex('a'), actual: sha256Hex('b') });
  });

  it('throws NOT_FOUND for a folder that does not exist', async () => {
    await expect(verifyBag(path.join(tempDir(), 'nada'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
