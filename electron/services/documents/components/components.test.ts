import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type AppError } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format/date';
import { FONT_DIR } from '../theme';
import {
  DocumentTitle,
  FieldsWithQr,
  FolioLine,
  NumberedList,
  OfficeHeader,
  OfficialDocument,
  OfficialPage,
  Paragraph,
  SectionHeading,
  SignatureRow,
  SimpleTable,
  qrCode,
} from '.';
import { renderDocument } from '../render-document';
import { STANDARD_14_FONTS, pdfFonts, pdfInfo, pdfReadingText, pdfText, renderPngs, solidPngDataUrl, writeTempPdf } from '../test-support';

const h = React.createElement;

const office = {
  institution: 'Secretaría de Seguridad Ciudadana del Estado de Querétaro',
  unit: 'Centro de Comando, Control, Comunicaciones y Cómputo (C4)',
  acronym: 'C4-SSC',
  address: 'Av. Constituyentes 101, Centro, Santiago de Querétaro',
  logoPngDataUrl: solidPngDataUrl(96, [0x69, 0x1c, 0x32]),
};

/** A two-page specimen that uses every block, as an approval sheet would. */
async function specimen(): Promise<Buffer> {
  const folio = 'C4-SSC/2026/000123';
  const digest = 'sha256:9f2c1e0b7a4d3c2b1a09f8e7d6c5b4a39f2c1e0b7a4d3c2b1a09f8e7d6c5b4a3';
  const qr = qrCode(`${folio}|${digest}`);
  const rows = Array.from({ length: 26 }, (_, i) => [
    String(i + 1),
    `Registro de incidencias del 911, corte ${String(i + 1).padStart(2, '0')} de noviembre`,
    `${(i * 37 + 12) % 900} KB`,
    i % 3 === 0 ? '✓ Entregado' : '☐ Pendiente',
  ]);
  return renderDocument(
    h(
      OfficialDocument,
      { title: 'Formato de autorización (muestra)' },
      h(
        OfficialPage,
        { footerNote: `Valija · ${office.acronym} · Formato de autorización · Folio ${folio}`, classification: 'reservado', reprint: 2 },
        h(OfficeHeader, { office }),
        h(FolioLine, {
          items: [
            { label: 'Folio', value: folio, mono: true },
            { label: 'Fecha', value: formatDateTime('2026-11-23T20:05:00Z') },
          ],
        }),
        h(DocumentTitle, { title: 'Formato de autorización de envío', subtitle: 'Muestra de los bloques del juego de herramientas' }),
        h(FieldsWithQr, {
            fields: [
              { label: 'Destinatario', value: 'Fiscalía General del Estado — Dirección de Servicios Periciales' },
              { label: 'Número de convenio', value: 'CONV/SSC-FGE/014/2025' },
              { label: 'Canal', value: 'Memoria USB cifrada, entrega en mano' },
              { label: 'Huella del contenido', value: digest, mono: true, breakEvery: 36 },
            ],
            qr: { qr, caption: ['Folio y huella', 'del contenido'] },
        }),
        h(SectionHeading, null, 'Inventario del contenido'),
        h(SimpleTable, {
          columns: [
            { header: 'Núm.', width: 1, align: 'center' },
            { header: 'Descripción', width: 7 },
            { header: 'Tamaño', width: 2, align: 'right' },
            { header: 'Estado', width: 2.4 },
          ],
          rows,
        }),
        h(SectionHeading, null, 'Observaciones'),
        h(Paragraph, null, 'La información se entrega conforme al convenio citado; el destinatario acusa recibo en el formato correspondiente.'),
        h(NumberedList, { items: ['Verifique la huella antes de abrir los archivos.', 'Devuelva el acuse firmado en un plazo de tres días hábiles.'] }),
        h(SignatureRow, {
          signatures: [
            { caption: 'Elaboró', name: 'Ing. José Luis Martínez Peña', position: 'Analista de Información' },
            { caption: 'Revisó', name: 'Lic. Ana Sofía Gutiérrez Núñez', position: 'Unidad de Asuntos Jurídicos' },
            { caption: 'Autorizó', name: 'Mtro. Ricardo Ibáñez Ortega', position: 'Director General del C4' },
          ],
        }),
      ),
    ),
  );
}


describe('components specimen', () => {
  it('paginates with "Página n de m", marks on every page and embedded fonts only', async () => {
    const file = writeTempPdf('muestra-componentes', await specimen());
    const info = pdfInfo(file);
    expect(info.pages).toBe(2);
    expect(info.mediaBox).toEqual([0, 0, 612, 792]);

    const pages = pdfText(file).split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(2);
    pages.forEach((page, index) => {
      expect(page).toContain(`Página ${index + 1} de 2`);
      expect(page).toContain('RESERVADO');
      expect(page).toContain('REIMPRESIÓN 2');
      expect(page).toContain('Secretaría de Seguridad Ciudadana');
      expect(page).toContain('Descripción'); // the table header repeats
    });

    const text = pdfReadingText(file);
    expect(text).toContain('☐ Pendiente');
    expect(text).toContain('✓ Entregado');
    for (const caption of ['Elaboró', 'Revisó', 'Autorizó']) expect(text).toContain(caption);
    expect(text).toContain('Mtro. Ricardo Ibáñez Ortega');
    expect(text).toContain('23/11/2026 14:05');

    expect(pdfFonts(file).length).toBeGreaterThan(0);
    for (const font of pdfFonts(file)) {
      expect(font.embedded, `${font.name} no está incrustada`).toBe(true);
      expect(STANDARD_14_FONTS).not.toContain(font.name.replace(/^[A-Z]{6}\+/, ''));
    }
    const pngs = renderPngs(file, 'muestra-componentes');
    expect(pngs).toHaveLength(2);
    console.log(`Vista previa: ${pngs.join(', ')}`);
  });
});

describe('qrCode', () => {
  it('holds the modules of the QR code of its text, error correction M', () => {
    const qr = qrCode('C4/2026/000001');
    const expected = QRCode.create('C4/2026/000001', { errorCorrectionLevel: 'M' }).modules;
    expect(qr.size).toBe(expected.size);
    expect(Array.from(qr.modules)).toEqual(Array.from(expected.data));
  });

  it('refuses an empty payload', () => {
    expect(() => qrCode('')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('ensureFonts', () => {
  it('reads the fonts from ./fonts, with their licence beside them', () => {
    const files = readdirSync(FONT_DIR);
    expect(files).toEqual(expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf', 'LICENSE-DejaVu.txt']));
  });

  it('fails with a Spanish IO error naming the missing files, and registers nothing', async () => {
    vi.resetModules();
    const fresh = await import('../font-registry');
    const empty = mkdtempSync(join(tmpdir(), 'valija-nofonts-'));
    copyFileSync(join(FONT_DIR, 'DejaVuSans.ttf'), join(empty, 'DejaVuSans.ttf'));
    const error = (() => {
      try {
        fresh.ensureFonts(empty);
        return null;
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'IO' });
    expect((error as AppError).message).toMatch(/No se encontraron las fuentes .*DejaVuSans-Bold\.ttf.*DejaVuSansMono\.ttf/);
    expect((error as AppError).message).not.toMatch(/DejaVuSans\.ttf/);
    // Nothing was registered: the real folder still works afterwards.
    expect(() => fresh.ensureFonts()).not.toThrow();
  });
});
