/**
 * Where the paper forms' fonts are read from. Kept apart from the font
 * registry (which loads react-pdf) so the main process can tell the render
 * worker the folder without loading react-pdf itself.
 */
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';

export interface DocumentsConfig {
  /**
   * Folder holding the DejaVu TTF files. Defaults to ./fonts next to this
   * module; the packaged app passes a path under `process.resourcesPath`.
   */
  fontDir?: string;
}

/** ./fonts beside this module (works from source, in tests and under tsx). */
export const DEFAULT_FONT_DIR = fileURLToPath(new URL('./fonts/', import.meta.url));

let fontDir = DEFAULT_FONT_DIR;

/**
 * Sets where the fonts are read from. Safe to call at any time: a new folder
 * is registered under new family names on the next render, so documents
 * already being rendered keep their fonts.
 */
export function configureDocuments(config: DocumentsConfig): void {
  if (config.fontDir !== undefined) {
    if (config.fontDir.trim() === '') {
      throw new AppError('VALIDATION', 'La carpeta de fuentes de los documentos no puede estar vacía.');
    }
    fontDir = config.fontDir;
  }
}

export function currentFontDir(): string {
  return fontDir;
}

