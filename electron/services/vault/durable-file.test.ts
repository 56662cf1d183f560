import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { DurableFile, removeStaleTemps } from './durable-file';
import { tempDir } from './test-support';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** A toy format: "OK:" + text; anything else is damage. */
const decode = (bytes: Buffer, file: string) => {
  const text = bytes.toString('utf8');
  if (!text.startsWith('OK:')) throw new AppError('VAULT_CORRUPT', `dañado: ${file}`);
  return text.slice(3);
};
const file = () => new DurableFile<string>(path.join(dir, 'doc.vlj'), 'doc.vlj', decode);

describe('DurableFile', () => {
  it('reads null when never written, then keeps the previous good copy on each write', async () => {
    expect(await file().read()).toBeNull();
    const f = file();
    await f.write(Buffer.from('OK:uno'));
    expect(existsSync(path.join(dir, 'doc.vlj.prev'))).toBe(false);
    await f.write(Buffer.from('OK:dos'));
    expect(readFileSync(path.join(dir, 'doc.vlj.prev'), 'utf8')).toBe('OK:uno');
    expect(await file().read()).toEqual({ data: 'dos', recoveredFrom: 'main' });
    expect(readdirSync(dir).sort()).toEqual(['doc.vlj', 'doc.vlj.prev']); // no temp files left
  });

  it('falls back to .prev, names the damaged file, and moves it aside before writing', async () => {
    const f = file();
    await f.write(Buffer.from('OK:uno'));
    await f.write(Buffer.from('OK:dos'));
    writeFileSync(path.join(dir, 'doc.vlj'), 'basura');
    const g = file();
    const read = await g.read();
    expect(read?.data).toBe('uno');
    expect(read?.recoveredFrom).toBe('prev');
    expect(read?.problem?.code).toBe('VAULT_CORRUPT');
    expect(read?.problem?.message).toContain('doc.vlj');
    await g.write(Buffer.from('OK:tres'));
    const aside = readdirSync(dir).filter((n) => n.startsWith('doc.vlj.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('basura');
    expect(readFileSync(path.join(dir, 'doc.vlj.prev'), 'utf8')).toBe('OK:uno');
    expect((await file().read())?.data).toBe('tres');
  });

  it('a write without a prior read still never replaces an unreadable file', async () => {
    writeFileSync(path.join(dir, 'doc.vlj'), 'basura');
    await file().write(Buffer.from('OK:nuevo'));
    expect(readdirSync(dir).some((n) => n.startsWith('doc.vlj.damaged-'))).toBe(true);
  });

  it('a copy that cannot be read this once (EBUSY) fails the write and is not moved aside as damaged', async () => {
    await file().write(Buffer.from('OK:uno'));
    let busy = true;
    const locked = {
      fromFile: async (at: string, label: string) => {
        if (busy) throw Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
        return decode(readFileSync(at), label);
      },
    };
    const f = new DurableFile<string>(path.join(dir, 'doc.vlj'), 'doc.vlj', locked);
    await expect(f.write(Buffer.from('OK:dos'))).rejects.toMatchObject({ code: 'IO' });
    expect(readdirSync(dir)).toEqual(['doc.vlj']);
    expect(readFileSync(path.join(dir, 'doc.vlj'), 'utf8')).toBe('OK:uno');
    busy = false;
    await f.write(Buffer.from('OK:dos'));
    expect(readFileSync(path.join(dir, 'doc.vlj.prev'), 'utf8')).toBe('OK:uno');
    expect(await file().read()).toEqual({ data: 'dos', recoveredFrom: 'main' });
  });

  it('main missing with .prev present is reported as a missing file', async () => {
    const f = file();
    await f.write(Buffer.from('OK:uno'));
    await f.write(Buffer.from('OK:dos'));
    rmSync(path.join(dir, 'doc.vlj'));
    const read = await file().read();
    expect(read?.data).toBe('uno');
    expect(read?.problem?.code).toBe('VAULT_FILE_MISSING');
  });

  it('both copies unreadable: throws the main copy’s error', async () => {
    writeFileSync(path.join(dir, 'doc.vlj'), 'basura');
    writeFileSync(path.join(dir, 'doc.vlj.prev'), 'basura');
    await expect(file().read()).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
  });

  it('removes temp files left by a crash', async () => {
    writeFileSync(path.join(dir, 'doc.vlj.tmp-123-abcd'), 'x');
    await removeStaleTemps(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});
