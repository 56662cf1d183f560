import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { FORMS_PNG_DIR, STANDARD_14_FONTS, pdfFonts, pdfHasQr, pdfInfo, pdfQrTexts, pdfReadingText, pdfText, renderPngs, solidPngDataUrl, writeTempPdf } from '../test-support';
import {
  LABEL_SIZES,
  defaultBlankRows,
  formQrText,
  passphraseLines,
  renderApprovalForm,
  renderCustodyRegister,
  renderEnvelopeCover,
  renderEnvelopeLabel,
  renderForm,
  renderMediaManifest,
  renderOpeningKeySheet,
  renderReceipt,
  releaseQrText,
  renderReleaseAuthorization,
  type EnvelopeCoverInput,
} from './index';
import {
  SAMPLE_BASE,
  SAMPLE_RECIPIENT,
  sampleApprovalInput,
  sampleCustodyInput,
  sampleInventory,
  sampleManifestInput,
  sampleOpeningKeyInput,
  sampleProgrammeComplianceInput,
  sampleReceiptInput,
  sampleReleaseAuthorizationInput,
} from './form-samples';

/** pdftotext -layout with the spacing collapsed, so phrases can be searched. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

interface Checked {
  file: string;
  text: string;
  /** Layout text and reading-order text, collapsed: table cells are searched in the second. */
  flat: string;
  pages: number;
  pngs: string[];
}

/** Writes the PDF, checks its fonts are all embedded, and rasterises it to test-results/forms/. */
function check(name: string, pdf: Buffer): Checked {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = writeTempPdf(name, pdf);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `fuente no incrustada: ${font.name}`).toBe(true);
    expect(STANDARD_14_FONTS).not.toContain(font.name);
  }
  const text = pdfText(file);
  const pngs = renderPngs(file, name, { dir: FORMS_PNG_DIR, resolution: 60 });
  return { file, text, flat: `${flat(text)} || ${pdfReadingText(file)}`, pages: pdfInfo(file).pages, pngs };
}

const QR_TEXT = formQrText(SAMPLE_BASE);

