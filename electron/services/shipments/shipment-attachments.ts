import { createHash, randomUUID } from 'node:crypto';
import type { AttachedFile } from '../../../shared/domain/agencies';
import type { AttachmentUpload, ScanUpload, ShipmentAttachment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../accounts/workspace';
import { assertMayRead } from './need-to-know';
import { loadShipment, readRuleOf, type ShipmentVault } from './open-shipments';

export interface FileDownload {
  fileName: string;
  mediaType: string;
  base64: string;
}

/** Stores an uploaded file as an encrypted document of its own and describes it (size, SHA-256) for the shipment. */
export async function storeBlob(ws: Workspace, upload: Pick<ScanUpload, 'fileName' | 'mediaType' | 'base64'> | null): Promise<AttachedFile | null> {
  if (!upload) return null;
  const bytes = Buffer.from(upload.base64, 'base64');
  const blobId = `blob-${randomUUID()}`;
  const doc = await ws.vault.doc<{ mediaType: string; base64: string }>(blobId, { mediaType: upload.mediaType, base64: upload.base64 });
  await doc.write();
  return { blobId, fileName: upload.fileName, mediaType: upload.mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A shipment's files: attachments uploaded from the form, and the scans of the signed sheet and of the acknowledgement. */
export class ShipmentAttachments {
  constructor(private readonly vault: ShipmentVault) {}

  /** Stores an attachment encrypted; the form then names it in the shipment's content. */
  async upload(ws: Workspace, upload: AttachmentUpload): Promise<ShipmentAttachment> {
    const o = await this.vault.open(ws);
    const file = await storeBlob(ws, upload);
    if (!file) throw new AppError('VALIDATION', 'No se recibió el archivo.');
    const attachment: ShipmentAttachment = { ...file, mediaType: upload.mediaType };
    await o.attachments.update((d) => d.files.push(attachment));
    return attachment;
  }

  /** One attachment of a shipment, decrypted. */
  async download(ws: Workspace, viewer: User, shipmentId: string, blobId: string): Promise<FileDownload> {
    const o = await this.vault.open(ws);
    const shipment = await loadShipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'descargar un anexo');
    const file = shipment.content.attachments.find((f) => f.blobId === blobId);
    if (!file) throw new AppError('NOT_FOUND', 'El envío no tiene ese anexo.');
    return readBlob(ws, file);
  }

  /** The scan of a signed sheet or of an acknowledgement, decrypted. */
  async scan(ws: Workspace, viewer: User, shipmentId: string, which: 'signature' | 'acknowledgement'): Promise<FileDownload> {
    const o = await this.vault.open(ws);
    const s = await loadShipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(s), 'descargar un escaneo');
    const file = which === 'signature' ? s.signature?.scan : s.acknowledgementScan;
    if (!file) throw new AppError('NOT_FOUND', 'El envío no tiene ese documento escaneado.');
    return readBlob(ws, file);
  }
}

async function readBlob(ws: Workspace, file: AttachedFile): Promise<FileDownload> {
  const blob = await ws.vault.doc<{ mediaType: string; base64: string }>(file.blobId, { mediaType: '', base64: '' });
  return { fileName: file.fileName, mediaType: blob.data.mediaType, base64: blob.data.base64 };
}
