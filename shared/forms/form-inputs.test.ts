import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseFormInput } from './form-fields';
import { approvalFormSchema, custodyRegisterSchema, envelopeLabelSchema, officeSchema } from './form-inputs';

const FORM = 'Formato de prueba';
const office = { institution: 'Secretaría de Seguridad', unit: 'C4', acronym: 'C4' };
const base = { office, folio: 'C4/DG/0001/2026', contentDigest: 'A'.repeat(64), chainHead: '0' };
const recipient = { agencyName: 'Fiscalía General', agencyAcronym: 'FGE', name: 'Ana Ruiz', position: 'Directora' };
const approval = {
  ...base,
  generatedAt: '2026-11-30T17:00:00.000Z',
  recipient,
  agreementNumber: 'CONV-01/2026',
  channel: 'oficio',
  subject: 'Estadística mensual',
  classification: { level: 'publica' },
  inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }],
  signers: { preparedBy: { name: 'Luis Mora', position: 'Capturista' } },
};

function refusal(schema: Parameters<typeof parseFormInput>[1], input: unknown): string {
  try {
    parseFormInput(FORM, schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).message;
  }
  throw new Error('the input was accepted');
}

describe('form input schemas', () => {
  it('fills the defaults a form prints and trims what it was given', () => {
    const valid = parseFormInput(FORM, approvalFormSchema, { ...approval, subject: '  Estadística mensual  ' });
    expect(valid).toMatchObject({
      subject: 'Estadística mensual',
      contentDigest: 'a'.repeat(64),
      pageSize: 'LETTER',
      reprint: 0,
      sheetVersion: 1,
      voided: null,
      envelope: null,
      media: null,
      notes: '',
      coveringOficio: '',
      classification: { level: 'publica', legalBasis: '' },
    });
    expect(valid.signers.reviewedBy).toEqual({ name: '', position: '' });
  });

  it('names what is missing and the form that did not print', () => {
    expect(refusal(approvalFormSchema, { ...approval, folio: '   ' })).toBe('Falta el folio (Formato de prueba: no se generó).');
    expect(refusal(approvalFormSchema, null)).toBe('Faltan los datos del formato (Formato de prueba: no se generó).');
    expect(refusal(approvalFormSchema, { ...approval, office: undefined })).toMatch(/^Faltan los datos de la oficina/);
    expect(refusal(approvalFormSchema, { ...approval, inventory: [] })).toMatch(/^El inventario está vacío/);
    expect(refusal(approvalFormSchema, { ...approval, classification: { level: 'reservada' } })).toMatch(/^Falta el fundamento legal/);
    expect(refusal(approvalFormSchema, { ...approval, subject: 'x'.repeat(501) })).toMatch(/admite como máximo 500 caracteres/);
    expect(refusal(approvalFormSchema, { ...approval, folio: 'C4|DG' })).toMatch(/no puede contener «\|»/);
  });

  it('says which entry of a list is wrong', () => {
    const inventory = [...approval.inventory, { description: 'Tarjeta', type: 'tarjeta', quantity: -1 }];
    expect(refusal(approvalFormSchema, { ...approval, inventory })).toBe('«cantidad» debe ser un número entero, en el elemento 2 del inventario (Formato de prueba: no se generó).');
    const event = { at: '2026-11-30T17:00:00.000Z', type: 'Sellado', from: { name: 'Luis' }, to: { name: '' }, recordedBy: 'Luis' };
    const register = { ...base, recipient, classification: { level: 'publica' }, channel: 'oficio', seals: ['S-1'], packageDescription: 'Sobre', events: [event, event] };
    expect(refusal(custodyRegisterSchema, register)).toBe('Falta el nombre de quien recibe, en el evento 1 (Formato de prueba: no se generó).');
  });

  it('keeps only a PNG logo and drops empty optional office fields', () => {
    expect(officeSchema.parse({ ...office, address: ' ', logoPngDataUrl: '' })).toEqual(office);
    expect(refusal(approvalFormSchema, { ...approval, office: { ...office, logoPngDataUrl: 'data:image/jpeg;base64,AAAA' } })).toMatch(/imagen PNG/);
  });

  it('takes a label size instead of a paper size for envelope labels', () => {
    const label = { ...base, recipient, classification: { level: 'publica' }, channel: 'oficio', seals: [], labelSize: 'etiqueta_4x2' };
    expect(parseFormInput(FORM, envelopeLabelSchema, label)).toMatchObject({ labelSize: 'etiqueta_4x2', sheets: null, sealedAt: null });
    expect(refusal(envelopeLabelSchema, { ...label, labelSize: 'sobre_c4' })).toMatch(/^El tamaño de etiqueta no es válido/);
    expect(refusal(envelopeLabelSchema, { ...label, sealedAt: 'ayer' })).toMatch(/fecha de cierre/);
  });
});
