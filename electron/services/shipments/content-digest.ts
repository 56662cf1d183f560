import { createHash } from 'node:crypto';
import type { ShipmentContent } from '../../../shared/domain/shipments';
import { canonicalJson } from '../integrity/canonical-json';

/**
 * What the approval sheet vouches for: recipient, channel, subject,
 * classification (with its legal basis), inventory, the media and its
 * files' hashes, the seals and the attachments' hashes. Free notes stay out: they are not what the
 * Director vouches for. So does the providing area (`providingAreaId`): it
 * says where the information came from inside the office, the sheet does not
 * print it, and leaving it out keeps every digest computed before areas
 * existed what it was (areas/area-service.test.ts). Any saved change after
 * the sheet was produced still
 * sends the shipment back to review (ShipmentService.update).
 */
export function digestBody(content: ShipmentContent) {
  return {
    recipient: { agencyId: content.agencyId, recipientId: content.recipientId },
    channel: content.channel,
    subject: content.subject,
    classification: { level: content.classification, legalBasis: content.legalBasis },
    inventory: content.inventory.map((i) => ({ description: i.description, type: i.type, quantity: i.quantity, sheets: i.sheets })),
    files: content.media ? content.media.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })) : [],
    media: content.media ? { kind: content.media.kind, serial: content.media.serial } : null,
    seals: content.envelope ? [...content.envelope.seals] : [],
    attachments: content.attachments.map((a) => ({ name: a.fileName, sha256: a.sha256 })),
  };
}

/** SHA-256 (hex) over the canonical JSON of the content that the sheet vouches for. */
export function contentDigest(content: ShipmentContent): string {
  return createHash('sha256').update(canonicalJson(digestBody(content))).digest('hex');
}
