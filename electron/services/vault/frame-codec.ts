/**
 * How a stream's records become the plaintext of its frames, and back.
 *
 * Records are JSON, deflated with a preset dictionary (frame-dictionary.ts)
 * before they are encrypted: a frame holds one small record, too short for
 * deflate alone to find much to repeat, while the dictionary already holds
 * the keys and usual values of every stream's records. That makes a frame
 * about a third of its JSON. Compression comes before encryption because
 * ciphertext does not compress; what it can reveal (a record's size, which
 * the frame header shows anyway, now also depends on how repetitive it is)
 * is nothing a person with the vault folder could use without the key.
 *
 * The first plaintext byte says what follows, so frames written before
 * compression (plain JSON, starting with «{») are read as they are:
 *   0x01  deflate-raw with dictionary 1
 *   «{»   plain JSON
 * Reading needs only inflate, which gives the same bytes on any zlib.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FRAME_DICTIONARY_1 } from './frame-dictionary';

export interface FrameCodec<T> {
  encode(record: T): Buffer;
  decode(plain: Buffer): T;
}

const DEFLATED_1 = 0x01;
const DICTIONARY_1 = Buffer.from(FRAME_DICTIONARY_1, 'utf8');
/** Below this a record is stored as plain JSON: deflate's own overhead would eat the gain. */
const SMALLEST_DEFLATED = 64;

export function encodeJsonFrame(record: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(record), 'utf8');
  if (json.length < SMALLEST_DEFLATED) return json;
  const deflated = deflateRawSync(json, { dictionary: DICTIONARY_1 });
  if (deflated.length + 1 >= json.length) return json;
  const out = Buffer.allocUnsafe(deflated.length + 1);
  out[0] = DEFLATED_1;
  deflated.copy(out, 1);
  return out;
}

/**
 * Output chunk of one inflate. A frame inflates to a few kilobytes; zlib's
 * default 16 KB chunk is a buffer outside the JavaScript heap per frame that
 * the garbage collector frees late, so reading a month (4,000 frames) held
 * about 50 MB more memory than with small chunks.
 */
const INFLATE_CHUNK = 2048;

export function decodeJsonFrame(plain: Buffer): unknown {
  const text = plain[0] === DEFLATED_1 ? inflateRawSync(plain.subarray(1), { dictionary: DICTIONARY_1, chunkSize: INFLATE_CHUNK }) : plain;
  return JSON.parse(text.toString('utf8')) as unknown;
}

export const jsonFrames: FrameCodec<unknown> = { encode: encodeJsonFrame, decode: decodeJsonFrame };
