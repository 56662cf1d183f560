/**
 * The printed bytes are the record: every print of a paper form keeps the
 * exact PDF it produced, encrypted in the vault, with its SHA-256. The
 * approval sheet the Director General signed can then be shown, saved or
 * exported byte for byte years later, instead of a new rendering that
 * might differ.
 *
 * Each print is one frame of the `prints` stream (a small JSON header, then
 * the PDF bytes as they are), and the shipment keeps the print's entry with
 * where that frame lies (Shipment.prints). Storing a print then costs one
 * append, whatever the vault already holds, and nothing about prints is
 * kept in memory but the shipments being looked at.
 *
 * Vaults written before kept each PDF as base64 in a document of its own,
 * listed in the `printed-sheets` document, and counted prints in
 * `form-prints`. Those are still read, never written again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PaperForm, PrintedSheetInfo } from '../../../shared/domain/printing';
import type { Shipment, ShipmentPrint } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import type { UnlockedVault } from '../vault';
import type { FrameCodec } from '../vault/frame-codec';
import { pdfFrameCodec } from '../vault/kept-prints';
import { legacyPrintCountsDoc, legacyPrintsDoc, readBlob, type LegacyPrint } from '../vault/documents';

export const PRINTS_STREAM = 'prints';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A print's frame: its list entry, then the PDF. */
export interface PrintFrame {
  info: PrintedSheetInfo;
  pdf: Buffer;
}

export const printFrames: FrameCodec<PrintFrame> = pdfFrameCodec<PrintedSheetInfo>();

export type NewPrint = Omit<ShipmentPrint, 'id' | 'size' | 'sha256' | 'frame'>;

export class PrintedSheets {
  private legacy: Promise<{ sheets: LegacyPrint[]; counts: Record<string, number> }> | null = null;

  constructor(private readonly vault: UnlockedVault) {}

  /** How many times this form (and variant) of the shipment was printed before: the next print's reprint number. */
  async printedBefore(shipment: Shipment, form: PaperForm, variant: string): Promise<number> {
    const earlier = (await this.legacyPrints()).counts[`${shipment.id}|${form}|${variant}`] ?? 0;
    return earlier + (shipment.prints ?? []).filter((p) => p.form === form && p.variant === variant).length;
  }

  /** Appends the PDF to the `prints` stream (durable when this resolves) and returns the entry the shipment keeps. */
  async store(shipment: Shipment, print: NewPrint, pdf: Buffer, at: Date): Promise<ShipmentPrint> {
    const id = `impreso-${randomUUID()}`;
    const info: PrintedSheetInfo = {
      id,
      shipmentId: shipment.id,
      form: print.form,
      ...(print.sheetVersion === undefined ? {} : { sheetVersion: print.sheetVersion }),
      reprint: print.reprint,
      printedAt: print.printedAt,
      printedBy: print.printedBy,
      fileName: print.fileName,
      size: pdf.length,
      sha256: sha256Hex(pdf),
    };
    const stream = await this.vault.stream<PrintFrame>(PRINTS_STREAM, printFrames);
    const written = await stream.append({ info, pdf }, { at });
    const ref = written.refs[0] as { offset: number; total: number };
    const { shipmentId: _shipmentId, ...entry } = info;
    return { ...entry, variant: print.variant, frame: [written.partition, written.index, ref.offset, ref.total] };
  }

  /** A shipment's prints, oldest first. */
  async of(shipment: Shipment): Promise<PrintedSheetInfo[]> {
    const earlier = (await this.legacyPrints()).sheets.filter((s) => s.shipmentId === shipment.id).map(legacyInfo);
    return [...earlier, ...(shipment.prints ?? []).map((p) => printInfo(shipment.id, p))];
  }

  /** The stored bytes of one print, checked against the SHA-256 recorded when it was printed. */
  async bytes(shipment: Shipment, id: string): Promise<{ record: PrintedSheetInfo; pdf: Buffer }> {
    const entry = (shipment.prints ?? []).find((p) => p.id === id);
    if (entry) {
      const [month, index, offset, total] = entry.frame;
      const stream = await this.vault.stream<PrintFrame>(PRINTS_STREAM, printFrames);
      const { info, pdf } = await stream.readAt(month, index, { offset, total });
      return { record: printInfo(shipment.id, entry), pdf: checked(info.id === id ? pdf : Buffer.alloc(0), entry.sha256, entry.fileName) };
    }
    const old = (await this.legacyPrints()).sheets.find((s) => s.id === id && s.shipmentId === shipment.id);
    if (!old) throw new AppError('NOT_FOUND', 'El envío no tiene guardada esa impresión.');
    const blob = await readBlob(this.vault, old.blobId);
    return { record: legacyInfo(old), pdf: checked(Buffer.from(blob.base64, 'base64'), old.sha256, old.fileName) };
  }

  private legacyPrints(): Promise<{ sheets: LegacyPrint[]; counts: Record<string, number> }> {
    this.legacy ??= Promise.all([
      legacyPrintsDoc(this.vault),
      legacyPrintCountsDoc(this.vault),
    ]).then(([index, counts]) => ({ sheets: index.data.sheets, counts: counts.data.counts }));
    return this.legacy;
  }
}

function checked(pdf: Buffer, sha256: string, fileName: string): Buffer {
  if (pdf.length === 0 || sha256Hex(pdf) !== sha256) {
    throw new AppError('VAULT_CORRUPT', `La copia guardada de «${fileName}» no coincide con la huella registrada al imprimirla.`);
  }
  return pdf;
}

function printInfo(shipmentId: string, p: ShipmentPrint): PrintedSheetInfo {
  const { variant: _variant, frame: _frame, ...info } = p;
  return { ...info, shipmentId };
}

function legacyInfo(record: LegacyPrint): PrintedSheetInfo {
  const { blobId: _blobId, ...info } = record;
  return info;
}
