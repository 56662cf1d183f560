import React from 'react';
import { Text, View } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { planOwnPagination, type PdfNode } from './own-pagination';
import { OfficialDocument, OfficialPage, renderDocument } from './toolkit';
import { renderApprovalForm, renderCustodyRegister, renderEnvelopeCover, renderEnvelopeLabel, renderMediaManifest, renderOpeningKeySheet, renderReceipt } from './forms';
import {
  SAMPLE_BASE,
  SAMPLE_RECIPIENT,
  sampleApprovalInput,
  sampleCustodyInput,
  sampleFiles,
  sampleInventory,
  sampleManifestInput,
  sampleMedia,
  sampleOpeningKeyInput,
  sampleReceiptInput,
} from './forms/form-samples';
import { setDefaultPagination } from './pdf-pipeline';
import { pdfInfo, pdfWords, solidPngDataUrl, writeTempPdf, type PdfWord } from './test-support';

const LOGO = { ...SAMPLE_BASE.office, logoPngDataUrl: solidPngDataUrl(96, [0x69, 0x1c, 0x32]) };
const VOIDED = { reason: 'Se modificó el inventario después de imprimir la hoja.', at: '2026-11-25T17:00:00Z' };
const LONG_NOTE = 'Entrega en mano a la persona destinataria, previa identificación oficial y cotejo del oficio de solicitud. '.repeat(6);

/** Every shape of every form we print: one page and many, headers repeated or not, tables cut at rows. */
const SAMPLES: Array<[string, () => Promise<Buffer>]> = [
  ['approval, heavy (3 pages)', () => renderApprovalForm(sampleApprovalInput({ office: LOGO }))],
  ['approval, oficio', () => renderApprovalForm(sampleApprovalInput({ channel: 'oficio', inventory: sampleInventory(4), media: null }))],
  ['approval, oficio without notes (1 page)', () => renderApprovalForm(sampleApprovalInput({ channel: 'oficio', inventory: sampleInventory(2), media: null, notes: undefined }))],
  ['approval, 14 rows and a long note', () => renderApprovalForm(sampleApprovalInput({ inventory: sampleInventory(14), media: null, channel: 'sobre_cerrado', notes: LONG_NOTE }))],
  ['approval, 60 files', () => renderApprovalForm(sampleApprovalInput({ media: { ...sampleMedia(60), files: sampleFiles(60) } }))],
  ['approval, A4, reprinted and voided', () => renderApprovalForm(sampleApprovalInput({ pageSize: 'A4', reprint: 2, voided: VOIDED }))],
  ['custody register, 3 handoffs', () => renderCustodyRegister(sampleCustodyInput(3))],
  ['custody register, 14 handoffs', () => renderCustodyRegister(sampleCustodyInput(14, { office: LOGO }))],
  ['receipt', () => renderReceipt(sampleReceiptInput())],
  ['receipt, 30 rows', () => renderReceipt(sampleReceiptInput({ inventory: sampleInventory(30) }))],
  ['media manifest, 12 files', () => renderMediaManifest(sampleManifestInput())],
  ['media manifest, 120 files', () => renderMediaManifest(sampleManifestInput({ media: { ...sampleMedia(120), files: sampleFiles(120) } }))],
  ['opening key sheet', () => renderOpeningKeySheet(sampleOpeningKeyInput())],
  [
    'envelope cover',
    () =>
      renderEnvelopeCover({
        ...SAMPLE_BASE,
        recipient: SAMPLE_RECIPIENT,
        classification: { level: 'confidencial', legalBasis: 'Artículo 116 de la LGTAIP' },
        channel: 'sobre_cerrado',
        seals: ['SSPO-004711', 'SSPO-004712'],
        sheets: 45,
        envelopeSize: 'Bolsa oficio',
        sealedAt: '2026-11-24T16:30:00Z',
      }),
  ],
  [
    'envelope label, 4 × 2 in',
    () =>
      renderEnvelopeLabel({
        ...SAMPLE_BASE,
        recipient: SAMPLE_RECIPIENT,
        classification: { level: 'reservada', legalBasis: 'Artículo 113 de la LGTAIP' },
        channel: 'sobre_cerrado',
        seals: ['SSPO-004711'],
        sheets: 3,
        envelopeSize: 'Bolsa oficio',
        sealedAt: '2026-11-24T16:30:00Z',
        labelSize: 'etiqueta_4x2',
      }),
  ],
];

