import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Small timing helpers shared by benchmarks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes
  return process.resourceUsage().maxRSS / 1024;
}

export function table(rows: Array<[string, string, string]>): string {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c as 0 | 1 | 2].length)));
  return rows.map((r) => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ')).join('\n');
}

/** Bytes on disk under `dir`, in MB. */
export function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else bytes += statSync(full).size;
    }
  };
  walk(dir);
  return bytes / 1024 / 1024;
}

/** MB under each vault generation's `sub` folder of `vaultDir` (g1/streams/prints, g2/…). */
export function sumOfDirs(vaultDir: string, sub: string): number {
  let mb = 0;
  for (const entry of readdirSync(vaultDir, { withFileTypes: true })) {
    const dir = path.join(vaultDir, entry.name, sub);
    if (entry.isDirectory() && /^g\d+$/.test(entry.name) && existsSync(dir)) mb += dirSizeMb(dir);
  }
  return mb;
}
