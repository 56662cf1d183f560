import type React from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { AppError } from '../../../shared/errors';
import { ensureFonts } from './font-registry';

/** Renders a document built from these components to PDF bytes, with react-pdf's `renderToBuffer`. */
export async function renderDocument(element: React.ReactElement): Promise<Buffer> {
  try {
    ensureFonts();
    // The forms' components return an <OfficialDocument>, i.e. a react-pdf <Document>; the type only sees their own props.
    return await renderToBuffer(element as React.ReactElement<DocumentProps>);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('PDF_RENDER', 'No se pudo generar el documento PDF.', { cause: error });
  }
}
