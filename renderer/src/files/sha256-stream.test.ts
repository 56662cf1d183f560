// @vitest-environment node
// (jsdom's Blob has no arrayBuffer(); Node's Blob is the same standard one browsers have.)
import { describe, expect, it } from 'vitest';
import { sha256OfBlob } from './sha256-stream';

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(length, i + 65_536)));
  return bytes;
}

async function webCryptoSha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256OfBlob', () => {
  it('matches Web Crypto’s SHA-256 whatever the slice size, and reports progress up to the size', async () => {
    const bytes = randomBytes(1_000_003);
    for (const chunk of [1, 4096, 65_537, 2_000_000]) {
      const sample = chunk === 1 ? bytes.subarray(0, 3000) : bytes;
      const seen: number[] = [];
      const digest = await sha256OfBlob(new Blob([sample as Uint8Array<ArrayBuffer>]), (done) => seen.push(done), chunk);
      expect(digest).toBe(await webCryptoSha256(sample));
      expect(seen.at(-1)).toBe(sample.length);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    }
  });

  it('hashes an empty file', async () => {
    expect(await sha256OfBlob(new Blob([]), () => undefined)).toBe(await webCryptoSha256(new Uint8Array(0)));
  });
});
