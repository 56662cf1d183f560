import React from 'react';
import { describe, expect, it } from 'vitest';
import { OfficialDocument, OfficialPage, SimpleTable } from '.';
import { renderDocument } from '../render-document';
import { pdfInfo, pdfWords, writeTempPdf } from '../test-support';

const h = React.createElement;

function tableOf(rows: number): React.ReactElement {
  return h(
    OfficialDocument,
    { title: 'Tabla' },
    h(
      OfficialPage,
      null,
      h(SimpleTable, {
        columns: [
          { header: 'No.', width: 0.6, align: 'center' },
          { header: 'Descripción', width: 6 },
          { header: 'Sello', width: 2, mono: true },
        ],
        rows: Array.from({ length: rows }, (_, i) => [String(i + 1), [`Renglón ${i + 1} de la relación`, 'segunda línea de la celda'], { lines: [{ text: `SS-${1000 + i}` }, { text: 'Íntegro', bold: true }] }]),
      }),
    ),
  );
}

describe('SimpleTable', () => {
  it('prints every row as real text, repeats the header on each page and never splits a row across pages', async () => {
    const file = writeTempPdf('tabla-larga', await renderDocument(tableOf(60)));
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThan(1);
    const words = pdfWords(file);
    for (let page = 1; page <= pages; page += 1) expect(words.some((w) => w.page === page && w.text === 'Descripción')).toBe(true);
    for (let i = 1; i <= 60; i += 1) {
      // The number, both lines of the description and the seal of a row are on one page.
      const onPages = new Set(words.filter((w) => w.text === `SS-${1000 + i - 1}` || (w.text === String(i) && w.x < 100)).map((w) => w.page));
      const rowWords = words.filter((w) => w.text === `${i}` || w.text === `SS-${1000 + i - 1}`);
      expect(rowWords.length, `renglón ${i}`).toBeGreaterThan(0);
      expect(onPages.size, `renglón ${i} partido entre páginas`).toBe(1);
    }
  });
});
