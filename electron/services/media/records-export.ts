import { todayInOffice } from '../agencies/rules';
import path from 'node:path';
import { CHANNEL_LABELS, type Agency } from '../../../shared/domain/agencies';
import type { AuditAction } from '../../../shared/domain/audit';
import type { CustodyEvent, CustodyRow } from '../../../shared/domain/custody';
import { SHIPMENT_STATE_LABELS } from '../../../shared/domain/shipment-states';
import { CLASSIFICATION_LABELS, type Shipment } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format/date';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { excelCsv } from '../csv/csv';
import { custodyCsv } from '../custody/custody-csv';
import type { ShipmentService } from '../shipments/shipment-service';
import type { ShipmentRow } from '../shipments/shipment-rows';
import { approvalInput, chainHeadText, custodyRegisterInput } from '../shipments/shipment-forms';
import type { BagVerification } from './bagit-verifier';
import { writeBag, type BagSourceFile, type WriteProgress } from './bagit-writer';
import { resolveFilesystem } from './drive-filesystem';
import { exists } from '../vault/durable-file';
import { throwIfAborted } from './media-errors';
import { agencyLookup, formContext, shipmentFolderName, type FormRenderer } from './shipment-form-inputs';
import { countOf } from '../../../shared/format/plural';
import { generatePassphrase } from './passphrase';
import { sha256Sums, tarArchive } from './tar-archive';
import { mayRead } from '../shipments/need-to-know';

/**
 * Export of records: selected shipments or a date range
 * become one BagIt bag a records office can keep for years and open with
 * nothing but a PDF reader, a spreadsheet and `sha256sum`:
 *
 *   valija-expediente-<date>-<n>/data/
 *     indice.csv, indice.json            one line per shipment
 *     <folio>/autorizacion.pdf           the approval sheet as first printed, byte for byte (when it has one)
 *     <folio>/impresos/…                 every other print kept in the vault (reprints, other forms)
 *     <folio>/registro-custodia.pdf      the custody register as printed (once it has events)
 *     <folio>/custodia.csv, custodia.json  the custody log, raw events with their hash chain
 *     <folio>/envio.json                 the shipment record
 *     <folio>/anexos/…, firma/…, acuse/…   attachments and scans, decrypted
 *
 * By default all of that travels as one age file, `data/expediente.tar.age`
 * (inside: `expediente/…` as above plus `SHA256SUMS`), under a passphrase
 * returned once and printed on the «Clave de apertura»: the drive can be lost.
 */

export interface ExportSelection {
  shipmentIds?: readonly string[];
  /** creation date in the office's zone, both ends inclusive (YYYY-MM-DD) */
  from?: string;
  to?: string;
}

export type ExportProgress = { phase: 'preparing'; done: number; total: number; folio?: string } | WriteProgress;

