/** Printed documents (PDF) rendered in the core with @react-pdf/renderer. */
export { configureDocuments, currentFontDir, DEFAULT_FONT_DIR, ensureFonts, type DocumentsConfig, type FontFamilies } from './font-registry';
export * from './components';
export { renderDocument } from './render-document';
export { codeLines, RECOVERY_SHEET_TITLE, RecoverySheet, renderRecoverySheet, type RecoverySheetInput } from './forms/recovery-sheet';
