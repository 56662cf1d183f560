import path from 'node:path';

/**
 * Maps a request on the app:// protocol to a file inside the built renderer
 * folder. Anything that would escape that folder (`..`, encoded slashes)
 * resolves to null and is answered with 404.
 */
export function resolveAssetPath(rootDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