export interface ExportOptions {
  drivePath: string;
  /**
   * Encrypt the export as one age file under a passphrase generated here and
   * returned once (default). Exporting in clear takes an administrator who
   * confirmed it (`clearConfirmed`), and only for public shipments.
   */
  encrypt?: boolean;
  clearConfirmed?: boolean;
  /** age's scrypt cost; tests lower it */
  scryptWorkFactor?: number;
  filesystem?: string;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

export interface ExportIndexLine {
  folder: string;
  id: string;
  folio: string | null;
  state: string;
  channel: string;
  classification: string;
  agency: string;
  subject: string;
  createdAt: string;
  updatedAt: string;
  custodyEvents: number;
  chainHead: string;
  contentDigest: string;
  files: string[];
}

export interface ExportResult {
  bagPath: string;
  bagName: string;
  shipments: number;
  files: number;
  bytes: number;
  index: ExportIndexLine[];
  verification: BagVerification;
  /** shown ONCE and printed on the «Clave de apertura» sheet; Valija keeps no copy */
  passphrase: string | null;
  openingKeyPdf: Buffer | null;
}

/** Inside the encrypted file: one folder, so extracting never scatters files where it is run. */
export const EXPORT_ARCHIVE_FOLDER = 'expediente';
export const EXPORT_ARCHIVE_NAME = `${EXPORT_ARCHIVE_FOLDER}.tar`;

const AUDIT_RECORDS_EXPORTED: AuditAction = 'records.exported';
/** Shipments prepared at once: rendering (worker threads) overlaps with vault reads and decryption. */
const CONCURRENCY = 4;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function exportRecords(
  deps: { shipments: ShipmentService; clock: () => Date; render: FormRenderer },
  ws: Workspace,
  user: User,
  selection: ExportSelection,
  options: ExportOptions,
): Promise<ExportResult> {
  assertMayExportSelection(user, selection);
  const encrypt = options.encrypt ?? true;
  if (!encrypt) await assertMayExportInClear(ws, user, options.clearConfirmed === true);
  const { signal } = options;
  const ids = await selectShipments(deps.shipments, ws, user, selection);
  if (ids.length === 0) throw new AppError('VALIDATION', 'No hay envíos que exportar con esa selección.');
  const drive = path.resolve(options.drivePath);
  const filesystem = await resolveFilesystem(drive, options.filesystem);
  const now = deps.clock();
  const view = await deps.shipments.custody.view(ws);
  const agencyOf = await agencyLookup(ws);

  // Whole shipments are read one at a time as they are packed; the rows are enough to name the folders.
  const shipments = ids.map((id) => {
    const s = view.shipment(id);
    if (!s) throw new AppError('NOT_FOUND', 'Uno de los envíos elegidos ya no existe.');
    return s;
  });
  await refuseUnreadable(ws, user, shipments);
  if (!encrypt) await refuseClearOfProtected(ws, user, shipments);
  const folders = uniqueFolders(shipments);
  const perShipment: Array<{ files: BagSourceFile[]; line: ExportIndexLine }> = new Array(shipments.length);
  let done = 0;
  options.onProgress?.({ phase: 'preparing', done, total: shipments.length });

  const prepare = async (index: number): Promise<void> => {
    throwIfAborted(signal);
    const shipment = await view.load((shipments[index] as ShipmentRow).id);
    if (!shipment) throw new AppError('NOT_FOUND', 'Uno de los envíos elegidos ya no existe.');
    const folder = folders[index] as string;
    const custody = await view.ledger.of(shipment.id);
    const agency = agencyOf(shipment.content.agencyId);
    // A correction names an event of its own shipment.
    const seqOf = new Map(custody.map((e) => [e.id, e.seq]));
    const files = await shipmentFiles(deps, ws, user, shipment, agency, custody, folder, now, (id) => seqOf.get(id), view.agencyAcronym);
    perShipment[index] = {
      files,
      line: {
        folder,
        id: shipment.id,
        folio: shipment.folio,
        state: SHIPMENT_STATE_LABELS[shipment.state],
        channel: CHANNEL_LABELS[shipment.content.channel],
        classification: CLASSIFICATION_LABELS[shipment.content.classification],
        agency: agency ? `${agency.acronym} — ${agency.name}` : '—',
        subject: shipment.content.subject,
        createdAt: shipment.createdAt,
        updatedAt: shipment.updatedAt,
        custodyEvents: custody.length,
        chainHead: custody.at(-1)?.hash ?? '',
        contentDigest: shipment.digest,
        files: files.map((f) => f.name.slice(folder.length + 1)),
      },
    };
    done += 1;
    options.onProgress?.({ phase: 'preparing', done, total: shipments.length, ...(shipment.folio ? { folio: shipment.folio } : {}) });
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, shipments.length) }, async () => {
      while (next < shipments.length) await prepare(next++);
    }),
  );
  throwIfAborted(signal);

  const index = perShipment.map((p) => p.line);
  const files: BagSourceFile[] = [
    { name: 'indice.csv', source: Buffer.from(indexCsv(index), 'utf8') },
    { name: 'indice.json', source: Buffer.from(`${JSON.stringify({ exportedAt: now.toISOString(), exportedBy: user.fullName, selection: describeSelection(selection), shipments: index }, null, 2)}\n`, 'utf8') },
    ...perShipment.flatMap((p) => p.files),
  ];
  const day = todayInOffice(now);
  let bagName = '';
  for (let n = 1; bagName === ''; n += 1) if (!(await exists(path.join(drive, `valija-expediente-${day}-${n}`)))) bagName = `valija-expediente-${day}-${n}`;
  const office = ws.office.data;
  const passphrase = encrypt ? generatePassphrase() : null;
  const entries = files.map((f) => ({ name: `${EXPORT_ARCHIVE_FOLDER}/${f.name}`, bytes: f.source as Buffer }));
  const payload: BagSourceFile[] = passphrase
    ? [{ name: EXPORT_ARCHIVE_NAME, source: tarArchive([...entries, { name: `${EXPORT_ARCHIVE_FOLDER}/SHA256SUMS`, bytes: Buffer.from(sha256Sums(entries, `${EXPORT_ARCHIVE_FOLDER}/`), 'utf8') }], now) }]
    : files;
  const written = await writeBag(
    path.join(drive, bagName),
    {
      files: payload,
      bagInfo: {
        sourceOrganization: office.institution || office.unit,
        externalIdentifier: bagName,
        baggingDate: day,
        fields: [
          { label: 'External-Description', value: `Expediente de ${countOf(index.length, 'envío', 'envíos')} de Valija: ${describeSelection(selection)}.` },
          { label: 'Contact-Name', value: user.fullName },
          { label: 'Valija-Unidad', value: office.unit },
          { label: 'Valija-Tipo', value: 'expediente' },
          { label: 'Valija-Envios', value: String(index.length) },
          { label: 'Valija-Cifrado', value: passphrase ? `age (frase de paso): data/${EXPORT_ARCHIVE_NAME}.age; la clave viaja por separado en la hoja «Clave de apertura»` : 'no' },
        ],
      },
    },
    {
      ...(signal ? { signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(filesystem ? { filesystem } : {}),
      ...(passphrase ? { encryptPassphrase: passphrase } : {}),
      ...(options.scryptWorkFactor === undefined ? {} : { scryptWorkFactor: options.scryptWorkFactor }),
    },
  );
  const archive = written.files[0];
  const openingKeyPdf =
    passphrase && archive?.plain
      ? await deps.render('openingKey', {
          office: { institution: office.institution, unit: office.unit, acronym: office.acronym, ...(office.address ? { address: office.address } : {}), ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
          folio: bagName,
          contentDigest: archive.plain.sha256,
          chainHead: '0',
          reprint: 0,
          recipient: { agencyName: office.institution, agencyAcronym: office.acronym, name: user.fullName, position: user.position },
          passphrase,
          encryption: { encryptedFileName: `data/${EXPORT_ARCHIVE_NAME}.age`, outputName: EXPORT_ARCHIVE_NAME },
          export: { shipments: index.length, folios: listForAudit(index.map((l) => l.folio ?? 'sin folio'), 30) },
        })
      : null;
  const finalName = bagName;
  await ws.audit.record(AUDIT_RECORDS_EXPORTED, actorOf(user), `${finalName} (${index.length} envíos)`, {
    carpeta: finalName,
    envios: index.length,
    archivos: written.payloadOxum.count,
    bytes: written.payloadOxum.octets,
    seleccion: describeSelection(selection),
    // What left the vault, so the log answers «which shipments were on that stick» without the stick.
    folios: listForAudit(index.map((l) => l.folio ?? `sin folio (${l.id})`)),
    clasificacion: classificationCounts(index),
    cifrado: passphrase !== null,
    ...(passphrase ? {} : { enClaro: 'confirmado por el administrador' }),
  });
  // Files counts what the person will find after opening it, not the one encrypted archive.
  return { bagPath: written.path, bagName: finalName, shipments: index.length, files: files.length, bytes: archive?.plain?.size ?? written.payloadOxum.octets, index, verification: written.verification, passphrase, openingKeyPdf };
}

async function selectShipments(shipments: ShipmentService, ws: Workspace, user: User, selection: ExportSelection): Promise<string[]> {
  if (selection.shipmentIds && selection.shipmentIds.length > 0) {
    if (selection.shipmentIds.length > 100_000) throw new AppError('VALIDATION', 'Demasiados envíos en una sola exportación.');
    return [...new Set(selection.shipmentIds)];
  }
  const { from, to } = selection;
  if (!from && !to) throw new AppError('VALIDATION', 'Elija los envíos o un periodo para exportar.');
  if ((from && !CIVIL_DATE.test(from)) || (to && !CIVIL_DATE.test(to))) throw new AppError('VALIDATION', 'Las fechas del periodo deben tener la forma AAAA-MM-DD.');
  if (from && to && from > to) throw new AppError('VALIDATION', 'La fecha inicial del periodo es posterior a la final.');
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    // Folio order: the index reads like the office's register (drafts without folio last).
    const page = await shipments.queries.list(ws, user, { ...(from ? { from } : {}), ...(to ? { to } : {}), sort: 'folio', direction: 'asc', offset, limit: 500 });
    ids.push(...page.items.map((s) => s.id));
    if (page.items.length < 500 || ids.length >= page.total) break;
  }
  return ids;
}

/** Everything one shipment contributes, under `<folder>/`. */
async function shipmentFiles(
  deps: { shipments: ShipmentService; render: FormRenderer },
  ws: Workspace,
  user: User,
  shipment: Shipment,
  agency: Agency | null,
  custody: CustodyEvent[],
  folder: string,
  now: Date,
  seqOf: (eventId: string) => number | undefined,
  agencyAcronym: (id: string) => string,
): Promise<BagSourceFile[]> {
  const ctx = formContext(ws, shipment, agency, custody, user, now);
  const sheet = shipment.sheets.at(-1);
  // The prints kept in the vault go in as they were printed; the approval sheet is rendered only for a
  // shipment printed before prints were kept.
  const printed = await deps.shipments.printing.printedSheets(ws, user, shipment.id);
  const original = sheet ? printed.find((p) => p.form === 'approval' && p.sheetVersion === sheet.version && p.reprint === 0) : undefined;
  const forms: Array<Promise<BagSourceFile | null>> = [
    original
      ? deps.shipments.printing.printedSheet(ws, user, shipment.id, original.id).then(({ pdf }) => ({ name: `${folder}/autorizacion.pdf`, source: pdf }))
      : // The sheet in force prints the current content; a voided sheet's content lives in an older revision, so it is not re-printed here.
        sheet && shipment.folio && (sheet.voidedAt === null || sheet.digest === shipment.digest)
        ? deps.render('approval', approvalInput(ctx, sheet, shipment.content, { pageSize: 'LETTER' }, 0)).then((pdf) => ({ name: `${folder}/autorizacion.pdf`, source: pdf }))
        : Promise.resolve(null),
    // With no handoff yet the register would be a blank form; custodia.csv already says «no events».
    shipment.folio && custody.length > 0
      ? deps.render('custodyRegister', { ...custodyRegisterInput(ctx, { pageSize: 'LETTER' }, 0), blankRows: 0 }).then((pdf) => ({ name: `${folder}/registro-custodia.pdf`, source: pdf }))
      : Promise.resolve(null),
  ];
  const rows: CustodyRow[] = custody.map((e) => ({ ...e, agencyAcronym: agencyAcronym(shipment.content.agencyId), subject: shipment.content.subject }));
  const files: BagSourceFile[] = [
    { name: `${folder}/envio.json`, source: json(shipment) },
    { name: `${folder}/custodia.csv`, source: Buffer.from(custodyCsv(rows, seqOf), 'utf8') },
    { name: `${folder}/custodia.json`, source: json({ shipmentId: shipment.id, folio: shipment.folio, chainHead: chainHeadText(custody), headHash: custody.at(-1)?.hash ?? null, events: custody }) },
  ];
  const names = new Set<string>();
  const place = (dir: string, fileName: string): string => {
    const safe = safeFileName(fileName);
    let candidate = `${folder}/${dir}/${safe}`;
    for (let n = 2; names.has(candidate.toLowerCase()); n += 1) candidate = `${folder}/${dir}/${withSuffix(safe, n)}`;
    names.add(candidate.toLowerCase());
    return candidate;
  };
  for (const a of shipment.content.attachments) {
    const blob = await deps.shipments.attachments.download(ws, user, shipment.id, a.blobId);
    files.push({ name: place('anexos', a.fileName), source: Buffer.from(blob.base64, 'base64') });
  }
  for (const p of printed) {
    if (p.id === original?.id) continue;
    const { pdf } = await deps.shipments.printing.printedSheet(ws, user, shipment.id, p.id);
    files.push({ name: place('impresos', p.fileName), source: pdf });
  }
  for (const which of ['signature', 'acknowledgement'] as const) {
    const scan = which === 'signature' ? shipment.signature?.scan : shipment.acknowledgementScan;
    if (!scan) continue;
    const blob = await deps.shipments.attachments.scan(ws, user, shipment.id, which);
    files.push({ name: place(which === 'signature' ? 'firma' : 'acuse', scan.fileName), source: Buffer.from(blob.base64, 'base64') });
  }
  for (const f of await Promise.all(forms)) if (f) files.push(f);
  return files;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** Folder per shipment; two shipments never share one (a folio is unique, ids too, but the mapping of «/» could collide). */
function uniqueFolders(shipments: readonly ShipmentRow[]): string[] {
  const used = new Set<string>(['indice.csv', 'indice.json']);
  return shipments.map((s) => {
    let name = shipmentFolderName(s);
    if (used.has(name.toLowerCase())) name = `${name}-${s.id.slice(0, 8)}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A name any drive and any Windows desktop accepts; the original stays in envio.json. */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not portable in names
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (safe === '' || safe === '.' || safe === '..') safe = 'archivo';
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i.test(safe)) safe = `_${safe}`;
  if (safe.length > 120) {
    const ext = path.extname(safe).slice(0, 10);
    safe = `${safe.slice(0, 120 - ext.length)}${ext}`;
  }
  return safe;
}

export function withSuffix(name: string, n: number): string {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

const INDEX_HEADER = ['Carpeta', 'Folio', 'Estado', 'Canal', 'Clasificación', 'Dependencia', 'Asunto', 'Creado', 'Última modificación', 'Eventos de custodia', 'Cabeza de la cadena', 'Huella del contenido', 'Archivos'];

/** Excel-friendly like the custody CSV (the shared csv module's excelCsv), dates in the office's zone. */
export function indexCsv(lines: readonly ExportIndexLine[]): string {
  return excelCsv([
    INDEX_HEADER,
    ...lines.map((l) => [l.folder, l.folio ?? '', l.state, l.channel, l.classification, l.agency, l.subject, formatDateTime(l.createdAt), formatDateTime(l.updatedAt), l.custodyEvents, l.chainHead, l.contentDigest, l.files.join('; ')]),
  ]);
}

function describeSelection(selection: ExportSelection): string {
  if (selection.shipmentIds && selection.shipmentIds.length > 0) return countOf(selection.shipmentIds.length, 'envío elegido', 'envíos elegidos');
  return `envíos creados ${selection.from ? `desde el ${selection.from}` : ''}${selection.from && selection.to ? ' ' : ''}${selection.to ? `hasta el ${selection.to}` : ''}`.trim();
}

/** At most `max` names; the rest counted. */
function listForAudit(names: readonly string[], max = 200): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} y ${names.length - max} más` : shown;
}

function classificationCounts(lines: readonly ExportIndexLine[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.classification, (counts.get(line.classification) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${label}: ${n}`).join(', ');
}

/** A whole period leaves the office at once: only an administrator takes it (checked again before the job starts). */
export function assertMayExportSelection(user: User, selection: ExportSelection): void {
  const bulk = !(selection.shipmentIds && selection.shipmentIds.length > 0);
  if (bulk && !user.roles.includes('administrador')) {
    throw new AppError('FORBIDDEN', 'Exportar todos los envíos de un periodo requiere el rol Administrador; un capturista exporta los envíos que elige uno por uno.');
  }
}

const AUDIT_EXPORT_REFUSED: AuditAction = 'records.export_refused';

/**
 * Records leave the vault encrypted unless an administrator, asked again,
 * takes them in clear (for a public archive that must open anywhere). Checked
 * before the job starts, and again inside it. A refusal is audited: someone
 * asked for information to leave unprotected.
 */
export async function assertMayExportInClear(ws: Workspace, user: User, confirmed: boolean): Promise<void> {
  let refusal: string | null = null;
  if (!user.roles.includes('administrador')) refusal = 'Exportar sin cifrar requiere el rol Administrador; los expedientes se exportan cifrados con age.';
  else if (!confirmed) refusal = 'Para exportar sin cifrar, confirme que el expediente saldrá legible para cualquiera que tenga la unidad.';
  if (refusal === null) return;
  await ws.audit.record(AUDIT_EXPORT_REFUSED, actorOf(user), refusal, { cifrado: false, motivo: 'FORBIDDEN' });
  throw new AppError('FORBIDDEN', refusal);
}

/**
 * Need-to-know holds for exports too: a selection naming a shipment its
 * exporter may not read is refused whole, before anything is written, and
 * audited with the folios asked for.
 */
async function refuseUnreadable(ws: Workspace, user: User, rows: readonly ShipmentRow[]): Promise<void> {
  const unreadable = rows.filter((r) => !mayRead(user, r));
  if (unreadable.length === 0) return;
  const folios = listForAudit(unreadable.map((r) => r.folio ?? 'sin folio'), 20);
  const message = `La selección incluye ${countOf(unreadable.length, 'envío clasificado', 'envíos clasificados')} que su usuario no puede consultar (${folios}). Pida al administrador que le conceda acceso si su función lo requiere. No se escribió nada en la unidad.`;
  await ws.audit.record(AUDIT_EXPORT_REFUSED, actorOf(user), message, { motivo: 'FORBIDDEN', folios });
  throw new AppError('FORBIDDEN', message);
}

/**
 * The selection's checks before an export job starts, so the screen shows
 * the refusal where the person pressed «Exportar» (the job checks again):
 * every chosen shipment readable by its exporter (need-to-know) and, in
 * clear, every one pública. A period lists only what its exporter may read
 * and is checked by the job; an unknown id is the job's NOT_FOUND.
 */
export async function assertSelectionMayLeave(shipments: ShipmentService, ws: Workspace, user: User, selection: ExportSelection, encrypt: boolean): Promise<void> {
  if (!selection.shipmentIds || selection.shipmentIds.length === 0) return;
  const view = await shipments.custody.view(ws);
  const rows = [...new Set(selection.shipmentIds)].flatMap((id) => view.shipment(id) ?? []);
  await refuseUnreadable(ws, user, rows);
  if (!encrypt) await refuseClearOfProtected(ws, user, rows);
}

/** Reserved and confidential shipments never leave in clear, whoever asks (as for media loads). */
async function refuseClearOfProtected(ws: Workspace, user: User, rows: readonly ShipmentRow[]): Promise<void> {
  const protectedRows = rows.filter((r) => r.classification !== 'publica');
  if (protectedRows.length === 0) return;
  const folios = listForAudit(protectedRows.map((r) => r.folio ?? 'sin folio'), 20);
  const message = `La selección incluye ${countOf(protectedRows.length, 'envío reservado o confidencial', 'envíos reservados o confidenciales')} (${folios}): el expediente debe exportarse cifrado. No se escribió nada en la unidad.`;
  await ws.audit.record(AUDIT_EXPORT_REFUSED, actorOf(user), message, { cifrado: false, motivo: 'VALIDATION', folios });
  throw new AppError('VALIDATION', message);
}
