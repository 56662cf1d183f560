import type { PaperForm } from '../../../../shared/domain/printing';
import type { Shipment } from '../../../../shared/domain/shipments';

/** The forms this shipment can print now. */
export function printableForms(shipment: Shipment): PaperForm[] {
  if (!shipment.folio) return [];
  const forms: PaperForm[] = ['approval', 'envelopeCover', 'envelopeLabel', 'custodyRegister', 'receipt'];
  if (shipment.content.media) forms.push('mediaManifest');
  return forms;
}
