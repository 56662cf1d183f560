import type { ShipmentChannel } from '../../../../../shared/domain/agencies';
import type { Classification, MediaKind, SanitisationMethod, Shipment } from '../../../../../shared/domain/shipments';
import type { Input } from '../../../../../shared/ipc/contract';

/**
 * The shipment form's values. Mostly the content's own shape, so the schema's
 * error paths (`media.sanitisation.tool`) land on the right field; numbers
 * may be '' while being typed, and the envelope keeps its older flat fields.
 */
export interface FormValues {
  channel: ShipmentChannel;
  agencyId: string | null;
  recipientId: string | null;
  subject: string;
  classification: Classification;
  legalBasis: string;
  coveringOficio: string;
  notes: string;
  inventory: { description: string; type: string; quantity: number | string; sheets: number | string }[];
  envelopeSize: string;
  envelopeSheets: number | string;
  seals: string[];
  packingNotes: string;
  media: {
    kind: MediaKind | null;
    brand: string;
    model: string;
    serial: string;
    capacity: string;
    sanitisation: { method: SanitisationMethod | null; tool: string; date: string | null; performedBy: string; verifiedBy: string };
    files: { name: string; size: number; sha256: string; sourcePath: string | null }[];
  };
  attachments: Shipment['content']['attachments'];
  /** `${obligationId}|${periodKey}`, or null. */
  reportPeriod: string | null;
  /** The office's area that provides the information, or null for none. */
  providingAreaId: string | null;
}

export type ContentInput = Input<'shipments.create'>['content'];

export const emptyItem = (): FormValues['inventory'][number] => ({ description: '', type: '', quantity: 1, sheets: '' });

export function initialValues(shipment?: Shipment): FormValues {
  const c = shipment?.content;
  const m = c?.media;
  return {
    channel: c?.channel ?? 'oficio',
    agencyId: c?.agencyId ?? null,
    recipientId: c?.recipientId ?? null,
    subject: c?.subject ?? '',
    classification: c?.classification ?? 'publica',
    legalBasis: c?.legalBasis ?? '',
    coveringOficio: c?.coveringOficio ?? '',
    notes: c?.notes ?? '',
    inventory: c ? c.inventory.map((i) => ({ description: i.description, type: i.type, quantity: i.quantity, sheets: i.sheets ?? '' })) : [emptyItem()],
    envelopeSize: c?.envelope?.envelopeSize ?? 'Carta',
    envelopeSheets: c?.envelope?.sheets ?? 1,
    seals: c?.envelope?.seals ?? [],
    packingNotes: c?.envelope?.packingNotes ?? '',
    media: {
      kind: m?.kind ?? 'USB',
      brand: m?.brand ?? '',
      model: m?.model ?? '',
      serial: m?.serial ?? '',
      capacity: m?.capacity ?? '',
      sanitisation: {
        method: m?.sanitisation.method ?? 'clear',
        tool: m?.sanitisation.tool ?? '',
        date: m?.sanitisation.date ?? null,
        performedBy: m?.sanitisation.performedBy ?? '',
        verifiedBy: m?.sanitisation.verifiedBy ?? '',
      },
      files: m?.files.map((f) => ({ ...f })) ?? [],
    },
    attachments: c?.attachments ?? [],
    reportPeriod: c?.reportPeriod ? `${c.reportPeriod.obligationId}|${c.reportPeriod.periodKey}` : null,
    providingAreaId: c?.providingAreaId ?? null,
  };
}

/** What the core receives; checked by the same schema here (validate) and there. */
export function toContent(v: FormValues): ContentInput {
  const [obligationId, periodKey] = (v.reportPeriod ?? '').split('|');
  return {
    channel: v.channel,
    agencyId: v.agencyId ?? '',
    recipientId: v.recipientId ?? '',
    subject: v.subject,
    classification: v.classification,
    legalBasis: v.classification === 'publica' ? '' : v.legalBasis,
    coveringOficio: v.coveringOficio,
    notes: v.notes,
    inventory: v.inventory.map((i) => ({ description: i.description, type: i.type, quantity: Number(i.quantity), sheets: i.sheets === '' ? null : Number(i.sheets) })),
    envelope: v.channel === 'sobre_cerrado' ? { envelopeSize: v.envelopeSize, sheets: Number(v.envelopeSheets), seals: v.seals, packingNotes: v.packingNotes } : null,
    media:
      v.channel === 'medio_magnetico'
        ? { ...v.media, sanitisation: { ...v.media.sanitisation, date: v.media.sanitisation.date ?? '' } }
        : null,
    attachments: v.attachments,
    reportPeriod: obligationId && periodKey ? { obligationId, periodKey } : null,
    // Left out, not null, when none: content without an area is stored as it was before areas existed.
    ...(v.providingAreaId ? { providingAreaId: v.providingAreaId } : {}),
  } as ContentInput;
}

/** Maps the schema's error paths onto this form's fields (the envelope's are flat here). */
export function formErrorPath(path: string): string {
  return path
    .replace('envelope.sheets', 'envelopeSheets')
    .replace('envelope.seals', 'seals')
    .replace('envelope.envelopeSize', 'envelopeSize')
    .replace('envelope.packingNotes', 'packingNotes')
    .replace(/^seals\.\d+$/, 'seals')
    .replace(/^media\.files\.\d+.*$/, 'media.files')
    .replace(/^reportPeriod\..*$/, 'reportPeriod');
}