async function rendered(name: string, render: () => Promise<Buffer>, pagination: 'own' | 'react-pdf') {
  const previous = setDefaultPagination(pagination);
  try {
    const file = writeTempPdf(`${name.replace(/\W+/g, '-')}-${pagination}`, await render());
    return { pages: pdfInfo(file).pages, words: pdfWords(file) };
  } finally {
    setDefaultPagination(previous);
  }
}

/** The largest distance, in points, between the same word in the two renders. */
function largestShift(a: PdfWord[], b: PdfWord[]): number {
  return Math.max(0, ...a.map((w, i) => Math.max(Math.abs(w.x - (b[i]?.x ?? Infinity)), Math.abs(w.y - (b[i]?.y ?? Infinity)))));
}

const h = React.createElement;

describe('own pagination', () => {
  it('leaves to react-pdf a block taller than a page, and the text still comes out whole', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => h(Text, { key: i }, `Renglón ${i + 1} de un bloque que no se corta`));
    const render = () => renderDocument(h(OfficialDocument, { title: 'Prueba' }, h(OfficialPage, {}, h(View, { wrap: false }, ...lines))));
    const ours = await rendered('bloque-alto', render, 'own');
    const theirs = await rendered('bloque-alto', render, 'react-pdf');
    expect(ours.words).toEqual(theirs.words);
    expect(ours.words.filter((w) => w.text === 'Renglón')).toHaveLength(80);
  });

  it('does not plan pages it cannot cut: a dynamic `render` node, a fixed block in mid-flow, an unknown page size', () => {
    const page = (children: PdfNode[], props: Record<string, unknown> = {}): PdfNode => ({ type: 'DOCUMENT', children: [{ type: 'PAGE', props: { size: 'LETTER', wrap: true, ...props }, children }] });
    const text = (props: Record<string, unknown> = {}): PdfNode => ({ type: 'TEXT', props, children: [] });
    expect(planOwnPagination(page([text(), text()]))).not.toBeNull();
    expect(planOwnPagination(page([text({ fixed: true }), text()]))).not.toBeNull();
    expect(planOwnPagination(page([text(), text({ render: () => 'Página' })]))).toBeNull();
    expect(planOwnPagination(page([text(), text({ fixed: true })]))).toBeNull();
    expect(planOwnPagination(page([text()], { size: [200, 300] }))).toBeNull();
    expect(planOwnPagination(page([text()], { wrap: false }))).toBeNull();
  });

  it('never cuts a row of the custody register: each blank row keeps its «Hora» and both «Firma» lines on one page', async () => {
    for (const events of [3, 14]) {
      const ours = await rendered(`custody-${events}`, () => renderCustodyRegister(sampleCustodyInput(events, { office: LOGO })), 'own');
      const count = (page: number, text: string) => ours.words.filter((w) => w.page === page && w.text === text).length;
      for (let page = 1; page <= ours.pages; page += 1) expect(count(page, 'Firma'), `página ${page}`).toBe(2 * count(page, 'Hora'));
    }
  });

  it.each(SAMPLES)('%s: the same pages, words and positions as react-pdf’s pagination', async (name, render) => {
    const ours = await rendered(name, render, 'own');
    const theirs = await rendered(name, render, 'react-pdf');
    expect(ours.pages).toBe(theirs.pages);
    expect(ours.words.map((w) => `${w.page} ${w.text}`)).toEqual(theirs.words.map((w) => `${w.page} ${w.text}`));
    // Rounding of the moved boxes aside, every word is where react-pdf puts it.
    expect(largestShift(ours.words, theirs.words)).toBeLessThan(0.5);
  });
});
