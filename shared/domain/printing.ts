import { z } from 'zod';

/**
 * The paper forms of a shipment (docs/DOMAIN.md, "The paper forms"). Every print is audited and
 * counted: a second print of the same form says «REIMPRESIÓN n».
 */
export const PAPER_FORMS = ['approval', 'envelopeCover', 'envelopeLabel', 'custodyRegister', 'receipt', 'mediaManifest'] as const;
export type PaperForm = (typeof PAPER_FORMS)[number];
export const PAPER_FORM_LABELS: Record<PaperForm, string> = {
  approval: 'Formato de autorización',
  envelopeCover: 'Carátula de sobre',
  envelopeLabel: 'Etiqueta para sobre',
  custodyRegister: 'Registro de cadena de custodia',
  receipt: 'Acuse de recibo',
  mediaManifest: 'Manifiesto de medio magnético',
};

export const PAGE_SIZE_NAMES = ['LETTER', 'A4'] as const;
export const PAGE_SIZE_LABELS: Record<(typeof PAGE_SIZE_NAMES)[number], string> = { LETTER: 'Carta', A4: 'A4' };
export const LABEL_SIZE_NAMES = ['media_carta', 'etiqueta_4x2'] as const;
export const LABEL_SIZE_LABELS: Record<(typeof LABEL_SIZE_NAMES)[number], string> = { media_carta: 'Media carta (8.5 × 5.5 in)', etiqueta_4x2: 'Etiqueta adhesiva 4 × 2 in' };

export const printInputSchema = z
  .object({
    shipmentId: z.string().min(1).max(64),
    form: z.enum(PAPER_FORMS, { error: 'El formato solicitado no existe.' }),
    pageSize: z.enum(PAGE_SIZE_NAMES).default('LETTER'),
    labelSize: z.enum(LABEL_SIZE_NAMES).optional(),
    /** Approval sheet only: an older (voided) sheet; the current one when omitted. */
    sheetVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type PrintInput = z.input<typeof printInputSchema>;
/** A print request as dispatch hands it to the core: parsed, with its defaults. */
export type PrintRequest = z.output<typeof printInputSchema>;
export type PrintOptions = Pick<z.output<typeof printInputSchema>, 'pageSize' | 'labelSize'>;

export interface PrintedForm {
  fileName: string;
  mediaType: string;
  base64: string;
  /** 0 on the first print; n on the n-th reprint (printed as «REIMPRESIÓN n»). */
  reprint: number;
  /** The stored copy of these exact bytes (see PrintedSheetInfo). */
  printedSheetId: string;
  /** SHA-256 of the PDF, hex, as the print's audit entry records it. */
  sha256: string;
}

/**
 * A print kept in the vault: the exact PDF bytes that went to paper,
 * encrypted, with their SHA-256. The signed approval sheet's twin.
 */
export interface PrintedSheetInfo {
  id: string;
  shipmentId: string;
  form: PaperForm;
  /** Approval sheet only: which version of the sheet. */
  sheetVersion?: number;
  /** 0 on the first print; n on the n-th reprint. */
  reprint: number;
  /** ISO-8601. */
  printedAt: string;
  printedBy: string;
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * A print of a form that is not a shipment's (a resguardo, an incident report,
 * a release's authorisation sheet), kept byte for byte in the vault's
 * `kept-prints` stream (electron/services/vault/kept-prints.ts): what its
 * record keeps to list it and read its frame back alone.
 */
export interface KeptPrint {
  id: string;
  /** The form's name in the documents registry, e.g. `custodyAcknowledgement`. */
  form: string;
  /** Which record it belongs to, e.g. `custodia:<id>`; checked when it is read back. */
  subject: string;
  /** 0 on the first print of this form for this subject; n on the n-th reprint. */
  reprint: number;
  printedAt: string;
  printedBy: string;
  fileName: string;
  size: number;
  sha256: string;
  /** [partition, index, offset, total] of its frame. */
  frame: [string, number, number, number];
}
