/**
 * Fonts for every printed form. We embed DejaVu (shipped in ./fonts with its
 * licence) and never the 14 standard PDF fonts: those are not embedded and
 * lack characters the forms need (☐ ✓, some accents on some printers).
 *
 * They are registered with react-pdf's `Font.register` once per thread, under
 * the family names of theme.ts's FONTS, so styles name them statically;
 * react-pdf keeps the parsed files, so warm renders do not touch the disk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { AppError } from '../../../shared/errors';
import { FONT_DIR, FONTS } from './theme';

const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

let registered = false;

/** Registers the fonts (once); a missing file is an IO error naming it. `dir` is for tests. */
export function ensureFonts(dir = FONT_DIR): void {
  if (registered) return;
  const missing = Object.values(FONT_FILES).filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new AppError('IO', `No se encontraron las fuentes tipográficas de los documentos (${missing.join(', ')}) en la carpeta «${dir}». Reinstale Valija.`);
  }
  // Spanish words must never be split with a hyphen on an official form.
  Font.registerHyphenationCallback((word) => [word]);
  Font.register({
    family: FONTS.sans,
    fonts: [
      { src: join(dir, FONT_FILES.sans), fontWeight: 400, fontStyle: 'normal' },
      { src: join(dir, FONT_FILES.sansBold), fontWeight: 700, fontStyle: 'normal' },
      { src: join(dir, FONT_FILES.sansOblique), fontWeight: 400, fontStyle: 'italic' },
    ],
  });
  Font.register({
    family: FONTS.mono,
    fonts: [
      { src: join(dir, FONT_FILES.mono), fontWeight: 400, fontStyle: 'normal' },
      { src: join(dir, FONT_FILES.monoBold), fontWeight: 700, fontStyle: 'normal' },
    ],
  });
  registered = true;
}
