import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The `electron` package exports the path of its binary, and throws when the
 * binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no internet).
 */
export function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
