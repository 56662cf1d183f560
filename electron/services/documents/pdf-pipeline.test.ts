import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReceipt } from './forms';
import { sampleReceiptInput } from './forms/form-samples';
import { writeTempPdf } from './test-support';

/** Page 2 (where the return address is) at 50 dpi as PNG bytes, and what poppler said on stderr. */
function raster(file: string): { png: Buffer; complaints: string } {
  const out = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '2', '-l', '2', '-singlefile', file, file.replace(/\.pdf$/, '')], { encoding: 'utf8' });
  return { png: readFileSync(file.replace(/\.pdf$/, '.png')), complaints: out.stderr };
}

describe('kept font subsets and their compressed bytes', () => {
  it('a sheet printed again after one with other characters looks the same, and poppler reads every font', async () => {
    const first = writeTempPdf('acuse-a', await renderReceipt(sampleReceiptInput()));
    const other = writeTempPdf('acuse-b', await renderReceipt(sampleReceiptInput({ returnTo: '☐ ✓ Zaachila, Ñuu Savi' })));
    const again = writeTempPdf('acuse-a-otra-vez', await renderReceipt(sampleReceiptInput()));
    const [a, b, c] = [raster(first), raster(other), raster(again)];
    expect([a.complaints, b.complaints, c.complaints]).toEqual(['', '', '']);
    expect(c.png.equals(a.png)).toBe(true);
    expect(b.png.equals(a.png)).toBe(false);
  });
});
