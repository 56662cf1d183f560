import { CUSTODY_EVENT_LABELS, type CustodyParty, type CustodyRow } from '../../../shared/domain/custody';
import { formatDateTime } from '../../../shared/format/date';
import { excelCsv } from '../csv/csv';

const HEADER = ['Folio', 'Dependencia', 'Asunto', 'Núm.', 'Tipo', 'Fecha y hora', 'Entrega', 'Cargo (entrega)', 'Institución (entrega)', 'Recibe', 'Cargo (recibe)', 'Institución (recibe)', 'Identificación (recibe)', 'Lugar', 'Motivo', 'Sellos', 'Sello dañado', 'Observaciones', 'Corrige al evento', 'Registró', 'Registrado el', 'Huella'];

const party = (p: CustodyParty) => [p.name, p.position, p.institution];

/**
 * The custody log as CSV for Excel (the shared csv module's excelCsv: UTF-8
 * with a BOM, commas, CRLF, formulas neutralised), dates in the office's time
 * zone.
 */
export function custodyCsv(rows: readonly CustodyRow[], seqOf: (eventId: string) => number | undefined): string {
  return excelCsv([
    HEADER,
    ...rows.map((e) => [
      e.folio ?? '',
      e.agencyAcronym,
      e.subject,
      e.seq,
      CUSTODY_EVENT_LABELS[e.type],
      formatDateTime(e.at),
      ...party(e.from),
      ...party(e.to),
      e.to.identification,
      e.place,
      e.purpose,
      e.seals.map((s) => `${s.number} ${s.intact ? '(íntegro)' : `(dañado: ${s.description})`}`).join('; '),
      e.brokenSeal ? 'Sí' : 'No',
      e.remarks,
      e.corrects ? String(seqOf(e.corrects) ?? e.corrects) : '',
      e.recordedBy.fullName,
      formatDateTime(e.recordedAt),
      e.hash,
    ]),
  ]);
}
