import { createHash, randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type { z } from 'zod';
import type { Agency, Agreement, AttachedFile, Obligation, ReportDefinition } from '../../../shared/domain/agencies';
import type { AuditAction } from '../../../shared/domain/audit';
import type { RecordDamage } from '../../../shared/domain/directory-views';
import { editOutcome, mayEdit, allowedActions as rulesAllowedActions, refusalOf, SHIPMENT_STATE_LABELS, TRANSITIONS, type ShipmentAction } from '../../../shared/domain/shipment-states';
import {
  actionPayloadSchemas,
  attachmentUploadSchema,
  shipmentContentSchema,
  shipmentFilterSchema,
  type ActionPayload,
  type ApprovalSheet,
  type HistoryEntry,
  type ScanUpload,
  type Shipment,
  type ShipmentContent,
  type ShipmentDetail,
  type ShipmentFilterInput,
  type ShipmentPage,
  type SheetLookup,
  type ShipmentAttachment,
  type WaitingShipment,
  type FolioMatch,
} from '../../../shared/domain/shipments';
import { mayTakeStep, pendingStepOf } from '../../../shared/domain/pending-step';
import { folioKey, parseSheetCode, typedFolioMatches } from '../../../shared/domain/sheet-code';
import { sealKey } from '../../../shared/domain/seals';
import { custodyEventInputSchema, describeParty, HANDOFF_EVENT_TYPE, isHandoffAction, isMediaLoadEvent, knownSeals, type CustodyEvent, type CustodyEventFields, type HandoffAction, type SealObservation } from '../../../shared/domain/custody';
import { CUSTODY_CHECKPOINT, CustodyLedger, type CustodyIndexEntry } from '../custody/custody-ledger';
import { checkEventTime } from '../custody/custody-order';
import { SealRegistry } from './seal-registry';
import { checkSignature } from './signature-rules';
import { shortHash } from '../integrity/hash-chain';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { describeIssues } from '../../../shared/validation';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { assertMayReceive, fulfilledKey, parsePeriodKey, todayInOffice, type FulfilledBy } from '../agencies/rules';
import { canonicalJson } from '../integrity/canonical-json';
import { SerialQueue } from '../vault/gate';
import { renderForm, type FormInputs, type FormName } from '../documents/forms';
import { PAPER_FORM_LABELS, printInputSchema, type PaperForm, type PrintedForm, type PrintedSheetInfo, type PrintOptions } from '../../../shared/domain/printing';
import { PRINTS_STREAM, PrintedSheets, printFrames } from './printed-sheets';
import type { MaintenanceStatus, MaintenanceTask } from '../../../shared/domain/maintenance';
import { approvalInput, chainHeadText, custodyRegisterInput, envelopeCoverInput, envelopeLabelInput, mediaManifestInput, receiptInput, type FormContext } from './shipment-forms';
import { contentDigest } from './content-digest';
import { formatFolio } from './folio';
import { searchShipments } from './search';
import type { ShipmentRow } from './shipment-rows';
import { REBUILD_REASON_LABELS, ShipmentStore } from './shipment-store';
import { upgradeShipments } from './format-upgrade';
import { assertMayRead, mayRead } from './need-to-know';

const AUDIT_OF: Record<ShipmentAction, AuditAction> = {
  enviar_a_revision: 'shipment.sent_to_review',
  devolver: 'shipment.returned',
  aprobar_revision: 'shipment.review_approved',
  generar_hoja: 'shipment.sheet_generated',
  registrar_firma: 'shipment.signature_registered',
  sellar: 'shipment.sealed',
  despachar: 'shipment.dispatched',
  registrar_acuse: 'shipment.acknowledged',
  rechazar: 'shipment.rejected',
  devolucion_mensajeria: 'shipment.courier_returned',
  cancelar: 'shipment.cancelled',
};

interface Open {
  store: ShipmentStore;
  /** Every change to shipments goes through here: one at a time, so folios and revisions never race. */
  queue: SerialQueue;
  agencies: Low<{ agencies: Agency[] }>;
  agreements: Low<{ agreements: Agreement[] }>;
  reports: Low<{ reports: ReportDefinition[]; obligations: Obligation[] }>;
  /**
   * The custody ledger, loaded on first need: at ten years it indexes half a
   * million events (seconds), which the list and the home screen never wait for.
   */
  custody: () => Promise<CustodyLedger>;
  /** The exact bytes of every print, encrypted, and how many times each form was printed (printed-sheets.ts). */
  printed: PrintedSheets;
  /** Attachments uploaded from the form: a shipment may only refer to these, exactly as stored. */
  attachments: Low<{ files: AttachedFile[] }>;
  /** Forgets the custody index and its checkpoint, so it is built again from the (repaired) stream. */
  resetCustody: () => Promise<void>;
  /** Damaged months of the custody and audit streams found by the last full scan. */
  otherDamage: RecordDamage['months'];
  /** Which shipment holds each seal number: a seal is used once in the vault. */
  seals: SealRegistry;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', describeIssues(parsed.error.issues));
  return parsed.data;
}

function currentSheet(s: Shipment): ApprovalSheet | null {
  const last = s.sheets.at(-1);
  return last && last.voidedAt === null ? last : null;
}

/** The rows a viewer may read (need-to-know): the others are not shown nor counted. */
function readableRows(rows: Iterable<ShipmentRow>, viewer: User): ShipmentRow[] {
  const out: ShipmentRow[] = [];
  for (const r of rows) if (mayRead(viewer, r)) out.push(r);
  return out;
}

function readRuleOf(s: Shipment) {
  return { id: s.id, folio: s.folio, classification: s.content.classification, preparedByIds: s.preparedByIds };
}

/**
 * Shipments: prepared by clerks, reviewed by legal, authorised by the Director
 * General on paper, sealed, dispatched and acknowledged (docs/DOMAIN.md, "The shipment life cycle"). Every rule
 * of the life cycle is enforced here, whatever the screens offer.
 */
export class ShipmentService {
  private readonly opened = new WeakMap<Workspace, Promise<Open>>();
  /** What the upgrade or an index rebuild has done so far, while one runs. */
  private working: MaintenanceStatus | null = null;

  /**
   * @param render renders a paper form; in the app it runs on a worker
   * thread (documents/render-pool) so layout never holds up the window.
   */
  constructor(
    private readonly clock: () => Date,
    private readonly render: <N extends FormName>(name: N, input: FormInputs[N]) => Promise<Buffer> = renderForm,
  ) {}

  private open(ws: Workspace): Promise<Open> {
    let pending = this.opened.get(ws);
    if (!pending) {
      pending = (async () => {
        await upgradeShipments(ws, this.progressOf('upgrade')).finally(() => (this.working = null));
        const [store, agencies, agreements, reports, attachments] = await Promise.all([
          ShipmentStore.open(ws.vault, {
            onRebuilt: (reason, count, ms) =>
              ws.audit.record('vault.index_rebuilt', null, `Índice de envíos reconstruido desde los registros (${REBUILD_REASON_LABELS[reason]})`, { envios: count, motivo: reason, ms: Math.round(ms) }).then(() => undefined),
            onProgress: this.progressOf('shipments-index'),
          }),
          ws.vault.doc<{ agencies: Agency[] }>('agencies', { agencies: [] }),
          ws.vault.doc<{ agreements: Agreement[] }>('agreements', { agreements: [] }),
          ws.vault.doc<{ reports: ReportDefinition[]; obligations: Obligation[] }>('reports', { reports: [], obligations: [] }),
          ws.vault.doc<{ files: AttachedFile[] }>('shipment-attachments', { files: [] }),
        ]);
        let ledger: Promise<CustodyLedger> | null = null;
        const o: Open = {
          seals: new SealRegistry(() => store.rowMap(), () => o.custody()),
          store,
          printed: new PrintedSheets(ws.vault),
          queue: new SerialQueue(),
          agencies,
          agreements,
          reports,
          attachments,
          otherDamage: [],
          custody: () => {
            ledger ??= CustodyLedger.open(ws.vault, {
              onRebuilt: (reason, count, ms) =>
                ws.audit.record('vault.index_rebuilt', null, `Índice de la cadena de custodia reconstruido desde los registros (${REBUILD_REASON_LABELS[reason]})`, { eventos: count, motivo: reason, ms: Math.round(ms) }).then(() => undefined),
            }).then(async (l) => {
              await this.reconcile(o, l);
              return l;
            });
            ledger.catch(() => (ledger = null));
            return ledger;
          },
          resetCustody: async () => {
            ledger = null;
            await ws.vault.removeCacheFile(CUSTODY_CHECKPOINT);
          },
        };
        return o;
      })();
      pending.catch(() => this.opened.delete(ws));
      this.opened.set(ws, pending);
    }
    return pending;
  }

  /** The upgrade or index rebuild running now, if any (Inicio shows its progress). */
  maintenance(): MaintenanceStatus | null {
    return this.working;
  }

  private progressOf(task: MaintenanceTask): (done: number, total: number) => void {
    return (done, total) => {
      this.working = done < total ? { task, done, total } : null;
    };
  }

  private async shipment(o: Open, id: string): Promise<Shipment> {
    const s = await o.store.get(id);
    if (!s) throw new AppError('NOT_FOUND', 'El envío no existe.');
    return s;
  }

  /** Saves a revision, then writes the checkpoint at the next quiet moment if enough changed since the last one. */
  private async save(o: Open, before: Shipment | null, next: Shipment, at: Date): Promise<void> {
    await o.store.save(before, next, at);
    // Off the user's path: the save is acknowledged before the checkpoint is written.
    if (o.store.checkpointDue) setImmediate(() => void o.store.checkpoint().catch(() => undefined));
  }

  /** Damage found so far while reading (Inicio names it; it costs no reading of its own). */
  async knownDamage(ws: Workspace): Promise<RecordDamage> {
    const o = await this.open(ws);
    const found = o.store.damage();
    return { months: [...found.months.map((m) => ({ records: 'envios' as const, month: m.month, frames: m.frames.length })), ...o.otherDamage], shipments: found.shipments };
  }

  /** Reads every record of shipments, custody and audit for damage on disk: «Verificar integridad» of the whole vault. */
  async scanDamage(ws: Workspace): Promise<RecordDamage> {
    const o = await this.open(ws);
    const found = await o.store.scanDamage();
    const other: RecordDamage['months'] = [];
    for (const [records, name] of [['custodia', 'custody-events'], ['bitacora', 'audit'], ['impresiones', PRINTS_STREAM]] as const) {
      const stream = name === PRINTS_STREAM ? await ws.vault.stream(name, printFrames) : await ws.vault.stream(name);
      for (const month of await stream.partitions()) {
        const d = await stream.damage(month);
        if (d) other.push({ records, month, frames: d.frames.length + (d.unreadableFrom !== null ? 1 : 0) });
      }
    }
    o.otherDamage = other;
    return { months: [...found.months.map((m) => ({ records: 'envios' as const, month: m.month, frames: m.frames.length })), ...other], shipments: found.shipments };
  }

  /** After a repair: what was known damaged is forgotten, and reading finds anything still damaged again. */
  async forgetDamage(ws: Workspace): Promise<void> {
    const o = await this.open(ws);
    await o.queue.run(async () => {
      await o.store.forgetDamage();
      await o.resetCustody();
    });
    o.otherDamage = [];
  }

  /** Writes the shipments' checkpoint now if anything changed (the vault also does so itself before it locks). */
  async checkpoint(ws: Workspace): Promise<void> {
    const pending = this.opened.get(ws);
    if (pending) await (await pending).store.checkpoint();
  }

  /** The agreement rule (seed 000 A.2) plus "the recipient is one the agency authorised". */
  private checkRecipient(o: Open, content: ShipmentContent, day: string): Agreement {
    const agency = o.agencies.data.agencies.find((a) => a.id === content.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', 'La dependencia destinataria no existe.');
    const agreement = assertMayReceive(agency, o.agreements.data.agreements, day);
    if (!agency.recipients.some((r) => r.id === content.recipientId)) {
      throw new AppError('VALIDATION', `El destinatario elegido no está entre las personas autorizadas por ${agency.acronym}.`);
    }
    return agreement;
  }

  private parseContent(input: unknown): ShipmentContent {
    return parseOrThrow(shipmentContentSchema, input);
  }

  /** What the schema cannot know: attachments really uploaded, and a report period this agency is owed. */
  private checkReferences(o: Open, content: ShipmentContent): void {
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

  private describePeriod(o: Open, s: Shipment): ShipmentDetail['reportPeriod'] {
    const link = s.content.reportPeriod;
    if (!link) return null;
    const obligation = o.reports.data.obligations.find((ob) => ob.id === link.obligationId);
    const report = obligation && o.reports.data.reports.find((r) => r.id === obligation.reportId);
    const bounds = obligation && parsePeriodKey(obligation.frequency, link.periodKey);
    return { reportName: report?.name ?? '(reporte eliminado)', periodLabel: bounds?.label ?? link.periodKey };
  }

  private async storeScan(ws: Workspace, upload: Pick<ScanUpload, 'fileName' | 'mediaType' | 'base64'> | null): Promise<AttachedFile | null> {
    if (!upload) return null;
    const bytes = Buffer.from(upload.base64, 'base64');
    const blobId = `blob-${randomUUID()}`;
    const doc = await ws.vault.doc<{ mediaType: string; base64: string }>(blobId, { mediaType: upload.mediaType, base64: upload.base64 });
    await doc.write();
    return { blobId, fileName: upload.fileName, mediaType: upload.mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /**
   * A handoff is written in two steps: the custody event (the source of
   * truth), then the shipment revision that follows from it. If the program
   * stopped between the two, the event is there and the shipment is behind:
   * catch it up from the event, so both agree again.
   */
  private async reconcile(o: Open, ledger: CustodyLedger): Promise<void> {
    // Only a shipment's newest handoff can be the one whose revision is missing.
    const newest = new Map<string, CustodyIndexEntry>();
    for (const entry of ledger.transitions()) newest.set(entry.shipmentId, entry);
    const rows = await o.store.rowMap();
    for (const [id, entry] of newest) {
      const row = rows.get(id);
      if (!row || row.lastMove === entry.id) continue;
      const shipment = await this.shipment(o, id);
      const [event] = await ledger.load([entry]);
      if (!event?.transition || shipment.state !== event.transition.from) continue;
      await this.save(o, shipment, applyHandoff(shipment, event, null), new Date(event.recordedAt));
    }
  }

  // ---- reading -----------------------------------------------------------

  async list(ws: Workspace, viewer: User, filter: ShipmentFilterInput = {}): Promise<ShipmentPage> {
    const o = await this.open(ws);
    const parsed = parseOrThrow(shipmentFilterSchema, filter);
    const agencies = new Map(o.agencies.data.agencies.map((a) => [a.id, a]));
    const rows = await o.store.rows();
    return searchShipments(readableRows(rows, viewer), parsed, agencies);
  }

  async get(ws: Workspace, user: User, id: string): Promise<ShipmentDetail> {
    const o = await this.open(ws);
    // Loading the ledger first: it may catch this shipment up after an interrupted handoff.
    const ledger = await o.custody();
    const shipment = await this.shipment(o, id);
    await assertMayRead(ws, user, readRuleOf(shipment), 'abrir el detalle');
    const agency = o.agencies.data.agencies.find((a) => a.id === shipment.content.agencyId);
    const recipient = agency?.recipients.find((r) => r.id === shipment.content.recipientId);
    return {
      shipment,
      agency: agency ? { id: agency.id, acronym: agency.acronym, name: agency.name } : null,
      recipient: recipient ? { id: recipient.id, fullName: recipient.fullName, position: recipient.position } : null,
      allowedActions: rulesAllowedActions(shipment, user),
      edit: mayEdit(shipment, user),
      currentSheet: currentSheet(shipment),
      reportPeriod: this.describePeriod(o, shipment),
      custody: await ledger.of(shipment.id),
      custodyHead: custodyHeadOf(ledger, shipment.id),
      brokenSeal: ledger.entriesOf(shipment.id).some((e) => e.brokenSeal),
      pending: pendingFor(shipment, user, ws.users.data.users),
      signer: directorOf(ws.users.data.users),
    };
  }

  /** Shipments whose next step the user may take, the longest waiting first (Inicio). */
  async waitingFor(ws: Workspace, user: User, limit = 20): Promise<WaitingShipment[]> {
    const o = await this.open(ws);
    const waiting: WaitingShipment[] = [];
    for (const s of (await o.store.overview()).open) {
      const step = pendingStepOf(s);
      if (step && mayTakeStep(step, s, user)) waiting.push({ id: s.id, folio: s.folio, subject: s.subject, state: s.state, step: step.text, since: s.updatedAt });
    }
    return waiting.sort((a, b) => a.since.localeCompare(b.since)).slice(0, limit);
  }

  /**
   * What a scanned sheet code (`VALIJA|folio|digest…`) points at. The digest
   * is compared with the shipment's current one, so a clerk holding an old
   * sheet learns at once that it no longer vouches for the content.
   */
  async lookup(ws: Workspace, viewer: User, code: string): Promise<SheetLookup> {
    const parsed = parseSheetCode(code);
    if (!parsed) throw new AppError('VALIDATION', 'El código leído no es el de una hoja de Valija.');
    const o = await this.open(ws);
    const key = folioKey(parsed.folio);
    let found: ShipmentRow | undefined;
    for (const s of await o.store.rows()) {
      if (s.folio !== null && folioKey(s.folio) === key) {
        found = s;
        break;
      }
    }
    if (!found || found.folio === null) throw new AppError('NOT_FOUND', `No hay ningún envío con el folio ${parsed.folio}.`);
    await assertMayRead(ws, viewer, found, 'leer la hoja en el mostrador');
    const sheet = found.sheets.find(([digest]) => digest === parsed.digest);
    return { shipmentId: found.id, folio: found.folio, digestMatches: found.digest === parsed.digest, sheetVoided: sheet ? sheet[1] : true };
  }

  /** Shipments whose folio matches a folio typed by hand (see typedFolioMatches), newest first. */
  async findFolio(ws: Workspace, viewer: User, text: string): Promise<FolioMatch[]> {
    const o = await this.open(ws);
    const year = Number(todayInOffice(this.clock()).slice(0, 4));
    const found: FolioMatch[] = [];
    const rows = await o.store.rows();
    for (const s of readableRows(rows, viewer)) if (s.folio !== null && typedFolioMatches(s.folio, text, year)) found.push({ id: s.id, folio: s.folio, subject: s.subject, state: s.state });
    return found.sort((a, b) => b.folio.localeCompare(a.folio)).slice(0, 20);
  }

  /** Report periods delivered: the shipments in `entregado` that say which period they fulfil. */
  async fulfilledPeriods(ws: Workspace): Promise<Map<string, FulfilledBy>> {
    const o = await this.open(ws);
    const fulfilled = new Map<string, FulfilledBy>();
    for (const f of (await o.store.overview()).fulfilled) fulfilled.set(fulfilledKey(f.obligationId, f.periodKey), { shipmentId: f.shipmentId, folio: f.folio });
    return fulfilled;
  }

  /** Counts by state, for the home screen. */
  async countsByState(ws: Workspace): Promise<Partial<Record<Shipment['state'], number>>> {
    const o = await this.open(ws);
    return { ...(await o.store.overview()).byState };
  }

  /** Stores an attachment encrypted; the form then names it in the shipment's content. */
  async uploadAttachment(ws: Workspace, user: User, input: unknown): Promise<ShipmentAttachment> {
    const upload = parseOrThrow(attachmentUploadSchema, input);
    const o = await this.open(ws);
    const file = await this.storeScan(ws, upload);
    if (!file) throw new AppError('VALIDATION', 'No se recibió el archivo.');
    const attachment: ShipmentAttachment = { ...file, mediaType: upload.mediaType };
    await o.attachments.update((d) => d.files.push(attachment));
    return attachment;
  }

  /** One attachment of a shipment, decrypted. */
  async attachment(ws: Workspace, viewer: User, shipmentId: string, blobId: string): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const o = await this.open(ws);
    const shipment = await this.shipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'descargar un anexo');
    const file = shipment.content.attachments.find((f) => f.blobId === blobId);
    if (!file) throw new AppError('NOT_FOUND', 'El envío no tiene ese anexo.');
    const blob = await ws.vault.doc<{ mediaType: string; base64: string }>(file.blobId, { mediaType: '', base64: '' });
    return { fileName: file.fileName, mediaType: blob.data.mediaType, base64: blob.data.base64 };
  }

  /** The scan of a signed sheet or of an acknowledgement, decrypted. */
  async scan(ws: Workspace, viewer: User, id: string, which: 'signature' | 'acknowledgement'): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const o = await this.open(ws);
    const s = await this.shipment(o, id);
    await assertMayRead(ws, viewer, readRuleOf(s), 'descargar un escaneo');
    const file = which === 'signature' ? s.signature?.scan : s.acknowledgementScan;
    if (!file) throw new AppError('NOT_FOUND', 'El envío no tiene ese documento escaneado.');
    const blob = await ws.vault.doc<{ mediaType: string; base64: string }>(file.blobId, { mediaType: '', base64: '' });
    return { fileName: file.fileName, mediaType: blob.data.mediaType, base64: blob.data.base64 };
  }

  /**
   * Issues a paper form of the shipment: counts it (a second print of the
   * same form says «REIMPRESIÓN n»), audits who printed which form of which
   * content, and renders it. The approval sheet prints the content it
   * vouched for: an older, voided sheet prints as it was, marked ANULADA.
   */
  async printForm(ws: Workspace, user: User, input: unknown): Promise<PrintedForm> {
    const req = parseOrThrow(printInputSchema, input);
    const o = await this.open(ws);
    // In the write queue: the reprint number printed on the sheet must be the one recorded with it.
    return o.queue.run(async () => {
      const shipment = await this.shipment(o, req.shipmentId);
      await assertMayRead(ws, user, readRuleOf(shipment), `imprimir ${PAPER_FORM_LABELS[req.form]}`);
      if (req.form === 'mediaManifest' && !shipment.content.media) throw new AppError('VALIDATION', 'El manifiesto sólo existe para envíos en medio magnético.');
      const sheet = req.form === 'approval' ? (req.sheetVersion === undefined ? shipment.sheets.at(-1) : shipment.sheets.find((x) => x.version === req.sheetVersion)) : undefined;
      if (req.form === 'approval' && !sheet) throw new AppError('NOT_FOUND', 'El envío todavía no tiene hoja de autorización.');
      const agency = o.agencies.data.agencies.find((a) => a.id === shipment.content.agencyId) ?? null;
      const office = ws.office.data;
      const ctx: FormContext = {
        office: { institution: office.institution, unit: office.unit, acronym: office.acronym, address: office.address, ...(office.logoPngDataUrl ? { logoPngDataUrl: office.logoPngDataUrl } : {}) },
        shipment,
        agency,
        custody: await (await o.custody()).of(shipment.id),
        users: ws.users.data.users,
        now: this.clock(),
        printedBy: user,
      };
      const options = { pageSize: req.pageSize, labelSize: req.labelSize };
      const variant = sheet ? `hoja${sheet.version}` : req.form === 'envelopeLabel' ? (req.labelSize ?? 'media_carta') : '';
      // Validate and lay out before recording, so a form that cannot print leaves no trace.
      const reprint = await o.printed.printedBefore(shipment, req.form, variant);
      const pdf = sheet
        ? await this.render('approval', approvalInput(ctx, sheet, await this.contentOfSheet(o, shipment, sheet), options, reprint))
        : await this.renderOther(req.form as Exclude<PaperForm, 'approval'>, ctx, options, reprint);
      const folio = (shipment.folio ?? shipment.id).replaceAll('/', '-');
      const suffix = sheet ? `-hoja${sheet.version}` : req.form === 'envelopeLabel' ? `-${req.labelSize ?? 'media_carta'}` : '';
      const fileName = `${FORM_FILE_NAMES[req.form]}-${folio}${suffix}${reprint > 0 ? `-reimpresion${reprint}` : ''}.pdf`;
      // The bytes first, then the shipment's entry that points at them: a print the vault could not keep is not counted or audited.
      const print = { form: req.form, variant, ...(sheet ? { sheetVersion: sheet.version } : {}), reprint, printedAt: ctx.now.toISOString(), printedBy: user.fullName, fileName };
      const stored = await o.printed.store(shipment, print, pdf, ctx.now);
      await this.save(o, shipment, { ...shipment, rev: shipment.rev + 1, prints: [...(shipment.prints ?? []), stored] }, ctx.now);
      const digest = sheet?.digest ?? shipment.digest;
      await ws.audit.record('document.printed', actorOf(user), shipment.folio ?? shipment.content.subject, {
        envio: shipment.id,
        formato: PAPER_FORM_LABELS[req.form],
        huella: digest,
        cadena: chainHeadText(ctx.custody),
        ...(reprint > 0 ? { reimpresion: reprint } : {}),
        ...(sheet ? { hoja: sheet.version } : {}),
        pdf_sha256: stored.sha256,
        impreso: stored.id,
      });
      return { fileName, mediaType: 'application/pdf', base64: pdf.toString('base64'), reprint, printedSheetId: stored.id, sha256: stored.sha256 };
    });
  }

  /** The prints of a shipment kept in the vault, oldest first. */
  async printedSheets(ws: Workspace, viewer: User, shipmentId: string): Promise<PrintedSheetInfo[]> {
    const o = await this.open(ws);
    const shipment = await this.shipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'ver las impresiones');
    return o.printed.of(shipment);
  }

  /** One kept print, byte for byte as it was printed. */
  async printedSheet(ws: Workspace, viewer: User, shipmentId: string, sheetId: string): Promise<{ record: PrintedSheetInfo; pdf: Buffer }> {
    const o = await this.open(ws);
    const shipment = await this.shipment(o, shipmentId);
    await assertMayRead(ws, viewer, readRuleOf(shipment), 'descargar una impresión');
    return o.printed.bytes(shipment, sheetId);
  }

  /** One kept print as a download for the screen. */
  async printedSheetDownload(ws: Workspace, viewer: User, shipmentId: string, sheetId: string): Promise<{ fileName: string; mediaType: string; base64: string }> {
    const { record, pdf } = await this.printedSheet(ws, viewer, shipmentId, sheetId);
    return { fileName: record.fileName, mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }

  private renderOther(form: Exclude<PaperForm, 'approval'>, ctx: FormContext, options: PrintOptions, reprint: number): Promise<Buffer> {
    switch (form) {
      case 'envelopeCover':
        return this.render('envelopeCover', envelopeCoverInput(ctx, options, reprint));
      case 'envelopeLabel':
        return this.render('envelopeLabel', envelopeLabelInput(ctx, options, reprint));
      case 'custodyRegister':
        return this.render('custodyRegister', custodyRegisterInput(ctx, options, reprint));
      case 'receipt':
        return this.render('receipt', receiptInput(ctx, options, reprint));
      case 'mediaManifest':
        return this.render('mediaManifest', mediaManifestInput(ctx, options, reprint));
    }
  }

  /** The content a sheet vouched for: the current one, or for a voided sheet the revision that produced it. */
  private async contentOfSheet(o: Open, shipment: Shipment, sheet: ApprovalSheet): Promise<ShipmentContent> {
    if (sheet.digest === shipment.digest) return shipment.content;
    const revisions = await o.store.revisions(shipment.id);
    return revisions.find((r) => r.digest === sheet.digest)?.content ?? shipment.content;
  }

  // ---- content -----------------------------------------------------------

  async createDraft(ws: Workspace, user: User, input: unknown): Promise<Shipment> {
    const content = this.parseContent(input);
    const o = await this.open(ws);
    return o.queue.run(async () => {
      const now = this.clock();
      const agreement = this.checkRecipient(o, content, todayInOffice(now));
      this.checkReferences(o, content);
      await o.seals.assertFree(content.envelope?.seals ?? [], null);
      const actor = actorOf(user);
      const shipment: Shipment = {
        id: randomUUID(),
        rev: 1,
        folio: null,
        folioYear: null,
        folioNumber: null,
        state: 'borrador',
        content,
        digest: contentDigest(content),
        agreementNumber: agreement.number,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        preparedBy: actor,
        preparedByIds: [user.id],
        sheets: [],
        signature: null,
        acknowledgementScan: null,
        closingReason: null,
        history: [{ at: now.toISOString(), actor, action: 'crear', from: null, to: 'borrador', observations: '', details: {} }],
      };
      await this.save(o, null, shipment, now);
      await ws.audit.record('shipment.created', actor, shipment.content.subject, { envio: shipment.id, canal: content.channel });
      return shipment;
    });
  }

  /**
   * Saves new content. In borrador/devuelto it just changes; once the sheet
   * exists (por_firmar/autorizado) the sheet is voided and the shipment goes
   * back to legal review; anywhere else the content is frozen.
   */
  async update(ws: Workspace, user: User, id: string, input: unknown): Promise<Shipment> {
    const content = this.parseContent(input);
    const o = await this.open(ws);
    return o.queue.run(async () => {
      // An interrupted handoff is caught up when the ledger loads: read the shipment after that.
      await o.custody();
      const before = await this.shipment(o, id);
      const outcome = mayEdit(before, user);
      if (outcome === null) {
        if (editOutcome(before.state) !== null) throw new AppError('FORBIDDEN', 'Sólo un usuario con el rol Capturista o Administrador puede modificar envíos.');
        throw new AppError('SHIPMENT_NOT_EDITABLE', `El contenido de un envío en estado «${SHIPMENT_STATE_LABELS[before.state]}» ya no puede modificarse.`);
      }
      if (canonicalJson(content) === canonicalJson(before.content)) return before;
      const now = this.clock();
      const at = now.toISOString();
      const agreement = this.checkRecipient(o, content, todayInOffice(now));
      this.checkReferences(o, content);
      await o.seals.assertFree(content.envelope?.seals ?? [], id);
      const actor = actorOf(user);
      const digest = contentDigest(content);
      const next: Shipment = {
        ...before,
        rev: before.rev + 1,
        content,
        digest,
        agreementNumber: agreement.number,
        updatedAt: at,
        preparedByIds: before.preparedByIds.includes(user.id) ? before.preparedByIds : [...before.preparedByIds, user.id],
      };
      if (outcome === 'back_to_review') {
        const voidReason = 'El contenido cambió después de generar la hoja de autorización.';
        next.state = 'en_revision_juridica';
        next.sheets = before.sheets.map((sheet) => (sheet.voidedAt === null ? { ...sheet, voidedAt: at, voidReason } : sheet));
        next.signature = null;
        next.history = [...before.history, { at, actor, action: 'editar', from: before.state, to: 'en_revision_juridica', observations: voidReason, details: { hojaAnulada: true, huellaAnterior: before.digest, huellaNueva: digest } }];
      } else {
        next.history = [...before.history, { at, actor, action: 'editar', from: before.state, to: before.state, observations: '', details: { huellaNueva: digest } }];
      }
      await this.save(o, before, next, now);
      await ws.audit.record('shipment.updated', actor, next.folio ?? next.content.subject, { envio: id });
      if (outcome === 'back_to_review') {
        await ws.audit.record('shipment.sheet_voided', actor, next.folio ?? next.content.subject, { envio: id, folio: next.folio ?? '' });
      }
      return next;
    });
  }

  // ---- transitions -------------------------------------------------------

  /** The actions `user` may take now on shipment `id`. */
  async allowedActions(ws: Workspace, user: User, id: string): Promise<ShipmentAction[]> {
    const o = await this.open(ws);
    return rulesAllowedActions(await this.shipment(o, id), user);
  }

  /** Takes one life-cycle action: state, role and segregation of duties are checked here, then the payload. */
  async act<A extends ShipmentAction>(ws: Workspace, user: User, id: string, action: A, payload: unknown): Promise<Shipment> {
    const schema: z.ZodType = actionPayloadSchemas[action];
    const parsed = parseOrThrow(schema, payload ?? {}) as ActionPayload<ShipmentAction>;
    const o = await this.open(ws);
    return o.queue.run(async () => {
      // An interrupted handoff is caught up when the ledger loads: read the shipment after that.
      await o.custody();
      const before = await this.shipment(o, id);
      const refusal = refusalOf(before, user, action);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const now = this.clock();
      const at = now.toISOString();
      const actor = actorOf(user);
      if (isHandoffAction(action)) return this.handoff(ws, o, user, before, action, parsed as HandoffPayload, now);
      const to = TRANSITIONS[action].to;
      const next: Shipment = { ...before, rev: before.rev + 1, state: to, updatedAt: at };
      let observations = '';
      const details: HistoryEntry['details'] = {};
      const p = parsed as Record<string, unknown>;
      switch (action) {
        case 'enviar_a_revision':
        case 'aprobar_revision':
          observations = String(p.remarks ?? p.observations ?? '');
          break;
        case 'devolver':
          observations = String(p.observations);
          break;
        case 'generar_hoja': {
          const agreement = this.checkRecipient(o, before.content, todayInOffice(now));
          if (before.folio === null) {
            const year = Number(todayInOffice(now).slice(0, 4));
            await o.store.rowMap(); // the folio counter knows every folio once the rows are loaded
            const number = o.store.folios.next(year);
            next.folio = formatFolio(ws.office.data.folioPrefix, number, year);
            next.folioYear = year;
            next.folioNumber = number;
          }
          const sheet: ApprovalSheet = {
            version: before.sheets.length + 1,
            folio: next.folio as string,
            digest: before.digest,
            generatedAt: at,
            generatedBy: actor,
            agreementNumber: agreement.number,
            voidedAt: null,
            voidReason: null,
          };
          next.agreementNumber = agreement.number;
          next.sheets = [...before.sheets, sheet];
          details.folio = sheet.folio;
          details.hoja = sheet.version;
          details.huella = sheet.digest;
          break;
        }
        case 'registrar_firma': {
          const f = parsed as ActionPayload<'registrar_firma'>;
          const sheet = currentSheet(before);
          if (!sheet || sheet.digest !== before.digest) throw new AppError('INVALID_TRANSITION', 'La hoja de autorización vigente no corresponde al contenido actual; genérela de nuevo.');
          checkSignature(sheet, (await o.printed.printedBefore(before, 'approval', `hoja${sheet.version}`)) > 0, f.signedOn, now);
          next.signature = { signerName: f.signerName, signerPosition: f.signerPosition, signedOn: f.signedOn, scan: await this.storeScan(ws, f.scan), recordedBy: actor, recordedAt: at };
          details.firmante = `${f.signerName}, ${f.signerPosition}`;
          details.fechaFirma = f.signedOn;
          break;
        }
        case 'cancelar':
          observations = String(p.reason);
          next.closingReason = observations;
          break;
        default:
          throw new AppError('INTERNAL', 'Acción sin tratamiento.');
      }
      next.history = [...before.history, { at, actor, action, from: before.state, to, observations, details }];
      await this.save(o, before, next, now);
      await ws.audit.record(AUDIT_OF[action], actor, next.folio ?? next.content.subject, {
        envio: id,
        de: before.state,
        a: to,
        ...(observations ? { observaciones: observations } : {}),
        ...details,
      });
      return next;
    });
  }

  // ---- custody -------------------------------------------------------------

  /** A physical handoff that moves the shipment: the custody event first, then the revision that follows from it. */
  private async handoff(ws: Workspace, o: Open, user: User, before: Shipment, action: HandoffAction, payload: HandoffPayload, now: Date): Promise<Shipment> {
    const actor = actorOf(user);
    const ledger = await o.custody();
    const chain = await ledger.of(before.id);
    checkSeals(before, chain, action, payload.seals);
    checkEventTime(chain, { at: payload.at, corrects: null }, now);
    if (action === 'sellar') {
      checkMediaLoaded(before, chain);
      await o.seals.assertFree(payload.seals.map((x) => x.number), before.id);
    }
    // The agreement must hold on the dispatch date, not only when the draft was made.
    const agreementNumber = action === 'despachar' ? this.checkRecipient(o, before.content, todayInOffice(now)).number : null;
    const reason = 'reason' in payload ? payload.reason : '';
    const document = 'scan' in payload ? await this.storeScan(ws, payload.scan) : null;
    const event = await ledger.append(
      {
        ...eventFields(payload, HANDOFF_EVENT_TYPE[action]),
        remarks: [reason, payload.remarks].filter(Boolean).join(' — '),
        id: randomUUID(),
        shipmentId: before.id,
        folio: before.folio,
        transition: { action, from: before.state, to: TRANSITIONS[action].to },
        brokenSeal: payload.seals.some((seal) => !seal.intact),
        document,
        recordedBy: actor,
        recordedAt: now.toISOString(),
      },
      now,
    );
    if (action === 'sellar') await o.seals.noteSealed(before.id, event.seals.map((x) => x.number));
    const next = applyHandoff(before, event, agreementNumber);
    await this.save(o, before, next, now);
    await ws.audit.record(AUDIT_OF[action], actor, next.folio ?? next.content.subject, { envio: before.id, de: before.state, a: next.state, eventoCustodia: event.id, ...(event.remarks ? { observaciones: event.remarks } : {}) });
    if (event.brokenSeal) await ws.audit.record('custody.broken_seal', actor, next.folio ?? next.content.subject, { envio: before.id, eventoCustodia: event.id });
    return next;
  }

  /**
   * A custody event that does not move the shipment: a relay between
   * couriers, storage in the archive, an authorised opening, or a correction
   * of an earlier event (which stays as it was).
   */
  async recordCustody(ws: Workspace, user: User, id: string, input: unknown): Promise<CustodyEvent> {
    const fields = parseOrThrow(custodyEventInputSchema, input);
    const o = await this.open(ws);
    return o.queue.run(async () => {
      const shipment = await this.shipment(o, id);
      if (shipment.state === 'borrador' || shipment.state === 'cancelado') {
        throw new AppError('INVALID_TRANSITION', `Un envío en estado «${SHIPMENT_STATE_LABELS[shipment.state]}» no está bajo custodia.`);
      }
      const ledger = await o.custody();
      if (fields.corrects !== null && !ledger.entriesOf(id).some((e) => e.id === fields.corrects)) {
        throw new AppError('VALIDATION', 'El evento que se corrige no pertenece a este envío.');
      }
      const chain = await ledger.of(id);
      checkSeals(shipment, chain, null, fields.seals);
      const now = this.clock();
      checkEventTime(chain, fields, now);
      const actor = actorOf(user);
      const event = await ledger.append(
        { ...fields, id: randomUUID(), shipmentId: id, folio: shipment.folio, transition: null, brokenSeal: fields.seals.some((seal) => !seal.intact), document: null, recordedBy: actor, recordedAt: now.toISOString() },
        now,
      );
      await ws.audit.record('custody.recorded', actor, shipment.folio ?? shipment.content.subject, { envio: id, eventoCustodia: event.id, tipo: event.type, ...(event.corrects ? { corrige: event.corrects } : {}) });
      if (event.brokenSeal) await ws.audit.record('custody.broken_seal', actor, shipment.folio ?? shipment.content.subject, { envio: id, eventoCustodia: event.id });
      return event;
    });
  }

  /** The custody ledger and the shipments' rows, for the global log, verification and export; `load` reads a whole shipment. */
  async custodyView(ws: Workspace): Promise<CustodyView> {
    const o = await this.open(ws);
    const acronyms = new Map(o.agencies.data.agencies.map((a) => [a.id, a.acronym]));
    const ledger = await o.custody();
    const rows = await o.store.rowMap();
    return { ledger, shipment: (id) => rows.get(id), load: (id) => o.store.get(id), agencyAcronym: (id) => acronyms.get(id) ?? '—' };
  }
}

type HandoffPayload = ActionPayload<HandoffAction>;

export interface CustodyView {
  ledger: CustodyLedger;
  shipment: (id: string) => ShipmentRow | undefined;
  load: (id: string) => Promise<Shipment | undefined>;
  agencyAcronym: (id: string) => string;
}

function pendingFor(shipment: Shipment, user: User, users: readonly User[]): ShipmentDetail['pending'] {
  const step = pendingStepOf({ ...shipment, channel: shipment.content.channel });
  if (!step) return null;
  const people = users.filter((u) => u.active && mayTakeStep(step, shipment, u)).map((u) => u.fullName).sort((a, b) => a.localeCompare(b, 'es'));
  return { ...step, people, you: mayTakeStep(step, shipment, user) };
}

/** The office's Director(a) General: the active user with that role (the first by name when there are several). */
function directorOf(users: readonly User[]): ShipmentDetail['signer'] {
  const director = users.filter((u) => u.active && u.roles.includes('director')).sort((a, b) => a.fullName.localeCompare(b.fullName, 'es'))[0];
  return director ? { name: director.fullName, position: director.position || 'Director(a) General' } : null;
}

const FORM_FILE_NAMES: Record<PaperForm, string> = {
  approval: 'autorizacion',
  envelopeCover: 'caratula-sobre',
  envelopeLabel: 'etiqueta-sobre',
  custodyRegister: 'registro-custodia',
  receipt: 'acuse-recibo',
  mediaManifest: 'manifiesto-medio',
};

function custodyHeadOf(ledger: CustodyLedger, shipmentId: string): string | null {
  const head = ledger.head(shipmentId);
  return head ? shortHash(head.hash) : null;
}

function eventFields(payload: HandoffPayload, type: CustodyEvent['type']): CustodyEventFields {
  return { type, at: payload.at, from: payload.from, to: payload.to, place: payload.place, purpose: payload.purpose, seals: payload.seals, remarks: payload.remarks, corrects: null, courierId: payload.courierId };
}

/**
 * Seals named at a handoff must be the shipment's: at sealing, exactly the
 * envelope's recorded seals (when it has any); afterwards, any seal recorded
 * or observed before.
 */
function checkSeals(shipment: Shipment, custody: readonly CustodyEvent[], action: HandoffAction | null, seen: readonly SealObservation[]): void {
  const recorded = shipment.content.envelope?.seals ?? [];
  if (action === 'sellar' && recorded.length > 0) {
    const seenKeys = new Set(seen.map((x) => sealKey(x.number)));
    const expected = new Set(recorded.map(sealKey));
    const missing = recorded.filter((x) => !seenKeys.has(sealKey(x)));
    const extra = seen.map((x) => x.number).filter((x) => !expected.has(sealKey(x)));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [missing.length ? `faltan ${missing.join(', ')}` : '', extra.length ? `no registrados: ${extra.join(', ')}` : ''].filter(Boolean);
      throw new AppError('SEALS_MISMATCH', `Los sellos verificados no coinciden con los registrados (${parts.join('; ')}).`);
    }
    return;
  }
  if (action === 'sellar') return;
  const known = new Set(knownSeals(recorded, custody).map(sealKey));
  const unknown = seen.filter((x) => !known.has(sealKey(x.number))).map((x) => x.number);
  if (unknown.length > 0) throw new AppError('SEALS_MISMATCH', `${unknown.length === 1 ? 'El sello' : 'Los sellos'} ${unknown.join(', ')} no ${unknown.length === 1 ? 'está registrado' : 'están registrados'} en este envío.`);
}

/**
 * A magnetic medium goes into the envelope already loaded and verified: the
 * load recorded after the current authorisation (an edit voids the
 * signature, and the files authorised before may no longer be these).
 */
function checkMediaLoaded(shipment: Shipment, custody: readonly CustodyEvent[]): void {
  if (shipment.content.channel !== 'medio_magnetico') return;
  const since = shipment.signature?.recordedAt ?? '';
  if (!custody.some((e) => isMediaLoadEvent(e) && e.recordedAt >= since)) {
    throw new AppError('MEDIA_NOT_LOADED', 'Antes de sellar, cargue el medio magnético y deje que Valija lo verifique (Medios extraíbles → Cargar medio). El sobre se sella con el medio ya cargado.');
  }
}

/** The shipment revision that a handoff event makes; also used to catch up after an interrupted write. */
function applyHandoff(before: Shipment, event: CustodyEvent, agreementNumber: string | null): Shipment {
  const t = event.transition;
  if (!t) throw new AppError('INTERNAL', 'El evento no cambia el estado del envío.');
  const details: HistoryEntry['details'] = { eventoCustodia: event.id, entrega: describeParty(event.from), recibe: describeParty(event.to), lugar: event.place };
  if (event.seals.length > 0) details.sellos = event.seals.map((x) => `${x.number}${x.intact ? '' : ' (dañado)'}`).join(', ');
  if (event.brokenSeal) details.selloDanado = true;
  return {
    ...before,
    rev: before.rev + 1,
    state: t.to,
    updatedAt: event.recordedAt,
    agreementNumber: agreementNumber ?? before.agreementNumber,
    acknowledgementScan: event.document ?? before.acknowledgementScan,
    closingReason: t.action === 'rechazar' || t.action === 'devolucion_mensajeria' ? event.remarks : before.closingReason,
    history: [...before.history, { at: event.recordedAt, actor: event.recordedBy, action: t.action, from: t.from, to: t.to, observations: event.remarks, details }],
  };
}
