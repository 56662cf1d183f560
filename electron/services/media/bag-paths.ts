/**
 * Paths as they appear inside a bag: in manifests, fetch.txt, and the names we
 * are asked to write. A bag may come from anyone, so every path is checked
 * *as text* before it is ever joined to a folder on disk: a manifest line must
 * never make us read or write outside the bag.
 *
 * Bag paths always use `/`, are relative to the bag folder, and (BagIt 1.0)
 * percent-encode only CR, LF and `%` (RFC 8493 §2.1.3).
 */

export type CheckedPath = { ok: true; path: string; hadDotSlash: boolean } | { ok: false; message: string };

/** The longest path we accept in a manifest; far above any real file system's limit. */
export const MAX_BAG_PATH_LENGTH = 4096;

/**
 * Shows a path in a message: control characters made visible, long paths cut,
 * so a hostile name cannot break the line it is shown on.
 */
export function showPath(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we make visible
  const visible = raw.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 200 ? `${visible.slice(0, 200)}…` : visible;
}

/**
 * Accepts a relative, `/`-separated path that stays inside the bag, and says
 * why anything else is refused. A leading `./` is tolerated (some tools write
 * it) and reported so the caller can warn.
 */
export function checkRelativePath(raw: string): CheckedPath {
  const shown = showPath(raw);
  if (raw.length === 0) return { ok: false, message: 'Hay una ruta vacía.' };
  if (raw.length > MAX_BAG_PATH_LENGTH) return { ok: false, message: `La ruta «${shown}» es demasiado larga.` };
  if (raw.includes('\0')) return { ok: false, message: `La ruta «${shown}» contiene un carácter nulo.` };
  // Most specific reason first, so the message says what the path was trying to do.
  if (raw.startsWith('/')) return { ok: false, message: `La ruta «${shown}» es absoluta; sólo se admiten rutas dentro del paquete.` };
  if (/^[A-Za-z]:/.test(raw)) return { ok: false, message: `La ruta «${shown}» lleva una letra de unidad (como C:); sólo se admiten rutas dentro del paquete.` };
  if (raw.startsWith('\\\\')) return { ok: false, message: `La ruta «${shown}» apunta a una carpeta de red; sólo se admiten rutas dentro del paquete.` };
  if (/^%[^%/\\]+%/.test(raw))
    return { ok: false, message: `La ruta «${shown}» empieza con una variable de entorno de Windows; sólo se admiten rutas dentro del paquete.` };
  if (raw.includes('\\'))
    return { ok: false, message: `La ruta «${shown}» usa diagonales invertidas (\\); en un paquete BagIt las carpetas se separan con «/».` };

  let rest = raw;
  let hadDotSlash = false;
  if (rest.startsWith('./')) {
    hadDotSlash = true;
    rest = rest.slice(2);
  }
  const segments = rest.split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '..') return { ok: false, message: `La ruta «${shown}» sube de carpeta con «..» y saldría del paquete.` };
    if (segment === '' || segment === '.') return { ok: false, message: `La ruta «${shown}» tiene un tramo vacío o «.».` };
    // A leading `~` means "a home folder" to shells; a tool that expands it
    // would leave the bag, so we never take it literally.
    if (index === 0 && segment.startsWith('~'))
      return { ok: false, message: `La ruta «${shown}» apunta a una carpeta personal (~); sólo se admiten rutas dentro del paquete.` };
  }
  return { ok: true, path: rest, hadDotSlash };
}

export function isPayloadPath(bagPath: string): boolean {
  return bagPath.startsWith('data/') && bagPath.length > 'data/'.length;
}

/** BagIt 1.0 encodes CR, LF and `%` in manifest paths; nothing else is decoded. */
export function decodeManifestPath(raw: string): string {
  return raw.replace(/%(0A|0D|25)/gi, (match) => String.fromCharCode(Number.parseInt(match.slice(1), 16)));
}

export function encodeManifestPath(bagPath: string): string {
  return bagPath.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}

/**
 * Two names with the same fold key are the same file on Windows and macOS
 * (case-insensitive, and macOS also unifies Unicode normalisation forms), so a
 * bag listing both is ambiguous there.
 */
export function foldKey(bagPath: string): string {
  return bagPath.normalize('NFC').toLowerCase();
}

const SPECIAL_SYSTEM_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db', '.directory']);

/**
 * Files operating systems create and delete on their own (Finder, Explorer).
 * They carry no content of the shipment; copy tools often drop them.
 */
export function isSpecialSystemFile(bagPath: string): boolean {
  const name = bagPath.slice(bagPath.lastIndexOf('/') + 1);
  return SPECIAL_SYSTEM_NAMES.has(name.toLowerCase()) || name.startsWith('._');
}
