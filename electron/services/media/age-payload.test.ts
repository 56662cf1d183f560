import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from './age-payload';
import { generatePassphrase } from './passphrase';
import { sha256Hex, useTempDirs } from './test-support';

const tempDir = useTempDirs();
const AGE = '/usr/bin/age';
const SCRIPT = '/usr/bin/script';

/**
 * Runs Debian's `age -d`. age reads passphrases from the terminal only, never
 * from stdin, so it runs under `script`, which gives it a pseudo-terminal and
 * forwards our stdin to it: we type the passphrase the way a person would.
 */
function ageDecryptWithCli(input: string, output: string, passphrase: string): Promise<{ code: number | null; transcript: string }> {
  return new Promise((resolve, reject) => {
    const command = `${AGE} -d -o '${output}' '${input}'`;
    const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let transcript = '';
    child.stdout.on('data', (d: Buffer) => (transcript += d.toString()));
    child.stderr.on('data', (d: Buffer) => (transcript += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, transcript });
    });
    // Keep stdin open until age exits: closing it early would end the session.
    child.stdin.write(`${passphrase}\n`);
  });
}

describe('age payload encryption', () => {
  it('round-trips a multi-chunk file through the library, streaming', async () => {
    const dir = tempDir();
    const plain = randomBytes(5 * 64 * 1024 + 123); // spans several 64 KiB age chunks
    await fsp.writeFile(path.join(dir, 'in.bin'), plain);
    const passphrase = generatePassphrase();
    const enc = await encryptFile(path.join(dir, 'in.bin'), path.join(dir, 'in.bin.age'), passphrase, { scryptWorkFactor: 10 });
    expect(enc.bytesIn).toBe(plain.length);
    expect(enc.bytesOut).toBeGreaterThan(plain.length);
    const dec = await decryptFile(path.join(dir, 'in.bin.age'), path.join(dir, 'out.bin'), passphrase);
    expect(dec.bytesOut).toBe(plain.length);
    expect(sha256Hex(await fsp.readFile(path.join(dir, 'out.bin')))).toBe(sha256Hex(plain));
  });

  it('says the passphrase is wrong, in Spanish, and leaves no output file', async () => {
    const dir = tempDir();
    await fsp.writeFile(path.join(dir, 'in.txt'), 'secreto');
    await encryptFile(path.join(dir, 'in.txt'), path.join(dir, 'in.age'), generatePassphrase(), { scryptWorkFactor: 10 });
    await expect(decryptFile(path.join(dir, 'in.age'), path.join(dir, 'out.txt'), generatePassphrase())).rejects.toMatchObject({
      message: 'La frase de cifrado no es correcta para este archivo.',
    });
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });

  it('detects a damaged ciphertext and leaves no output file', async () => {
    const dir = tempDir();
    await fsp.writeFile(path.join(dir, 'in.bin'), randomBytes(100_000));
    const passphrase = generatePassphrase();
    await encryptFile(path.join(dir, 'in.bin'), path.join(dir, 'in.age'), passphrase, { scryptWorkFactor: 10 });
    const bytes = await fsp.readFile(path.join(dir, 'in.age'));
    bytes[bytes.length - 100]! ^= 0xff;
    await fsp.writeFile(path.join(dir, 'in.age'), bytes);
    await expect(decryptFile(path.join(dir, 'in.age'), path.join(dir, 'out.bin'), passphrase)).rejects.toMatchObject({ message: expect.stringMatching(/dañado/) });
    expect(existsSync(path.join(dir, 'out.bin'))).toBe(false);
  });

  it('refuses a short passphrase', async () => {
    const dir = tempDir();
    await fsp.writeFile(path.join(dir, 'in.txt'), 'x');
    await expect(encryptFile(path.join(dir, 'in.txt'), path.join(dir, 'in.age'), 'corta')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  // Must-show: what Valija writes, the standard `age` tool reads. CI installs age
  // (apt-get install age); without it this test is skipped and says why.
  const cliMissing = !existsSync(AGE) || !existsSync(SCRIPT);
  it.skipIf(cliMissing)(`is decrypted by Debian's age command${cliMissing ? ' (skipped: /usr/bin/age or /usr/bin/script not installed)' : ''}`, async () => {
    const dir = tempDir();
    const plain = randomBytes(3 * 64 * 1024 + 999);
    await fsp.writeFile(path.join(dir, 'oficio.pdf'), plain);
    const passphrase = generatePassphrase();
    // The default work factor, exactly as exports use it.
    await encryptFile(path.join(dir, 'oficio.pdf'), path.join(dir, 'oficio.pdf.age'), passphrase);

    const out = path.join(dir, 'descifrado.pdf');
    const run = await ageDecryptWithCli(path.join(dir, 'oficio.pdf.age'), out, passphrase);
    expect(run.code, run.transcript).toBe(0);
    expect(sha256Hex(await fsp.readFile(out))).toBe(sha256Hex(plain));

    // And the same tool refuses a wrong passphrase: the check above is not vacuous.
    const wrong = await ageDecryptWithCli(path.join(dir, 'oficio.pdf.age'), path.join(dir, 'mal.pdf'), generatePassphrase());
    expect(wrong.code).not.toBe(0);
    expect(wrong.transcript).toMatch(/incorrect passphrase/);
  });
});
