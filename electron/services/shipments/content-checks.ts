import type { Agreement } from '../../../shared/domain/agencies';
import type { ShipmentContent } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import { assertMayReceive, parsePeriodKey } from '../agencies/rules';
import { canonicalJson } from '../integrity/canonical-json';
import type { OpenShipments } from './open-shipments';

/** The agreement rule (directive 6.1.4 A.2) plus "the recipient is one the agency authorised". */
export function checkRecipient(o: OpenShipments, content: ShipmentContent, day: string): Agreement {
  const agency = o.agencies.data.agencies.find((a) => a.id === content.agencyId);
  if (!agency) throw new AppError('NOT_FOUND', 'La dependencia destinataria no existe.');
  const agreement = assertMayReceive(agency, o.agreements.data.agreements, day);
  if (!agency.recipients.some((r) => r.id === content.recipientId)) {
    throw new AppError('VALIDATION', `El destinatario elegido no está entre las personas autorizadas por ${agency.acronym}.`);
  }
  return agreement;
}

/**
 * What the schema cannot know: attachments really uploaded, a report period
 * this agency is owed, and a providing area of the office. An area named anew
 * must be active; one the shipment already named stays valid after it is
 * deactivated, so an old draft can still be edited.
 */
export function checkReferences(o: OpenShipments, content: ShipmentContent, before: ShipmentContent | null = null): void {
  if (content.providingAreaId !== undefined) {
    const area = o.areas.data.areas.find((a) => a.id === content.providingAreaId);
    if (!area) throw new AppError('VALIDATION', 'El área que proporciona la información no existe.');
    if (!area.active && before?.providingAreaId !== area.id) throw new AppError('VALIDATION', `El área «${area.name}» está dada de baja; elija un área activa.`);
  }
  for (const file of content.attachments) {
    const stored = o.attachments.data.files.find((f) => f.blobId === file.blobId);
    if (!stored || canonicalJson(stored) !== canonicalJson(file)) throw new AppError('VALIDATION', `El anexo «${file.fileName}» no se recibió; vuelva a adjuntarlo.`);
  }
  const link = content.reportPeriod;
  if (link) {
    const obligation = o.reports.data.obligations.find((ob) => ob.id === link.obligationId);
    if (!obligation) throw new AppError('VALIDATION', 'La obligación de reporte elegida no existe.');
    if (obligation.beneficiaryAgencyId !== content.agencyId) throw new AppError('VALIDATION', 'El reporte elegido no se entrega a la dependencia destinataria de este envío.');
    if (!parsePeriodKey(obligation.frequency, link.periodKey)) throw new AppError('VALIDATION', 'El periodo elegido no corresponde a la periodicidad del reporte.');
  }
}
