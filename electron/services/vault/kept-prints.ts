/**
 * The printed bytes are the record, for every paper form that is not a
 * shipment's (a password custodian's resguardo, an incident report, the
 * public directory, a release's authorisation sheet): each print keeps the
 * exact PDF it produced, encrypted in the vault, with its SHA-256, so the
 * sheet somebody signed can be shown or saved again byte for byte.
 *
 * Each print is one frame of the `kept-prints` stream (a small JSON header,
 * then the PDF bytes as they are, like the shipments' `prints` stream), and
 * the record it belongs to keeps the returned `KeptPrint` with where that
 * frame lies. Storing a print costs one append; nothing is held in memory.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { KeptPrint } from '../../../shared/domain/printing';
import { AppError } from '../../../shared/errors';
import type { FrameCodec } from './frame-codec';
import type { UnlockedVault } from './vault';

export type { KeptPrint } from '../../../shared/domain/printing';

export const KEPT_PRINTS_STREAM = 'kept-prints';

type KeptPrintHeader = Omit<KeptPrint, 'frame'>;

type KeptPrintFrame = { info: KeptPrintHeader; pdf: Buffer };

/** A print's frame: [header length, 4 bytes big-endian][header JSON][PDF bytes]; the PDF is stored as it is, not as base64. */
export function pdfFrameCodec<I>(): FrameCodec<{ info: I; pdf: Buffer }> {
  return {
    encode({ info, pdf }) {
      const header = Buffer.from(JSON.stringify(info), 'utf8');
      const out = Buffer.allocUnsafe(4 + header.length + pdf.length);
      out.writeUInt32BE(header.length, 0);
      header.copy(out, 4);
      pdf.copy(out, 4 + header.length);
      return out;
    },
    decode(plain) {
      const length = plain.readUInt32BE(0);
      return { info: JSON.parse(plain.subarray(4, 4 + length).toString('utf8')) as I, pdf: plain.subarray(4 + length) };
    },
  };
}

const keptPrintFrames = pdfFrameCodec<KeptPrintHeader>();

export interface NewKeptPrint {
  form: string;
  subject: string;
  reprint: number;
  printedBy: string;
  fileName: string;
}

/** Appends the PDF to the stream (durable when this resolves) and returns the entry its record keeps. */
export async function keepPrint(vault: UnlockedVault, print: NewKeptPrint, pdf: Buffer, at: Date): Promise<KeptPrint> {
  const info: KeptPrintHeader = { id: `impreso-${randomUUID()}`, ...print, printedAt: at.toISOString(), size: pdf.length, sha256: sha256(pdf) };
  const stream = await vault.stream<KeptPrintFrame>(KEPT_PRINTS_STREAM, keptPrintFrames);
  const written = await stream.append({ info, pdf }, { at });
  const ref = written.refs[0] as { offset: number; total: number };
  return { ...info, frame: [written.partition, written.index, ref.offset, ref.total] };
}

/** The stored bytes of a print, checked to be that print's and to match the SHA-256 recorded when it was printed. */
export async function keptPrintBytes(vault: UnlockedVault, print: KeptPrint): Promise<Buffer> {
  const [month, index, offset, total] = print.frame;
  const stream = await vault.stream<KeptPrintFrame>(KEPT_PRINTS_STREAM, keptPrintFrames);
  const { info, pdf } = await stream.readAt(month, index, { offset, total });
  if (info.id !== print.id || info.subject !== print.subject || sha256(pdf) !== print.sha256) {
    throw new AppError('VAULT_CORRUPT', `La copia guardada de «${print.fileName}» no coincide con la huella registrada al imprimirla.`);
  }
  return pdf;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
