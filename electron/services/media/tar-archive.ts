import { createHash } from 'node:crypto';

/**
 * A POSIX tar (pax interchange format) of in-memory files: what an encrypted
 * records export puts inside its one age file. One file instead of one per
 * record because age asks for the passphrase once per file (an export holds
 * hundreds), and because names of attachments are information too: inside
 * the archive they are encrypted with the rest. GNU tar, bsdtar and the
 * tar.exe of Windows 10 and later all read it.
 *
 * Names that do not fit ustar's 100 + 155 bytes, or are not ASCII, get a pax
 * `path` record (UTF-8, so accents survive on every reader).
 */

export interface TarEntry {
  /** `/`-separated relative path */
  name: string;
  bytes: Buffer;
}

const BLOCK = 512;

export function tarArchive(entries: readonly TarEntry[], mtime: Date): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.name === '' || entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
      throw new Error(`tar: unsafe entry name ${entry.name}`);
    }
    const split = ustarName(entry.name);
    if (!split) {
      const record = paxRecord('path', entry.name);
      parts.push(header({ name: `PaxHeader/${asciiStub(entry.name)}`, prefix: '', size: record.length, type: 'x', mtime: seconds }), padded(record));
    }
    const names = split ?? { name: asciiStub(entry.name), prefix: '' };
    parts.push(header({ ...names, size: entry.bytes.length, type: '0', mtime: seconds }), padded(entry.bytes));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** The `sha256sum -c` list of the entries, so the recipient checks every file after extracting. */
export function sha256Sums(entries: readonly TarEntry[], relativeTo: string): string {
  return entries.map((e) => `${createHash('sha256').update(e.bytes).digest('hex')}  ${e.name.slice(relativeTo.length)}\n`).join('');
}

/** ustar's name/prefix split, or null when the name needs a pax record. */
function ustarName(name: string): { name: string; prefix: string } | null {
  if (!/^[\x20-\x7e]+$/.test(name)) return null;
  if (name.length <= 100) return { name, prefix: '' };
  for (let cut = name.indexOf('/'); cut !== -1; cut = name.indexOf('/', cut + 1)) {
    if (cut <= 155 && name.length - cut - 1 <= 100) return { name: name.slice(cut + 1), prefix: name.slice(0, cut) };
  }
  return null;
}

/** What an old reader that ignores pax records would name the file: readable, ASCII, short. */
function asciiStub(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[^A-Za-z0-9._/-]/g, '_');
  return ascii.length <= 100 ? ascii : ascii.slice(ascii.length - 100);
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body, 'utf8');
  // The record starts with its own length in decimal, digits included.
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return Buffer.from(`${length}${body}`, 'utf8');
}

function header(h: { name: string; prefix: string; size: number; type: '0' | 'x'; mtime: number }): Buffer {
  const block = Buffer.alloc(BLOCK);
  const put = (offset: number, length: number, text: string) => block.write(text, offset, length, 'ascii');
  const octal = (offset: number, length: number, value: number) => put(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  put(0, 100, h.name);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, h.size);
  octal(136, 12, h.mtime);
  put(148, 8, '        ');
  put(156, 1, h.type);
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(265, 32, 'valija');
  put(297, 32, 'valija');
  put(345, 155, h.prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

function padded(bytes: Buffer): Buffer {
  const rest = bytes.length % BLOCK;
  return rest === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(BLOCK - rest)]);
}
