import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { vaultMessages } from './messages';

/**
 * Blob layout (all integers big-endian):
 *   0  magic "VLJ1"          4
 *   4  format version        1
 *   5  flags (0)             1
 *   6  reserved (0)          2
 *   8  ciphertext length     4
 *  12  ~length (check)       4   lets a flipped length byte read as damage, not as a torn write
 *  16  nonce                12
 *  28  GCM tag              16
 *  44  ciphertext
 * The first 16 header bytes plus the logical name are the AAD, so the header
 * cannot be edited and a blob copied over another file's name fails to open.
 */
export const MAGIC = Buffer.from('VLJ1', 'ascii');
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 44;
const AAD_HEADER_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * `plaintext` may come in parts (a checkpoint's columns): they are encrypted
 * straight into the output, so the whole plaintext is never copied into one
 * buffer first. The bytes are the same as for the parts joined.
 */
export function encrypt(key: Buffer, name: string, plaintext: Buffer | readonly Buffer[]): Buffer {
  const parts = Buffer.isBuffer(plaintext) ? [plaintext] : plaintext;
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const out = Buffer.allocUnsafe(HEADER_BYTES + length);
  MAGIC.copy(out, 0);
  out.writeUInt8(FORMAT_VERSION, 4);
  out.writeUInt8(0, 5);
  out.writeUInt16BE(0, 6);
  out.writeUInt32BE(length, 8);
  out.writeUInt32BE(~length >>> 0, 12);
  const nonce = randomBytes(12);
  nonce.copy(out, 16);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad(out.subarray(0, AAD_HEADER_BYTES), name));
  let at = HEADER_BYTES;
  for (const part of parts) at += cipher.update(part).copy(out, at);
  cipher.final().copy(out, at);
  cipher.getAuthTag().copy(out, 28);
  return out;
}

/** What a header says about the bytes at `offset`, without decrypting. */
export type HeaderCheck =
  | { kind: 'ok'; total: number }
  /** fewer bytes than the header or than the length it declares */
  | { kind: 'short'; available: number; needed: number }
  | { kind: 'bad-magic' }
  | { kind: 'bad-length' }
  | { kind: 'newer'; version: number };

/** `available`: how many bytes the blob has from `offset` (by default, what `buf` holds; a file's size when `buf` is only its header). */
export function checkHeader(buf: Buffer, offset = 0, available = buf.length - offset): HeaderCheck {
  const magicBytes = Math.min(available, buf.length - offset, 4);
  if (buf.compare(MAGIC, 0, magicBytes, offset, offset + magicBytes) !== 0) return { kind: 'bad-magic' };
  if (available < HEADER_BYTES) return { kind: 'short', available, needed: HEADER_BYTES };
  const version = buf.readUInt8(offset + 4);
  if (version > FORMAT_VERSION) return { kind: 'newer', version };
  if (version < 1) return { kind: 'bad-magic' };
  const length = buf.readUInt32BE(offset + 8);
  if ((~length >>> 0) !== buf.readUInt32BE(offset + 12)) return { kind: 'bad-length' };
  const total = HEADER_BYTES + length;
  if (available < total) return { kind: 'short', available, needed: total };
  return { kind: 'ok', total };
}

/**
 * Decrypts one whole blob. `file` is only for messages (the path the person
 * can look for); `name` is the logical name bound into the AAD.
 */
export function decrypt(key: Buffer, name: string, blob: Buffer, file: string = name): Buffer {
  const header = checkHeader(blob);
  if (header.kind !== 'ok') throw headerProblem(header, file);
  if (blob.length > header.total) throw new AppError('VAULT_CORRUPT', vaultMessages.trailing(file));
  return open(key, name, blob, 0, header.total, file);
}

function headerProblem(header: Exclude<HeaderCheck, { kind: 'ok' }>, file: string): AppError {
  switch (header.kind) {
    case 'short':
      return new AppError('VAULT_TRUNCATED', vaultMessages.truncated(file));
    case 'bad-magic':
      return new AppError('VAULT_CORRUPT', vaultMessages.badMagic(file));
    case 'bad-length':
      return new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file));
    case 'newer':
      return new AppError('VAULT_VERSION', vaultMessages.newerVersion(file, header.version));
  }
}

/** Decrypts the blob at [offset, offset+total) whose header was already checked. */
export function open(key: Buffer, name: string, buf: Buffer, offset: number, total: number, file: string): Buffer {
  const decipher = decipherOf(key, name, buf.subarray(offset, offset + HEADER_BYTES));
  try {
    const head = decipher.update(buf.subarray(offset + HEADER_BYTES, offset + total));
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch (cause) {
    throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file), { cause });
  }
}

/** What `decryptFile` reads at a time. */
const FILE_CHUNK_BYTES = 1 << 20;

/**
 * Decrypts a whole blob kept alone in `file`, reading it a chunk at a time,
 * so the ciphertext is never held whole beside the plaintext (a checkpoint of
 * 50 MB would otherwise cost 100 MB at once). Nothing decrypted is returned
 * unless the tag checks. Errors as `decrypt`; a missing file rejects with ENOENT.
 */
export async function decryptFile(key: Buffer, name: string, file: string, label: string): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(Math.min(size, HEADER_BYTES));
    await handle.read(header, 0, header.length, 0);
    const check = checkHeader(header, 0, size);
    if (check.kind !== 'ok') throw headerProblem(check, label);
    if (size > check.total) throw new AppError('VAULT_CORRUPT', vaultMessages.trailing(label));
    const decipher = decipherOf(key, name, header);
    const out = Buffer.allocUnsafe(check.total - HEADER_BYTES);
    const chunk = Buffer.allocUnsafe(Math.min(FILE_CHUNK_BYTES, out.length));
    try {
      for (let at = 0; at < out.length; ) {
        const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, out.length - at), HEADER_BYTES + at);
        if (bytesRead === 0) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(label));
        at += decipher.update(chunk.subarray(0, bytesRead)).copy(out, at);
      }
      decipher.final();
    } catch (cause) {
      if (cause instanceof AppError) throw cause;
      throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(label), { cause });
    }
    return out;
  } finally {
    await handle.close();
  }
}

/** The decipher for a blob with this (checked) header: its nonce, its tag, and the header and name as AAD. */
function decipherOf(key: Buffer, name: string, header: Buffer): DecipherGCM {
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(16, 28));
  decipher.setAAD(aad(header.subarray(0, AAD_HEADER_BYTES), name));
  decipher.setAuthTag(header.subarray(28, HEADER_BYTES));
  return decipher;
}

function aad(header: Buffer, name: string): Buffer {
  return Buffer.concat([header, Buffer.from(name, 'utf8')]);
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
