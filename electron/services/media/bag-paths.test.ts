import { describe, expect, it } from 'vitest';
import { checkRelativePath, decodeManifestPath, encodeManifestPath, foldKey, isSpecialSystemFile } from './bag-paths';

describe('bag paths', () => {
  it('encode and decode only CR, LF and % (RFC 8493)', () => {
    const name = 'data/100%\r\nlisto ~%7E.txt';
    const encoded = encodeManifestPath(name);
    expect(encoded).toBe('data/100%25%0D%0Alisto ~%257E.txt');
    expect(decodeManifestPath(encoded)).toBe(name);
    expect(decodeManifestPath('data/%7Etest1.txt')).toBe('data/%7Etest1.txt');
    expect(decodeManifestPath('data/a%0ab')).toBe('data/a\nb');
  });

  it('accept relative paths and tolerate a leading ./', () => {
    expect(checkRelativePath('data/a b/c.txt')).toEqual({ ok: true, path: 'data/a b/c.txt', hadDotSlash: false });
    expect(checkRelativePath('./data/c.txt')).toEqual({ ok: true, path: 'data/c.txt', hadDotSlash: true });
  });

  it.each(['', '/a', 'C:a', 'c:/a', '\\\\srv\\x', 'a\\b', 'data/../x', 'data//x', 'data/./x', 'data/x/', '~/x', '%APPDATA%\\x', 'a\0b'])(
    'refuse %j with a Spanish reason',
    (raw) => {
      const checked = checkRelativePath(raw);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/ruta/i);
    },
  );

  it('fold case and Unicode normalisation together', () => {
    expect(foldKey('data/NÚÑEZ.txt'.normalize('NFD'))).toBe(foldKey('data/núñez.txt'.normalize('NFC')));
  });

  it('recognise files operating systems make on their own', () => {
    for (const p of ['data/.DS_Store', 'data/x/Thumbs.db', 'data/desktop.ini', 'data/._oficio.pdf']) expect(isSpecialSystemFile(p)).toBe(true);
    expect(isSpecialSystemFile('data/oficio.pdf')).toBe(false);
  });
});
