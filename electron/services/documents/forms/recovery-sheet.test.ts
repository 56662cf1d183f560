import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { codeLines, renderRecoverySheet, type RecoverySheetInput } from './recovery-sheet';
import {
  STANDARD_14_FONTS,
  pdfFonts,
  pdfInfo,
  pdfQrTexts,
  pdfReadingText,
  pdfText,
  renderPngs,
  solidPngDataUrl,
  writeTempPdf,
} from '../test-support';

const CODE = '7KQ2-M9XD-ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2';
const VAULT_ID = 'vlt_01JD3K8Q2M7XNV4T9R6WZPB5HC';

function sampleInput(overrides: Partial<RecoverySheetInput> = {}): RecoverySheetInput {
  return {
    office: {
      institution: 'Secretaría de Seguridad Pública del Estado de Hidalgo',
      unit: 'Centro de Comando, Control, Cómputo, Comunicaciones y Calidad (C5i)',
      acronym: 'C5i-SSPH',
      address: 'Carretera México–Pachuca km 84.5, Pachuca de Soto, Hidalgo',
      logoPngDataUrl: solidPngDataUrl(96, [0x69, 0x1c, 0x32]),
    },
    recoveryCode: CODE,
    vaultId: VAULT_ID,
    // 20:05 UTC is 14:05 in Mexico City (UTC−6, no daylight saving since 2022).
    createdAt: '2026-11-23T20:05:00Z',
    createdBy: { fullName: 'Lic. María Fernanda Ríos Ávila', position: 'Jefa del Departamento de Archivo y Correspondencia' },
    ...overrides,
  };
}

