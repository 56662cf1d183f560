/**
 * Fonts for every printed form. We embed DejaVu Sans (shipped in ./fonts with
 * its licence) and never the 14 standard PDF fonts: those are not embedded and
 * lack characters the forms need (☐ ✓, some accents on some printers).
 *
 * Fonts are registered with @react-pdf's `Font.register` once per font
 * directory; react-pdf keeps the parsed files, so warm renders do not touch
 * the disk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { AppError } from '../../../shared/errors';
import { currentFontDir } from './font-dir';

export { configureDocuments, currentFontDir, DEFAULT_FONT_DIR, type DocumentsConfig } from './font-dir';

const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

export interface FontFamilies {
  /** Body text, headings (fontWeight 700 → bold, fontStyle italic → oblique). */
  sans: string;
  /** Codes, digests, identifiers. */
  mono: string;
}

/** Family names already registered, per font directory. */
const registered = new Map<string, FontFamilies>();
let hyphenationDisabled = false;

/**
 * Registers the fonts of the configured folder (once) and returns the family
 * names to use in styles.
 */
export function ensureFonts(): FontFamilies {
  if (!hyphenationDisabled) {
    // Spanish words must never be split with a hyphen on an official form.
    Font.registerHyphenationCallback((word) => [word]);
    hyphenationDisabled = true;
  }
  const fontDir = currentFontDir();
  const known = registered.get(fontDir);
  if (known) return known;

  const missing = Object.values(FONT_FILES).filter((file) => !existsSync(join(fontDir, file)));
  if (missing.length > 0) {
    throw new AppError(
      'IO',
      `No se encontraron las fuentes tipográficas de los documentos (${missing.join(', ')}) en la carpeta «${fontDir}». Reinstale Valija.`,
    );
  }

  const suffix = registered.size === 0 ? '' : ` ${registered.size + 1}`;
  const families: FontFamilies = { sans: `Valija Sans${suffix}`, mono: `Valija Mono${suffix}` };
  Font.register({
    family: families.sans,
    fonts: [
      { src: join(fontDir, FONT_FILES.sans), fontWeight: 400, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.sansBold), fontWeight: 700, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.sansOblique), fontWeight: 400, fontStyle: 'italic' },
    ],
  });
  Font.register({
    family: families.mono,
    fonts: [
      { src: join(fontDir, FONT_FILES.mono), fontWeight: 400, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.monoBold), fontWeight: 700, fontStyle: 'normal' },
    ],
  });
  registered.set(fontDir, families);
  return families;
}
