import type { IssueList } from './bag-issues';
import { splitTagLines } from './tag-text';

/**
 * bagit.txt, the "bag declaration": exactly `BagIt-Version: M.N` and
 * `Tag-File-Character-Encoding: ENC`, UTF-8 without a byte-order mark
 * (RFC 8493 §2.1.1). It is read strictly because it tells us how to read
 * everything else.
 */
export interface BagDeclaration {
  version: string;
  encoding: string;
  /** 1.0 or later: RFC 8493 rules (percent-encoded paths, duplicates are errors, every manifest complete) */
  modern: boolean;
}

export const BAGIT_VERSIONS = ['0.93', '0.94', '0.95', '0.96', '0.97', '1.0'] as const;

/** Small on purpose: two short lines. */
export const MAX_DECLARATION_BYTES = 4096;

export function parseDeclaration(bytes: Uint8Array, issues: IssueList): BagDeclaration | null {
  const bom = [[0xef, 0xbb, 0xbf], [0xfe, 0xff], [0xff, 0xfe]].some((prefix) => prefix.every((b, i) => bytes[i] === b));
  if (bom) {
    issues.error('ENCODING', 'bagit.txt empieza con una marca de orden de bytes (BOM); la norma BagIt lo prohíbe.', 'bagit.txt');
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    issues.error('ENCODING', 'bagit.txt no es texto UTF-8 válido.', 'bagit.txt');
    return null;
  }

  let version: string | undefined;
  let encoding: string | undefined;
  let extraLines = 0;
  for (const line of splitTagLines(text)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const label = colon >= 0 ? line.slice(0, colon) : '';
    if (label !== label.trim()) {
      issues.error('DECLARATION', `bagit.txt tiene espacios junto a la etiqueta «${label.trim()}»; debe escribirse «${label.trim()}: valor».`, 'bagit.txt');
      return null;
    }
    const value = line.slice(colon + 1).trim();
    if (label === 'BagIt-Version') version = value;
    else if (label === 'Tag-File-Character-Encoding') encoding = value;
    else extraLines += 1;
  }
  if (version === undefined || encoding === undefined) {
    const missing = version === undefined ? 'BagIt-Version' : 'Tag-File-Character-Encoding';
    issues.error('DECLARATION', `bagit.txt no declara «${missing}».`, 'bagit.txt');
    return null;
  }
  if (!(BAGIT_VERSIONS as readonly string[]).includes(version)) {
    issues.error('VERSION', `La versión de BagIt «${version}» no es válida o no es compatible (se admiten 0.93 a 0.97 y 1.0).`, 'bagit.txt');
    return null;
  }
  const modern = version === '1.0';
  if (extraLines > 0) issues.report(modern, 'DECLARATION', 'bagit.txt tiene líneas de más; sólo debe declarar la versión y la codificación.', 'bagit.txt');
  return { version, encoding, modern };
}

export function formatDeclaration(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}
