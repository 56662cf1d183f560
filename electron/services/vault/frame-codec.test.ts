import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FRAME_DICTIONARY_1 } from './frame-dictionary';
import { decodeJsonFrame, encodeJsonFrame } from './frame-codec';

const change = {
  id: '73a7cc6f-7f5e-4238-a553-986a78db037a',
  rev: 4,
  set: { state: 'en_revision_juridica', updatedAt: '2031-05-02T17:04:11.120Z' },
  added: [{ at: '2031-05-02T17:04:11.120Z', actor: { id: 'u-7', userName: 'jperez', fullName: 'Juana Pérez Ríos' }, action: 'enviar_a_revision', from: 'borrador', to: 'en_revision_juridica', observations: 'Se anexa el oficio firmado por el área.', details: {} }],
  prev: ['2031-05', 812, 402911, 301],
};

describe('frame codec', () => {
  it('gives back exactly the record it was given, accents and all', () => {
    expect(decodeJsonFrame(encodeJsonFrame(change))).toEqual(change);
    const tiny = { a: 1 };
    expect(decodeJsonFrame(encodeJsonFrame(tiny))).toEqual(tiny);
  });

  it('stores a usual record in well under half its JSON', () => {
    const json = Buffer.byteLength(JSON.stringify(change), 'utf8');
    const frame = encodeJsonFrame(change);
    expect(frame[0]).toBe(0x01);
    expect(frame.length).toBeLessThan(json * 0.5);
  });

  it('keeps a record too small to gain as plain JSON', () => {
    const frame = encodeJsonFrame({ a: 1 });
    expect(frame.toString('utf8')).toBe('{"a":1}');
  });

  it('reads frames written before compression, which are plain JSON', () => {
    expect(decodeJsonFrame(Buffer.from(JSON.stringify(change), 'utf8'))).toEqual(change);
  });

  it('never changes dictionary 1: every frame marked with it needs these exact bytes', () => {
    // If this fails, the dictionary was edited: put it back, and give a new one its own marker.
    expect(createHash('sha256').update(FRAME_DICTIONARY_1, 'utf8').digest('hex')).toBe(DICTIONARY_1_SHA256);
  });
});

const DICTIONARY_1_SHA256 = '6e5ccf48f2bcbd436040aea31a10a6c018195d2b00522b135c6edb6886a3a78e';
