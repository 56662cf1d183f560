import { CUSTODY_EVENT_LABELS, type CustodyParty, type CustodyRow } from '../../../shared/domain/custody';
import { formatDateTime } from '../../../shared/format/date';

const HEADER = ['Folio', 'Dependencia', 'Asunto', 'Núm.', 'Tipo', 'Fecha y hora', 'Entrega', 'Cargo (entrega)', 'Institución (entrega)', 'Recibe', 'Cargo (recibe)', 'Institución (recibe)', 'Identificación (recibe)', 'Lugar', 'Motivo', 'Sellos', 'Sello dañado', 'Observaciones', 'Corrige al evento', 'Registró', 'Registrado el', 'Huella'];

function cell(value: string | number): string {
  const text = String(value);
  // A cell starting with = + - @ would be run as a formula by Excel: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const party = (p: CustodyParty) => [p.name, p.position, p.institution];

/**
 * The custody log as CSV for Excel: UTF-8 with a BOM (without it Excel reads
 * «Núñez» as «NÃºÃ±ez»), comma-separated, CRLF line ends, dates in the
 * office's time zone.
 */
export function custodyCsv(rows: readonly CustodyRow[], seqOf: (eventId: string) => number | undefined): string {
  const lines = [HEADER.map(cell).join(',')];
  for (const e of rows) {
    lines.push(
      [
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
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