describe('renderApprovalForm', () => {
  it('prints everything the signers vouch for, the digest in full and the QR', async () => {
    const input = sampleApprovalInput({ office: { ...SAMPLE_BASE.office, logoPngDataUrl: solidPngDataUrl(96, [0x69, 0x1c, 0x32]) } });
    const out = check('autorizacion', await renderApprovalForm(input));
    const t = out.flat;
    for (const expected of [
      'Formato de autorización de envío de información',
      'Secretaría de Seguridad Pública del Estado de Oaxaca',
      'C5/DG/0042/2026',
      'Fiscalía General del Estado de Oaxaca (FGEO)',
      'Mtra. Laura Patricia Hernández Cruz',
      'Directora de Servicios Periciales',
      'CONV/SSPO-FGEO/014/2025',
      'Medio magnético',
      'SSPO/C5/DG/1187/2026',
      'INFORMACIÓN RESERVADA',
      'Reservada. Fundamento: Artículos 113',
      'Oficio de remisión dirigido a la Dirección de Servicios',
      'KVP50-64G-0A1B2C3D4E',
      'Purga (purge)',
      'nwipe 0.36',
      'Ing. Roberto Carlos Matus Ruiz',
      'Entrega en mano a la persona destinataria',
      'Elaboró',
      'Revisó (Jurídico)',
      'Autorizó (Director General)',
      'Lic. José Antonio Pérez Luna',
      'Titular de la Unidad de Asuntos Jurídicos',
      'Mtro. Eduardo Martínez Salinas',
      'Director General del C5',
      '10 partidas',
      '20 archivos',
    ]) {
      expect(t, expected).toContain(expected);
    }
    const media = input.media;
    if (!media) throw new Error('sample without media');
    const file = media.files[4];
    if (!file) throw new Error('sample without files');
    // The hash is printed in two halves of 32, the long name cut after a separator.
    expect(t).toContain(file.sha256.slice(0, 32));
    expect(t).toContain(file.sha256.slice(32));
    expect(t).toContain('data/videograbaciones/camara_VC-114_');
    expect(t).toContain(new Intl.NumberFormat('es-MX').format(file.size));
    // The content digest appears in full (in groups) next to the QR, with the chain head.
    expect(out.text.replace(/\s+/g, '')).toContain(SAMPLE_BASE.contentDigest);
    expect(t).toContain(SAMPLE_BASE.chainHead);
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
    expect(QR_TEXT).toBe(`VALIJA|C5/DG/0042/2026|${SAMPLE_BASE.contentDigest}|${SAMPLE_BASE.chainHead}`);
    expect(t).toContain(`Página 1 de ${out.pages}`);
    expect(t).toContain(`Página ${out.pages} de ${out.pages}`);
    expect(t).not.toContain('ANULADA');
    expect(t).not.toContain('REIMPRESIÓN');
  });

  it('says «sin movimientos aún» before any custody event, one page numbering, and the folio atop every later page', async () => {
    const out = check('autorizacion-sin-eventos', await renderApprovalForm(sampleApprovalInput({ chainHead: '0' })));
    expect(out.flat).toContain('CADENA DE CUSTODIA (ÚLTIMO ESLABÓN) sin movimientos aún');
    expect(out.flat).not.toMatch(/ÚLTIMO ESLABÓN\)\s+0\b/);
    expect(out.flat).not.toContain('Hoja:');
    const pages = out.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
      // The first lines of a later page name the sheet: the classification banner, then acronym and folio.
      if (index > 0) expect(page.split('\n').slice(0, 4).join(' ')).toContain('C5-SSPO · Folio C5/DG/0042/2026');
    });
    const again = check('autorizacion-hoja2', await renderApprovalForm(sampleApprovalInput({ sheetVersion: 2, channel: 'oficio', media: null, inventory: sampleInventory(2) })));
    expect(again.flat).toMatch(/Versión de la hoja:\s*2/);
  }, 90_000);

  it('continues a long inventory on page 2 with "Página 2 de 2"', async () => {
    const out = check('autorizacion-larga', await renderApprovalForm(sampleApprovalInput({ channel: 'oficio', media: null, inventory: sampleInventory(14) })));
    expect(out.pages).toBe(2);
    expect(out.flat).toContain('Página 2 de 2');
    expect(out.flat).toContain('14 partidas');
    // The header of the table repeats on the second page.
    const second = out.text.split('\f')[1] ?? '';
    expect(second).toContain('Descripción');
  });

  it('prints on A4, marks a reprint and a voided sheet on every page', async () => {
    const out = check(
      'autorizacion-a4-anulada',
      await renderApprovalForm(
        sampleApprovalInput({
          pageSize: 'A4',
          reprint: 2,
          voided: { reason: 'Se modificó el inventario después de imprimir la hoja.', at: '2026-11-25T17:00:00Z' },
        }),
      ),
    );
    expect(pdfInfo(out.file).mediaBox.map((n) => Math.round(n))).toEqual([0, 0, 595, 842]);
    const pages = out.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBe(out.pages);
    for (const page of pages) {
      expect(page).toContain('REIMPRESIÓN 2');
      expect(page).toContain('ANULADA');
    }
    expect(out.flat).toContain('HOJA ANULADA: no debe firmarse ni entregarse.');
    expect(out.flat).toContain('Se modificó el inventario después de imprimir la hoja. Anulada el 25/11/2026 11:00.');
  });

  it('prints a public sealed-envelope shipment without banner and with the envelope data', async () => {
    const out = check(
      'autorizacion-sobre',
      await renderApprovalForm(
        sampleApprovalInput({
          channel: 'sobre_cerrado',
          classification: { level: 'publica' },
          media: null,
          inventory: sampleInventory(3),
          envelope: { envelopeSize: 'Bolsa oficio', sheets: 45, seals: ['SSPO-004711', 'SSPO-004712'], packingNotes: 'Doble sobre, firmado en la solapa.' },
          signers: { preparedBy: { name: 'Lic. María Fernanda Ríos Ávila', position: 'Jefa de Archivo' } },
        }),
      ),
    );
    expect(out.flat).not.toContain('INFORMACIÓN');
    expect(out.flat).toContain('Sobre cerrado');
    expect(out.flat).toContain('SSPO-004711, SSPO-004712');
    expect(out.flat).toContain('Doble sobre, firmado en la solapa.');
  });

  it('refuses an input that would print a wrong sheet', async () => {
    const bad = [
      sampleApprovalInput({ contentDigest: 'abc' }),
      sampleApprovalInput({ folio: 'C5|DG' }),
      sampleApprovalInput({ classification: { level: 'reservada' } }),
      sampleApprovalInput({ inventory: [] }),
      sampleApprovalInput({ pageSize: 'LEGAL' as 'A4' }),
    ];
    for (const input of bad) {
      await expect(renderApprovalForm(input)).rejects.toBeInstanceOf(AppError);
      await expect(renderApprovalForm(input)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
  });
});

