import type { AttachedFile } from '../../../shared/domain/agencies';
import type { AttachmentUpload, ScanUpload, ShipmentAttachment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../accounts/workspace';
import { readBlob, storeBlob } from '../vault/documents';
import { assertMayRead } from './need-to-know';
import { loadShipment, readRuleOf, type ShipmentVault } from './open-shipments';

export interface FileDownload {
  fileName: string;
  mediaType: string;
  base64: string;
}

/** Stores a scan sent with an action, if one was (a signature or an acknowledgement may come without). */
export async function storeScan(ws: Workspace, upload: ScanUpload | null): Promise<AttachedFile | null> {
  return upload ? storeBlob(ws.vault, upload) : null;
}

/** A shipment's files: attachments uploaded from the form, and the scans of the signed sheet and of the acknowledgement. */
export class ShipmentAttachments {
  constructor(private readonly vault: ShipmentVault) {}

  /** Stores an attachment encrypted; the form then names it in the shipment's content. */
  async upload(ws: Workspace, upload: AttachmentUpload): Promise<ShipmentAttachment> {
    const o = await this.vault.open(ws);
    const file = await storeBlob(ws.vault, upload);
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
    return download(ws, file);
  }

  /** The scan of a signed sheet or of an acknowledgement, decrypted. */
  async scan(ws: Workspace, viewer: User, shipmentId: string, which: 'signature' | 'acknowledgement'): Promise<FileDownload> {
    const o = await this.vault.open(ws);
    const s = await loadShipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(s), 'descargar un escaneo');
    const file = which === 'signature' ? s.signature?.scan : s.acknowledgementScan;
    if (!file) throw new AppError('NOT_FOUND', 'El envío no tiene ese documento escaneado.');
    return download(ws, file);
  }
}

async function download(ws: Workspace, file: AttachedFile): Promise<FileDownload> {
  const blob = await readBlob(ws.vault, file.blobId);
  return { fileName: file.fileName, mediaType: blob.mediaType, base64: blob.base64 };
}
