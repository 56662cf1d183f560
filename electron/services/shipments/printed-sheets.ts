/**
 * The printed bytes are the record: every print of a paper form keeps the
 * exact PDF it produced, encrypted in the vault like attachments and scans
 * (one vault document per blob), with its SHA-256. The approval sheet the
 * Director General signed can then be shown, saved or exported byte for
 * byte years later, instead of a new rendering that might differ.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type { PrintedSheetInfo } from '../../../shared/domain/printing';
import { AppError } from '../../../shared/errors';

/** The part of the vault this module uses: its encrypted documents. */
export interface DocumentVault {
  doc<T>(name: string, defaults: T): Promise<Low<T>>;
}

/** A stored print: what the lists show, plus where its bytes live. */
export interface PrintedSheetRecord extends PrintedSheetInfo {
  blobId: string;
}

export type NewPrintedSheet = Omit<PrintedSheetInfo, 'id' | 'size' | 'sha256'>;

const INDEX = 'printed-sheets';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class PrintedSheets {
  private constructor(
    private readonly vault: DocumentVault,
    private readonly index: Low<{ sheets: PrintedSheetRecord[] }>,
  ) {}

  static async open(vault: DocumentVault): Promise<PrintedSheets> {
    return new PrintedSheets(vault, await vault.doc<{ sheets: PrintedSheetRecord[] }>(INDEX, { sheets: [] }));
  }

  /** Stores the bytes (blob first, then the index entry that names it) and returns the entry. */
  async store(sheet: NewPrintedSheet, pdf: Buffer): Promise<PrintedSheetRecord> {
    const blobId = `blob-${randomUUID()}`;
    const blob = await this.vault.doc<{ mediaType: string; base64: string }>(blobId, { mediaType: 'application/pdf', base64: pdf.toString('base64') });
    await blob.write();
    const record: PrintedSheetRecord = { ...sheet, id: `impreso-${randomUUID()}`, size: pdf.length, sha256: sha256Hex(pdf), blobId };
    await this.index.update((d) => d.sheets.push(record));
    return record;
  }

  /** A shipment's prints, oldest first. */
  of(shipmentId: string): PrintedSheetRecord[] {
    return this.index.data.sheets.filter((s) => s.shipmentId === shipmentId);
  }

  /** The stored bytes of one print, checked against the SHA-256 recorded when it was printed. */
  async bytes(shipmentId: string, id: string): Promise<{ record: PrintedSheetRecord; pdf: Buffer }> {
    const record = this.index.data.sheets.find((s) => s.id === id && s.shipmentId === shipmentId);
    if (!record) throw new AppError('NOT_FOUND', 'El envío no tiene guardada esa impresión.');
    const blob = await this.vault.doc<{ mediaType: string; base64: string }>(record.blobId, { mediaType: '', base64: '' });
    const pdf = Buffer.from(blob.data.base64, 'base64');
    if (pdf.length === 0 || sha256Hex(pdf) !== record.sha256) {
      throw new AppError('VAULT_CORRUPT', `La copia guardada de «${record.fileName}» no coincide con la huella registrada al imprimirla.`);
    }
    return { record, pdf };
  }
}

/** The list entry without where the bytes live. */
export function sheetInfo(record: PrintedSheetRecord): PrintedSheetInfo {
  const { blobId: _blobId, ...info } = record;
  return info;
}
