import { createReadStream, promises as fsp } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { mediaError, throwIfAborted } from './media-errors';

/**
 * Payload encryption in the age format (age-encryption.org/v1) with a
 * passphrase (scrypt recipient), so the receiving agency can decrypt with the
 * standard `age` command: `age -d -o oficio.pdf oficio.pdf.age`.
 *
 * age-encryption 0.3 accepts a web ReadableStream and encrypts it in 64 KiB
 * chunks (the age STREAM construction), so files of any size flow through
 * with flat memory: nothing here holds a whole file.
 */

export const AGE_EXTENSION = '.age';

/**
 * age's own default (2^18, about one second and 256 MiB per file). The
 * passphrases Valija generates carry ~145 bits, so a lower factor would be
 * just as safe; we keep the default so a person-chosen passphrase is not
 * weakened, and tests lower it for speed.
 */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

/**
 * age-encryption refuses to decrypt above 2^20 (memory), so Valija would not
 * read back its own file above that; below 2^10 scrypt stops meaning anything.
 */
const MIN_WORK_FACTOR = 10;
const MAX_WORK_FACTOR = 20;

/** Short passphrases are guessable offline whatever scrypt costs; ours are 35 characters. */
export const MIN_PASSPHRASE_LENGTH = 16;

export interface AgeOptions {
  scryptWorkFactor?: number;
  signal?: AbortSignal;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw mediaError('MEDIA_BAG_INVALID', `La frase de cifrado debe tener al menos ${MIN_PASSPHRASE_LENGTH} caracteres.`);
  }
}

type ByteSource = AsyncIterable<Uint8Array> | Readable;

function toWebStream(source: ByteSource): ReadableStream<Uint8Array> {
  const readable = source instanceof Readable ? source : Readable.from(source, { objectMode: false });
  // Node's web stream type and the global one are the same object at run time.
  return Readable.toWeb(readable) as unknown as ReadableStream<Uint8Array>;
}

function fromWebStream(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Readable {
  return Readable.fromWeb(stream as unknown as NodeWebReadableStream<Uint8Array>, signal ? { signal } : {});
}

/** Encrypts a byte stream; the result is the `.age` file's bytes, produced as the input is read. */
export async function encryptStream(source: ByteSource, passphrase: string, options: AgeOptions = {}): Promise<Readable> {
  checkPassphrase(passphrase);
  const workFactor = options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR;
  if (!Number.isInteger(workFactor) || workFactor < MIN_WORK_FACTOR || workFactor > MAX_WORK_FACTOR) {
    throw mediaError('MEDIA_BAG_INVALID', `El factor de trabajo de scrypt debe estar entre ${MIN_WORK_FACTOR} y ${MAX_WORK_FACTOR}.`);
  }
  throwIfAborted(options.signal);
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(workFactor);
  const encrypted = await encrypter.encrypt(toWebStream(source));
  return fromWebStream(encrypted, options.signal);
}

/**
 * Decrypts an age byte stream. A wrong passphrase is known as soon as the
 * header is read (before any output); damaged data fails while reading, and
 * age never releases a chunk that fails authentication.
 */
export async function decryptStream(source: ByteSource, passphrase: string, options: AgeOptions = {}): Promise<Readable> {
  throwIfAborted(options.signal);
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  let decrypted: ReadableStream<Uint8Array>;
  try {
    decrypted = await decrypter.decrypt(toWebStream(source));
  } catch (error) {
    throw describeAgeFailure(error);
  }
  return fromWebStream(decrypted, options.signal);
}

function describeAgeFailure(error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  if (/incorrect passphrase|no identity matched/i.test(text)) {
    return mediaError('MEDIA_WRONG_PASSPHRASE', 'La frase de cifrado no es correcta para este archivo.', error);
  }
  return mediaError('MEDIA_BAG_INVALID', 'El archivo cifrado está dañado o no es un archivo age.', error);
}

export interface AgeFileResult {
  bytesIn: number;
  bytesOut: number;
}

async function pump(stream: Readable, destination: string, signal?: AbortSignal): Promise<number> {
  const handle = await fsp.open(destination, 'wx');
  let written = 0;
  try {
    for await (const chunk of stream) {
      throwIfAborted(signal);
      const bytes = chunk as Uint8Array;
      await handle.write(bytes);
      written += bytes.length;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fsp.rm(destination, { force: true });
    throw error;
  }
  await handle.close();
  return written;
}

/** Encrypts one file into a new file (never overwrites); removes the output if anything fails. */
export async function encryptFile(source: string, destination: string, passphrase: string, options: AgeOptions = {}): Promise<AgeFileResult> {
  const { size } = await fsp.stat(source);
  const encrypted = await encryptStream(createReadStream(source, { highWaterMark: 1024 * 1024 }), passphrase, options);
  const bytesOut = await pump(encrypted, destination, options.signal);
  return { bytesIn: size, bytesOut };
}

/** Decrypts one `.age` file into a new file (never overwrites); removes the output if anything fails. */
export async function decryptFile(source: string, destination: string, passphrase: string, options: AgeOptions = {}): Promise<AgeFileResult> {
  const { size } = await fsp.stat(source);
  const decrypted = await decryptStream(createReadStream(source, { highWaterMark: 1024 * 1024 }), passphrase, options);
  let bytesOut: number;
  try {
    bytesOut = await pump(decrypted, destination, options.signal);
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw describeAgeFailure(error);
  }
  return { bytesIn: size, bytesOut };
}