const COVER: EnvelopeCoverInput = {
  ...SAMPLE_BASE,
  recipient: SAMPLE_RECIPIENT,
  classification: { level: 'confidencial', legalBasis: 'Artículo 116 de la LGTAIP' },
  channel: 'sobre_cerrado',
  seals: ['SSPO-004711', 'SSPO-004712', 'SSPO-004713', 'SSPO-004714'],
  sheets: 45,
  envelopeSize: 'Bolsa oficio',
  coveringOficio: 'SSPO/C5/DG/1187/2026',
  sealedAt: '2026-11-24T16:30:00Z',
};

describe('envelope cover and labels', () => {
  it('prints the cover: big classification mark, recipient, folio, seals, sender; never the subject', async () => {
    const out = check('caratula-sobre', await renderEnvelopeCover(COVER));
    expect(out.pages).toBe(1);
    for (const expected of ['CONFIDENCIAL', 'Mtra. Laura Patricia Hernández Cruz', 'REMITENTE', 'C5/DG/0042/2026', 'SSPO-004714', 'Bolsa oficio', '45 hojas', 'Página 1 de 1']) {
      expect(out.flat, expected).toContain(expected);
    }
    expect(out.flat).not.toContain('videograbaciones');
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
  });

  it('prints no classification mark for public information', async () => {
    const out = check('caratula-sobre-publica', await renderEnvelopeCover({ ...COVER, classification: { level: 'publica' } }));
    expect(out.flat).not.toContain('CONFIDENCIAL');
    expect(out.flat).not.toContain('RESERVADA');
  });

  it.each(Object.keys(LABEL_SIZES) as (keyof typeof LABEL_SIZES)[])('prints the %s label on its own stock', async (labelSize) => {
    const out = check(`etiqueta-${labelSize}`, await renderEnvelopeLabel({ ...COVER, labelSize, reprint: 1 }));
    const size = LABEL_SIZES[labelSize];
    expect(pdfInfo(out.file).mediaBox.map((n) => Math.round(n))).toEqual([0, 0, size.width, size.height]);
    expect(out.pages).toBe(1);
    expect(out.flat).toContain('C5/DG/0042/2026');
    expect(out.flat).toContain('CONFIDENCIAL');
    expect(out.flat).toContain('SSPO-004711');
    expect(out.flat).toContain('REIMPRESIÓN 1');
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
  });

  it('refuses an unknown label size', async () => {
    await expect(renderEnvelopeLabel({ ...COVER, labelSize: 'sobre_c4' as 'media_carta' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('renderCustodyRegister', () => {
  it('prints the recorded handoffs and blank rows with signature cells, in landscape', async () => {
    const input = sampleCustodyInput(3);
    const out = check('cadena-custodia', await renderCustodyRegister(input));
    const [w, h] = pdfInfo(out.file).mediaBox.slice(2);
    expect(w).toBeGreaterThan(h ?? 0);
    for (const expected of [
      'Registro de cadena de custodia',
      '24/11/2026 10:30',
      'Sellado del paquete',
      'Entrega a mensajería',
      'Pol. 2o. Juan Carlos',
      'Mensajero oficial',
      'Identificación: Gafete',
      'Oficialía de Partes, FGEO',
      'Íntegros: sí',
      'Sin novedad.',
      'SSPO-004711, SSPO-004712',
      'Último eslabón',
    ]) {
      expect(out.flat, expected).toContain(expected);
    }
    const blank = input.blankRows ?? defaultBlankRows(3);
    expect(blank).toBeGreaterThanOrEqual(4);
    // Every blank row has Entrega and Recibe signature cells.
    expect(out.text.match(/Firma/g)?.length).toBe(blank * 2);
    expect(out.flat).toContain(`Página ${out.pages} de ${out.pages}`);
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
  });

  it('continues a long log on the next pages, flags broken seals and honours blankRows', async () => {
    const out = check('cadena-custodia-larga', await renderCustodyRegister(sampleCustodyInput(9, { blankRows: 4 })));
    expect(out.pages).toBeGreaterThanOrEqual(2);
    expect(out.flat).toContain(`Página 2 de ${out.pages}`);
    expect(out.flat).toContain('Íntegros: NO');
    expect(out.flat).toContain('desprendimiento parcial');
    expect(out.text.match(/Firma/g)?.length).toBe(8);
  });

  it('fills the page with at least four blank rows', () => {
    expect(defaultBlankRows(0)).toBeGreaterThanOrEqual(4);
    expect(defaultBlankRows(3)).toBeGreaterThanOrEqual(4);
    expect(defaultBlankRows(40, 'A4')).toBeGreaterThanOrEqual(4);
  });
});

describe('renderReceipt', () => {
  it('prints folio, what was received, seals to check, lines to fill and the stamp box', async () => {
    const out = check('acuse', await renderReceipt(sampleReceiptInput()));
    for (const expected of [
      'Acuse de recibo',
      'C5/DG/0042/2026',
      'Oficio de remisión dirigido a la Dirección de Servicios',
      '4 partidas',
      'SSPO-004711',
      'SSPO-004712',
      'Íntegro',
      'Nombre',
      'Cargo',
      'Fecha y hora',
      'Firma',
      'Sello de la dependencia',
      'Devuelva este acuse firmado y sellado a Archivo y Correspondencia del C5',
    ]) {
      expect(out.flat, expected).toContain(expected);
    }
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
  });
});

describe('media manifest and opening key sheet', () => {
  it('prints the medium, its sanitisation, every file and how to verify it', async () => {
    const input = sampleManifestInput();
    const out = check('manifiesto-medio', await renderMediaManifest(input));
    for (const expected of [
      'Manifiesto de medio magnético',
      'KVP50-64G-0A1B2C3D4E',
      'Purga (purge)',
      'Lic. Ana Sofía Vásquez Santiago',
      '12 archivos',
      'BagIt 1.0',
      'sha256sum -c manifest-sha256.txt',
      'Get-FileHash -Algorithm SHA256',
      'age -d -o envio-C5-DG-0042-2026.tar envio-C5-DG-0042-2026.tar.age',
      'tar -xf envio-C5-DG-0042-2026.tar',
      'Clave de apertura',
    ]) {
      expect(out.flat, expected).toContain(expected);
    }
    for (const file of input.media.files) expect(out.flat).toContain(file.sha256.slice(32));
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
  });

  it('leaves out the age step when the payload is not encrypted', async () => {
    const out = check('manifiesto-medio-sin-cifrar', await renderMediaManifest(sampleManifestInput({ encryption: null, media: sampleManifestInput().media })));
    expect(out.flat).not.toContain('age -d');
  });

  it('prints the passphrase large and in groups, how to decrypt, and keeps it out of the QR', async () => {
    const input = sampleOpeningKeyInput();
    const out = check('clave-apertura', await renderOpeningKeySheet(input));
    expect(out.pages).toBe(1);
    expect(out.text.replace(/\s+/g, '')).toContain(input.passphrase);
    expect(out.flat).toContain('Entregue esta hoja por separado del medio.');
    expect(out.flat).toContain('age -d -o envio-C5-DG-0042-2026.tar envio-C5-DG-0042-2026.tar.age');
    expect(out.flat).toContain('Enter passphrase:');
    expect(await pdfHasQr(out.file, QR_TEXT)).toBe(true);
    expect(QR_TEXT).not.toContain('ancla');
  });

  it('names every encrypted file when the medium holds several, and decrypts them all (Linux and Windows)', async () => {
    const encryptedFiles = ['data/camara_VC-114.mp4.age', 'data/reporte_911.pdf.age', 'data/bitácora.xlsx.age'];
    const encryption = { encryptedFileName: 'data/*.age', outputName: 'data/*', encryptedFiles };
    const key = check('clave-apertura-varios', await renderOpeningKeySheet(sampleOpeningKeyInput({ encryption })));
    const manifest = check('manifiesto-medio-varios', await renderMediaManifest(sampleManifestInput({ encryption })));
    for (const out of [key, manifest]) {
      expect(out.flat).toContain('3 archivos: data/camara_VC-114.mp4.age, data/reporte_911.pdf.age, data/bitácora.xlsx.age');
      expect(out.flat).toContain('for f in data/*.age; do');
      expect(out.flat).toContain('age -d -o "${f%.age}" "$f"');
      expect(out.flat).toContain('Get-ChildItem data\\*.age');
      expect(out.flat).not.toContain('ARCHIVO');
    }
    expect(manifest.flat).toContain('Get-Content -Encoding UTF8');
  });

  it('groups a passphrase without separators in fours', () => {
    expect(passphraseLines('ABCDEFGHJKMNPQRSTUVWXYZ2')).toEqual({ lines: ['ABCD EFGH JKMN PQRS TUVW', 'XYZ2'], grouped: true });
    const words = passphraseLines('ancla-violeta-sonido-mapa-trueno-cobre-lienzo-faro-nube-reloj');
    expect(words.grouped).toBe(false);
    expect(words.lines.join('')).toBe('ancla-violeta-sonido-mapa-trueno-cobre-lienzo-faro-nube-reloj');
  });
});

describe('renderForm', () => {
  it('dispatches by name and refuses unknown names', async () => {
    const pdf = await renderForm('openingKey', sampleOpeningKeyInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(renderForm('nope' as 'approval', sampleApprovalInput())).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('renderReleaseAuthorization', () => {
  it('prints the whole text over more than one page, the materials with their SHA-256, the legal review, the veda and four signature blocks, and the QR', async () => {
    const input = sampleReleaseAuthorizationInput();
    const out = check('autorizacion-difusion', await renderForm('release-authorization', input));
    // Text and tables fill two pages; integrity and signatures, kept together, go to the third.
    expect(out.pages).toBe(3);
    const t = out.flat;
    for (const expected of [
      'Formato de autorización de difusión',
      'Secretaría de Seguridad Pública del Estado de Oaxaca',
      'CS-2026-0007',
      'Versión de la hoja',
      'Boletín de prensa',
      'Inicia el operativo «Invierno Seguro 2026» en los corredores turísticos',
      'Centro Estatal de Emergencias',
      'Facebook · @SSPOaxaca (oficial)',
      'Prensa escrita · El Imparcial de Oaxaca',
      '15/12/2026 10:00',
      'No publicar antes del 15/12/2026 09:00',
      'PERIODO DE VEDA: Veda electoral del proceso local extraordinario 2026',
      'Excepción invocada: Información de protección civil',
      'infografia-invierno-seguro-2026',
      'video-recomendaciones-911-',
      '845,311 B (845.3 KB)',
      '¿Se evita promoción personalizada de servidores públicos?',
      'Sin responder',
      'Se retiró el nombre del titular del segundo párrafo.',
      'Procede su difusión',
      'Elaboró',
      'Validó el área',
      'Lic. Elena Vargas Soto',
      'Revisó (Jurídico)',
      'Autorizó (Director General)',
      'Mtro. Eduardo Martínez Salinas',
      'Registrado en Valija el 14/12/2026 12:05',
      '2 materiales, con su huella en la tabla de materiales',
      'Página 1 de 3',
      'Página 3 de 3',
    ]) {
      expect(t, expected).toContain(expected);
    }
    // Every paragraph of the text, the last one included, is printed whole.
    for (const paragraph of input.body.split('\n')) expect(pdfReadingText(out.file).replace(/\s+/g, ' ')).toContain(paragraph.slice(-60));
    for (const m of input.materials) {
      expect(t).toContain(m.sha256.slice(0, 32));
      expect(t).toContain(m.sha256.slice(32));
    }
    // The digest in full, in two halves beside its label.
    expect(pdfReadingText(out.file).replace(/\s+/g, '')).toContain(input.contentDigest);
    expect(t).not.toContain('INFORMACIÓN PÚBLICA');
    expect(t).not.toContain('REIMPRESIÓN');
    expect(t).not.toContain('URGENTE');
    expect(t).not.toContain('No aplica');
    const qr = releaseQrText({ folio: 'CS-2026-0007', sheetVersion: 2, contentDigest: input.contentDigest });
    expect(qr).toBe(`VALIJA-DIFUSION|CS-2026-0007|2|${input.contentDigest}`);
    expect(await pdfQrTexts(out.file)).toEqual([qr]);
  });

  it('says «No aplica» where no area validates, marks a reprint, the urgent path and a reserved release on every page', async () => {
    const input = sampleReleaseAuthorizationInput({
      body: 'Aviso breve a la población sobre el cierre temporal de la autopista.',
      materials: [],
      blackout: null,
      embargoUntil: null,
      classification: 'reservada',
      legalBasis: 'Art. 110 fracc. V LFTAIP, hasta la conclusión del operativo',
      reprint: 2,
      sheetVersion: 1,
      urgent: { authorizedBy: 'Mtro. Eduardo Martínez Salinas', at: '2026-12-14T20:00:00.000Z' },
      signers: { ...sampleReleaseAuthorizationInput().signers, validatedBy: null },
      pageSize: 'A4',
    });
    const out = check('autorizacion-difusion-urgente', await renderReleaseAuthorization(input));
    expect(out.pages).toBe(2);
    const t = out.flat;
    for (const expected of [
      'PUBLICACIÓN URGENTE CON AUTORIZACIÓN VERBAL',
      'Se publicó con la autorización de palabra de Mtro. Eduardo Martínez Salinas el 14/12/2026 14:00',
      'Validó el área No aplica',
      'La difusión no lleva materiales adjuntos.',
      'Sin materiales adjuntos',
      'Página 2 de 2',
      'Sin embargo',
      'INFORMACIÓN RESERVADA',
      'Reservada. Fundamento: Art. 110 fracc. V LFTAIP',
      'REIMPRESIÓN 2',
    ]) {
      expect(t, expected).toContain(expected);
    }
    expect(t).not.toContain('PERIODO DE VEDA');
    expect(out.text).not.toContain('Lic. Elena Vargas Soto');
    const [width, height] = pdfInfo(out.file).mediaBox.slice(2);
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
    expect(await pdfHasQr(out.file, `VALIJA-DIFUSION|CS-2026-0007|1|${input.contentDigest}`)).toBe(true);
  });

  it('refuses a sheet without channels or with a digest that is not SHA-256, in Spanish', async () => {
    await expect(renderReleaseAuthorization(sampleReleaseAuthorizationInput({ channels: [] }))).rejects.toMatchObject({ code: 'VALIDATION', message: 'Falta al menos un canal (Autorización de difusión: no se generó).' });
    await expect(renderReleaseAuthorization(sampleReleaseAuthorizationInput({ contentDigest: 'abc' }))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(renderReleaseAuthorization(sampleReleaseAuthorizationInput({ folio: 'CS|7' }))).rejects.toMatchObject({ message: 'El folio no puede contener «|» ni saltos de línea (Autorización de difusión: no se generó).' });
  });
});

describe('renderProgrammeCompliance', () => {
  it('prints the goals against the releases counted and each programme date with its status', async () => {
    const input = sampleProgrammeComplianceInput();
    const out = check('cumplimiento-programa', await renderForm('programmeCompliance', input));
    expect(out.pages).toBe(1);
    for (const expected of [
      'Cumplimiento del programa anual de comunicación',
      'Programa de ejemplo SLP 2021',
      'febrero de 2021',
      'Metas del programa',
      'Boletín de prensa: 2 al mes',
      'Falta 1',
      'Fechas del programa',
      'Cobertura de sesión de CMSP - Zona Altiplano',
      'Todo el mes (01/02/2021 al 28/02/2021)',
      'Día de la Bandera',
      'Sin difusión',
      'Día Naranja - Día Internacional para la Erradicación de la Violencia contra las Mujeres',
      'CS-2021-0006',
      'Difusiones publicadas por tipo',
      'Publicación en redes sociales',
      'Ana Torres Ruiz',
      'Titular de Comunicación Social',
      'Página 1 de 1',
    ]) {
      expect(out.flat, expected).toContain(expected);
    }
    expect(out.pngs.length).toBe(1);
  });

  it('says so when a period has no goals, dates or releases, and refuses a sheet without its period', async () => {
    const out = check('cumplimiento-programa-vacio', await renderForm('programmeCompliance', sampleProgrammeComplianceInput({ goals: [], dates: [], publishedByKind: [] })));
    expect(out.flat).toContain('El programa no tiene metas para este periodo.');
    expect(out.flat).toContain('No se publicó ninguna difusión en este periodo.');
    await expect(renderForm('programmeCompliance', sampleProgrammeComplianceInput({ period: '' }))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
