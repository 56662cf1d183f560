import React from 'react';
import { View } from '@react-pdf/renderer';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontData, warmFonts, type FontkitFont } from './font-registry';
import { wrapLine } from './painted-text';
import { OfficialDocument, OfficialPage, SimpleTable, renderDocument, type TableCell } from './toolkit';
import { pdfInfo, pdfReadingText, pdfText, writeTempPdf } from './test-support';

const h = React.createElement;

let sans: FontkitFont;
let mono: FontkitFont;
beforeAll(async () => {
  await warmFonts();
  sans = fontData('sans');
  mono = fontData('mono');
});

const width = (font: FontkitFont, size: number, text: string) => (font.layout(text).advanceWidth * size) / font.unitsPerEm;

describe('wrapLine', () => {
  it('keeps a line that fits, with its measured width', () => {
    const [line, ...rest] = wrapLine('Oficio de remisión', sans, 9.5, 200);
    expect(rest).toEqual([]);
    expect(line?.text).toBe('Oficio de remisión');
    expect(line?.width).toBeCloseTo(width(sans, 9.5, 'Oficio de remisión'), 5);
  });

  it('breaks at spaces so that no line is wider than the room, losing no word', () => {
    const text = 'Relación de vehículos con reporte de robo detectados por el sistema LPR en el corredor Centro Histórico';
    const lines = wrapLine(text, sans, 9.5, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(width(sans, 9.5, line.text)).toBeLessThanOrEqual(120);
    expect(lines.map((line) => line.text).join(' ')).toBe(text);
  });

  it('cuts a path longer than the cell after a separator, and a word with none where it stops fitting', () => {
    const path = 'data/videograbaciones/camara_VC-114_cruce_simbolos_patrios_2026-11-23_005.mp4';
    const lines = wrapLine(path, sans, 8, 150);
    expect(lines.map((line) => line.text).join('')).toBe(path);
    for (const line of lines.slice(0, -1)) expect('/_-.').toContain(line.text.at(-1));
    const hash = 'f'.repeat(64);
    const cut = wrapLine(hash, mono, 8, 100);
    expect(cut.map((line) => line.text).join('')).toBe(hash);
    for (const line of cut) expect(line.width).toBeLessThanOrEqual(100);
  });

  it('leaves a short word whole when it only runs into the padding', () => {
    const room = width(sans, 9, 'No.') - 2;
    expect(wrapLine('No.', sans, 9, room, 4).map((line) => line.text)).toEqual(['No.']);
    expect(wrapLine('No.', sans, 9, room).length).toBeGreaterThan(1);
  });
});

function tableDocument(rows: TableCell[][], options: { inset?: number } = {}): React.ReactElement {
  const table = h(SimpleTable, {
    columns: [
      { header: 'No.', width: 0.6, align: 'center' },
      { header: 'Descripción', width: 6 },
      { header: 'SHA-256', width: 3.6, mono: true },
    ],
    rows,
    zebra: true,
  });
  return h(
    OfficialDocument,
    { title: 'Tabla' },
    h(OfficialPage, { footerNote: 'Prueba de tablas' }, options.inset ? h(View, { style: { paddingHorizontal: options.inset } }, table) : table),
  );
}

const hash = (i: number) => `${String(i).padStart(2, '0')}${'ab'.repeat(15)} ${'cd'.repeat(16)}`;

describe('painted tables', () => {
  it('prints every row as real text, repeats the header on the next page and numbers the pages', async () => {
    const rows = Array.from({ length: 45 }, (_, i): TableCell[] => [String(i + 1), `Registro de incidencias número ${i + 1} del corredor Centro`, hash(i)]);
    const file = writeTempPdf('painted-table', await renderDocument(tableDocument(rows)));
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfReadingText(file);
    for (let i = 0; i < rows.length; i += 1) expect(text).toContain(`Registro de incidencias número ${i + 1} del corredor Centro`);
    // The hash is wider than its column: cut into lines, but every character is there, in order.
    expect(text.replace(/\s/g, '')).toContain(hash(44).replace(' ', ''));
    expect(text.match(/Descripción/g)?.length).toBe(pages);
    expect(text).toContain(`Página ${pages} de ${pages}`);
  });

  it('prints the same text on the second render as on the first (pdfkit must not rescale cached glyph positions)', async () => {
    const rows = [['1', 'Oficio de remisión dirigido a la Dirección de Servicios Periciales', hash(1)]];
    const first = pdfText(writeTempPdf('painted-first', await renderDocument(tableDocument(rows))));
    const second = pdfText(writeTempPdf('painted-second', await renderDocument(tableDocument(rows))));
    expect(second).toBe(first);
    expect(second).toMatch(/Oficio de remisión dirigido a la Dirección de/);
  });

  it('lines up rows built from elements with painted rows', async () => {
    const rows: TableCell[][] = [
      ['1', 'Fila de texto', hash(1)],
      ['2', h(View, null, h(View, { style: { height: 30 } })), ''],
    ];
    const text = pdfReadingText(writeTempPdf('painted-mixed', await renderDocument(tableDocument(rows))));
    expect(text).toContain('Fila de texto');
    expect(text).toContain('2');
  });

  it('refuses a text table narrower than the page instead of drawing it out of place', async () => {
    const rows = [['1', 'Fila', hash(1)]];
    await expect(renderDocument(tableDocument(rows, { inset: 20 }))).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