/** Collapses the spacing of `pdftotext -layout` so sentences can be searched. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderRecoverySheet', () => {
  let letterFile = '';
  let letterText = '';

  beforeAll(async () => {
    const pdf = await renderRecoverySheet(sampleInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    letterFile = writeTempPdf('hoja-recuperacion-carta', pdf);
    letterText = pdfText(letterFile);
  });

  it('prints the code as given, the office, the vault and its creator', () => {
    expect(letterText).toContain('7KQ2-M9XD-ABCD-EFGH');
    expect(letterText).toContain('JKMN-PQRS-TUVW-XYZ2');
    const text = flat(letterText);
    expect(text).toContain('Hoja de recuperación de la bóveda de Valija');
    expect(text).toContain('Secretaría de Seguridad Pública del Estado de Hidalgo');
    expect(text).toContain('Centro de Comando, Control, Cómputo, Comunicaciones y Calidad (C5i)');
    expect(text).toContain('C5i-SSPH');
    expect(text).toContain(VAULT_ID);
    expect(text).toContain('23/11/2026 14:05');
    expect(text).toContain('Lic. María Fernanda Ríos Ávila');
  });

  it('explains what it is for, how to keep it and how to use it, in Spanish', () => {
    const text = pdfReadingText(letterFile);
    expect(text).toMatch(/si se pierden las contraseñas de todos los administradores/);
    expect(text).toContain('Quien tenga esta hoja puede abrir la bóveda.');
    expect(text).toMatch(/se muestra una sola vez y Valija no guarda una copia/);
    expect(text).toMatch(/sobre cerrado/);
    expect(text).toMatch(/caja fuerte/);
    expect(text).toContain('«Usar código de recuperación»');
    expect(text).toContain('Resguardo de la hoja');
    expect(text).toContain('Guardada por (nombre y cargo)');
    expect(text).toMatch(/Fecha\s+Firma/);
  });

  it('is one page, numbered "Página 1 de 1", letter size by default', () => {
    expect(letterText).toContain('Página 1 de 1');
    const info = pdfInfo(letterFile);
    expect(info.pages).toBe(1);
    expect(info.mediaBox).toEqual([0, 0, 612, 792]);
  });

  it('embeds every font and uses none of the 14 standard fonts', () => {
    const fonts = pdfFonts(letterFile);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, `${font.name} no está incrustada`).toBe(true);
      const base = font.name.replace(/^[A-Z]{6}\+/, '');
      expect(STANDARD_14_FONTS).not.toContain(base);
      expect(base).toMatch(/^DejaVuSans/);
    }
  });

  it('carries only the vault identifier in the QR code, never the recovery code', async () => {
    expect(await pdfQrTexts(letterFile)).toEqual([VAULT_ID]);
  });

  it('renders on A4 when asked', async () => {
    const file = writeTempPdf('hoja-recuperacion-a4', await renderRecoverySheet(sampleInput({ pageSize: 'A4' })));
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.mediaBox.map((n) => Math.round(n))).toEqual([0, 0, 595, 842]);
    expect(pdfText(file)).toContain('Página 1 de 1');
    renderPngs(file, 'hoja-recuperacion-a4');
  });

  it('writes PNG previews to test-results/pdf/', () => {
    const pngs = renderPngs(letterFile, 'hoja-recuperacion-carta');
    expect(pngs).toHaveLength(1);
    console.log(`Vista previa: ${pngs.join(', ')}`);
  });

  it('renders warm fast enough for the interactive path', async () => {
    const input = sampleInput();
    await renderRecoverySheet(input); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const start = performance.now();
      await renderRecoverySheet(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[4] ?? 0;
    console.log(
      `Hoja de recuperación, render en caliente: mediana ${median.toFixed(1)} ms, mínimo ${(times[0] ?? 0).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
    // A generous ceiling: the test is about catching regressions such as re-reading fonts on every render.
    expect(median).toBeLessThan(1500);
  });
});

describe('renderRecoverySheet validation', () => {
  async function refusal(input: RecoverySheetInput): Promise<AppError> {
    const error = await renderRecoverySheet(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('refuses an empty recovery code', async () => {
    const error = await refusal(sampleInput({ recoveryCode: '   ' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Falta el código de recuperación (Hoja de recuperación: no se generó).');
  });

  it('refuses an empty or missing office', async () => {
    const base = sampleInput();
    const empty = await refusal({ ...base, office: { ...base.office, institution: '' } });
    expect(empty.code).toBe('VALIDATION');
    expect(empty.message).toMatch(/nombre de la institución/);
    const noUnit = await refusal({ ...base, office: { ...base.office, unit: '' } });
    expect(noUnit.message).toMatch(/nombre de la unidad/);
    const missing = await refusal({ ...base, office: undefined as unknown as RecoverySheetInput['office'] });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toMatch(/datos de la oficina/);
  });

  it('refuses a bad date, a missing creator, a non-PNG logo and an unknown paper size', async () => {
    const base = sampleInput();
    expect((await refusal({ ...base, createdAt: 'ayer' })).message).toMatch(/fecha de creación/);
    expect((await refusal({ ...base, vaultId: '' })).message).toMatch(/identificador de la bóveda/);
    expect((await refusal({ ...base, createdBy: { fullName: '', position: 'Jefa' } })).message).toMatch(/nombre de quien creó/);
    expect((await refusal({ ...base, office: { ...base.office, logoPngDataUrl: 'data:image/jpeg;base64,AAAA' } })).message).toMatch(/PNG/);
    expect((await refusal({ ...base, pageSize: 'LEGAL' as unknown as 'A4' })).message).toMatch(/carta o A4/);
  });
});

describe('codeLines', () => {
  it('keeps the groups as given, four per line', () => {
    expect(codeLines(CODE)).toEqual(['7KQ2-M9XD-ABCD-EFGH', 'JKMN-PQRS-TUVW-XYZ2']);
    expect(codeLines('ABCD-EFGH')).toEqual(['ABCD-EFGH']);
    expect(codeLines('ABCDEFGHJKMNPQRSTUVW')).toEqual(['ABCDEFGHJKMNPQRS', 'TUVW']);
  });
});
