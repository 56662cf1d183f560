import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from './asset-path';

describe('renderer asset paths', () => {
  const root = path.resolve('/opt/valija/renderer');

  it('serves index.html for the root and files inside the folder', () => {
    expect(resolveAssetPath(root, 'app://valija/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, 'app://valija/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
  });

  it('refuses anything that escapes the folder', () => {
    expect(resolveAssetPath(root, 'app://valija/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // URL parsing folds encoded dot segments before we see them: still inside the folder.
    expect(resolveAssetPath(root, 'app://valija/assets/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'));
    expect(resolveAssetPath(root, 'app://valija/a%00b')).toBeNull();
  });
});
